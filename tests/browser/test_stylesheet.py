"""Each visitor's page inlines only the rules it can use (core.stylesheet.fit): in a browser, every element of
every page is styled exactly as the whole stylesheet would style it. (Members' pages carry the whole.)"""

import pytest

from core import stylesheet
from tests.browser.test_quality import PUBLIC_PAGES

pytestmark = pytest.mark.django_db(transaction=True)

# Every computed property of every element, and of its ::before and ::after where they have content, with each
# <details> open.
COMPUTED = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const out = [];
  for (const el of document.querySelectorAll('body, body *')) {
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('');
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && ['none', 'normal'].includes(style.content)) { out.push([name + pseudo, style.content]); continue; }
      const values = [];
      for (let i = 0; i < style.length; i++) values.push(style[i] + ': ' + style.getPropertyValue(style[i]));
      out.push([name + (pseudo || ''), values.join('; ')]);
    }
  }
  return out;
}"""
WHOLE = "css => { document.querySelector('head style').textContent = css; }"


@pytest.fixture
def unguarded(browser, live_server):
    """Pages whose inline stylesheet a test may replace (the policy would refuse the change), at a width."""
    contexts = []

    def open_page(width: int):
        contexts.append(
            browser.new_context(base_url=live_server.url, bypass_csp=True, viewport={"width": width, "height": 800})
        )
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


def differences(page) -> list[str]:
    fitted = page.evaluate(COMPUTED)
    page.evaluate(WHOLE, str(stylesheet.css()))
    whole = page.evaluate(COMPUTED)
    assert len(fitted) == len(whole) > 100
    found = []
    for (element, mine), (_, theirs) in zip(fitted, whole, strict=True):
        if mine != theirs:
            changed = {part for part in mine.split("; ")} ^ {part for part in theirs.split("; ")}
            found.append(f"{element}: {sorted(changed)[:4]}")
    return found


@pytest.mark.parametrize("width", [375, 1440])
def test_the_fitted_stylesheet_styles_every_public_page_as_the_whole_one_does(unguarded, site, width):
    page = unguarded(width)
    for path in PUBLIC_PAGES:
        page.goto(path)
        inlined = page.evaluate("() => document.querySelector('head style').textContent")
        assert len(inlined) < len(stylesheet.css()), path  # the page carries less than the whole
        assert differences(page) == [], path
    page.goto("/accounts/login/")  # a form that comes back with its errors
    page.get_by_label("Username or email").fill("lena")
    page.get_by_label("Password").fill("not her password")
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".alert, .is-invalid, .invalid-feedback").count() > 0
    assert differences(page) == [], "log-in with errors"
    page.emulate_media(media="print")
    for path in ["/screenings/demo-club-screening/programme/", "/facts/palme-dor-winner/"]:
        page.goto(path)
        assert differences(page) == [], f"{path} printed"
