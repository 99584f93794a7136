"""Screenshots of the main pages at 375 px and 1280 px, and their comparison with an earlier set.

Used to check that a change to how the CSS is built and delivered leaves the pages looking the same:
take a set before the change, one after, and compare. Full-page screenshots with Debian's chromium,
against gunicorn with debug off (as `make lighthouse` serves the site).

Usage:
  python benchmarks/screenshots.py take DIR
  python benchmarks/screenshots.py compare BEFORE AFTER   # exits 1 when a page differs past TOLERANCE
"""

import os
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageChops

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.lighthouse import self_signed_certificate  # noqa: E402
from benchmarks.server import gunicorn, prepare, site_env, workdir  # noqa: E402

PAGES = {
    "home": "/",
    "facts": "/facts/",
    "fact": "/facts/palme-dor-winner/",
    "faq": "/faq/",
    "screening": "/screenings/demo-winter-evening/",
}
WIDTHS = (375, 1280)
# The share of pixels that may differ (anti-aliasing of text can move by a shade), and by how much.
TOLERANCE = 0.005
SHADE = 48


def take(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    folder.mkdir(parents=True, exist_ok=True)
    port = 8402
    with workdir() as tmp:
        env = site_env("sqlite", tmp, SITE_URL=f"https://127.0.0.1:{port}")
        prepare(env)
        server = gunicorn(env, port=port, workers=2, tls=self_signed_certificate(tmp))
        with server as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 800}, ignore_https_errors=True)
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="networkidle")
                    page.screenshot(path=folder / f"{name}-{width}.png", full_page=True, animations="disabled")
                page.close()
            browser.close()


def difference(before: Path, after: Path) -> float:
    """The share of pixels that differ by more than SHADE in any channel (1.0 when the sizes differ)."""
    old, new = Image.open(before).convert("RGB"), Image.open(after).convert("RGB")
    if old.size != new.size:
        return 1.0
    diff = ImageChops.difference(old, new).convert("L").point(lambda value: 255 if value > SHADE else 0)
    return diff.histogram()[255] / (old.width * old.height)


def compare(before: Path, after: Path) -> int:
    failed = False
    for name in sorted(path.name for path in before.glob("*.png")):
        share = difference(before / name, after / name)
        sizes = f"{Image.open(before / name).size} -> {Image.open(after / name).size}"
        print(f"{name:24} {share:8.4%} of pixels differ  {sizes}")
        failed |= share > TOLERANCE
    print(f"tolerance {TOLERANCE:.1%}: {'MISSED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "take":
        take(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
