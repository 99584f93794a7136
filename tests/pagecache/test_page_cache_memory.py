"""Fragments and values kept in the worker's memory: retired with the content version, dead after
CLUB_PAGE_CACHE_SECONDS like the shared cache's, and a member's request reads the cache once."""

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client

import pagecache
from pagecache import memory

pytestmark = pytest.mark.django_db


def test_a_fragment_is_rendered_once_per_version_then_kept_in_this_process(settings, monkeypatch):
    settings.CLUB_PAGE_CACHE_SECONDS = 300
    renders = []
    render = lambda: renders.append(1) or f"<p>{len(renders)}</p>"  # noqa: E731
    version = pagecache.current_version()
    assert memory.fragment("box", version, [1], render) == "<p>1</p>"
    monkeypatch.setattr(cache, "get", lambda *a, **k: pytest.fail("read the shared cache for a kept fragment"))
    assert memory.fragment("box", version, [1], render) == "<p>1</p>"
    monkeypatch.undo()
    assert memory.fragment("box", version, [2], render) == "<p>2</p>", "other parts, another fragment"
    pagecache.invalidate()
    assert memory.fragment("box", pagecache.current_version(), [1], render) == "<p>3</p>", "a change retires it"


def test_another_process_takes_a_fragment_from_the_shared_cache(settings):
    settings.CLUB_PAGE_CACHE_SECONDS = 300
    version = pagecache.current_version()
    memory.fragment("box", version, [], lambda: "<p>made here</p>")
    memory.recent.clear()  # as a second worker, with nothing of its own
    assert memory.fragment("box", version, [], lambda: pytest.fail("rendered again")) == "<p>made here</p>"


def test_kept_entries_die_after_the_cache_seconds_here_as_in_the_shared_cache(settings, monkeypatch):
    settings.CLUB_PAGE_CACHE_SECONDS = 60
    clock = {"wall": 1_000_000.0, "monotonic": 500.0}
    monkeypatch.setattr(memory.time, "time", lambda: clock["wall"])
    monkeypatch.setattr(memory.time, "monotonic", lambda: clock["monotonic"])
    version = pagecache.current_version()
    memory.fragment("box", version, [], lambda: "old")
    assert memory.value("next", version, [], lambda: "old") == "old"
    clock["wall"] += 59
    clock["monotonic"] += 59
    assert memory.fragment("box", version, [], lambda: "new") == "old"
    assert memory.value("next", version, [], lambda: "new") == "old"
    clock["wall"] += 2
    clock["monotonic"] += 2
    memory.recent.clear()  # a second worker reading the shared entry sees it has expired too
    assert memory.fragment("box", version, [], lambda: "new") == "new"
    assert memory.value("next", version, [], lambda: "new") == "new"


def test_with_the_cache_off_everything_is_made_afresh(settings):
    settings.CLUB_PAGE_CACHE_SECONDS = 0
    assert memory.fragment("box", "v", [], lambda: "a") == "a"
    assert memory.fragment("box", "v", [], lambda: "b") == "b"
    assert memory.value("n", "v", [], lambda: 2) == 2


def test_the_process_keeps_only_its_most_recent_entries(monkeypatch):
    recent = memory.Recent(2)
    for name in "abc":
        recent.set(name, name, deadline=float("inf"))
    assert recent.get("a") is memory.MISSING and recent.get("b") == "b"
    recent.set("d", "d", deadline=float("inf"))
    assert recent.get("b") == "b" and recent.get("c") is memory.MISSING


def test_the_fragment_tag_needs_a_name_and_renders_its_body_once(settings, rf):
    settings.CLUB_PAGE_CACHE_SECONDS = 300
    with pytest.raises(TemplateSyntaxError):
        Template("{% load fragments %}{% fragment %}x{% endfragment %}")
    template = Template('{% load fragments %}{% fragment "t" n %}<b>{{ text }}</b>{% endfragment %}')
    request = rf.get("/")
    assert template.render(Context({"request": request, "n": 1, "text": "<i>"})) == "<b>&lt;i&gt;</b>"
    assert template.render(Context({"request": request, "n": 1, "text": "changed"})) == "<b>&lt;i&gt;</b>"
    assert template.render(Context({"request": request, "n": 2, "text": "changed"})) == "<b>changed</b>"


def test_a_members_page_reads_the_cache_once_for_the_session_and_the_versions(client, member, fact, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.CLUB_PAGE_CACHE_SECONDS = 300
    client.force_login(member)
    client.get(fact.get_absolute_url())
    Client().get(fact.get_absolute_url())  # a visitor's copy of the page is in the shared cache
    memory.recent.clear()  # as a worker that has kept nothing yet
    reads, inside, get, get_many = [], [], cache.get, cache.get_many

    def read_one(key, *args, **kwargs):
        if not inside:  # the local memory cache's get_many reads each key with get
            reads.append(("get", key))
        return get(key, *args, **kwargs)

    def read_many(keys, *args, **kwargs):
        reads.append(("get_many", len(keys)))
        inside.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    cache.get, cache.get_many = read_one, read_many
    try:
        response = client.get(fact.get_absolute_url())
    finally:
        del cache.get, cache.get_many
    assert response.status_code == 200 and member.public_name in response.content.decode()
    # The two versions, the session and the visitors' page (kept by the worker, so asked for once); then
    # the fragments this worker has not kept yet, one key each.
    assert reads[0] == ("get_many", 4) and reads[1:] and all(read[0] == "get" for read in reads[1:])
    reads.clear()
    cache.get, cache.get_many = read_one, read_many
    try:
        client.get(fact.get_absolute_url())
    finally:
        del cache.get, cache.get_many
    assert reads == [("get_many", 3)], "the two versions and the session, in one read"


def test_a_visitor_with_a_session_but_no_account_still_gets_the_cached_page(fact):
    Client().get(fact.get_absolute_url())
    visitor = Client()
    session = visitor.session
    session["seen"] = True
    session.save()
    visitor.cookies["sessionid"] = session.session_key
    replayed = []
    replay = pagecache.pages._replay
    pagecache.pages._replay = lambda *args: replayed.append(1) or replay(*args)
    try:
        assert visitor.get(fact.get_absolute_url()).status_code == 200
    finally:
        pagecache.pages._replay = replay
    assert replayed


def test_a_page_this_worker_served_lately_costs_only_the_version_and_a_change_retires_it(fact):
    Client().get(fact.get_absolute_url())
    reads, get, get_many = [], cache.get, cache.get_many
    cache.get = lambda key, *a, **k: reads.append([key]) or get(key, *a, **k)
    cache.get_many = lambda keys, *a, **k: reads.append(list(keys)) or get_many(keys, *a, **k)
    try:
        assert "Palme d’Or Winner" in Client().get(fact.get_absolute_url()).content.decode()
        assert reads == [[pagecache.VERSION_KEY]]
        fact.title = "Golden Palm"
        fact.save()
        assert "Golden Palm" in Client().get(fact.get_absolute_url()).content.decode()
    finally:
        del cache.get, cache.get_many
