"""Every cached entry is keyed by the code's release, so a deploy never serves what the code before it stored."""

from pagecache.release import digest_of


def write(root, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_change_to_a_template_view_stylesheet_or_pinned_library_is_a_new_release(tmp_path):
    write(tmp_path, "templates/base.html", "<html>")
    write(tmp_path, "facts/views.py", "x = 1")
    write(tmp_path, "static/css/site.css", "a {}")
    write(tmp_path, "requirements.txt", "Django==5.2.19")
    releases = {digest_of(tmp_path)}
    for name, text in [
        ("templates/base.html", "<html lang=en>"),
        ("facts/views.py", "x = 2"),
        ("static/css/site.css", "a { color: red }"),
        ("requirements.txt", "Django==5.2.20"),
    ]:
        write(tmp_path, name, text)
        releases.add(digest_of(tmp_path))
    assert len(releases) == 5


def test_what_a_running_site_writes_and_what_pages_are_not_made_of_is_no_new_release(tmp_path):
    write(tmp_path, "templates/base.html", "<html>")
    before = digest_of(tmp_path)
    write(tmp_path, "media/avatars/a.jpg", "jpeg")
    write(tmp_path, ".cache/entry.djcache", "cached")
    write(tmp_path, "tests/test_x.py", "def test(): pass")
    write(tmp_path, "db.sqlite3", "rows")
    assert digest_of(tmp_path) == before
