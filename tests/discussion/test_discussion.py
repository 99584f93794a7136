import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from discussion import services
from discussion.models import Comment, CommentStatus, Follow

pytestmark = pytest.mark.django_db


def post_url(fact):
    return reverse("discussion:post", args=["fact", fact.slug])


def test_a_member_signs_up_comments_replies_edits_and_deletes(client, fact, other_member, seasoned, confirm_by_email):
    seasoned(other_member)
    theirs = services.post_comment(author=other_member, target=fact, text="Was it Best Actress?")
    client.post(
        reverse("account_signup"),
        {"username": "veronika", "email": "v@example.org", "password1": "Squirrel-1941", "password2": "Squirrel-1941"},
    )
    confirm_by_email(client)

    response = client.post(post_url(fact), {"text": "It was a special mention."}, follow=True)
    mine = Comment.objects.get(text="It was a special mention.")
    assert "Your comment is posted" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"#comment-{mine.pk}")

    client.post(post_url(fact), {"text": "See the palmarès.", "parent": theirs.pk})
    reply = Comment.objects.get(text="See the palmarès.")
    assert reply.parent == theirs and reply.fact == fact

    client.post(reverse("discussion:edit", args=[mine.pk]), {"text": "It was a special mention, in fact."})
    mine.refresh_from_db()
    assert mine.text == "It was a special mention, in fact." and mine.edited_at
    assert "edited" in client.get(fact.get_absolute_url()).content.decode()

    client.post(reverse("discussion:delete", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == CommentStatus.DELETED
    assert "Comment removed." in client.get(fact.get_absolute_url()).content.decode()


def test_replies_stay_one_level_deep(fact, member, other_member):
    thread = services.post_comment(author=member, target=fact, text="Thread")
    reply = services.post_comment(author=other_member, target=fact, text="Reply", parent=thread)
    deeper = services.post_comment(author=member, target=fact, text="Reply to reply", parent=reply)
    assert deeper.parent == thread


def test_a_reply_cannot_cross_to_another_fact(fact, make_fact, member):
    thread = services.post_comment(author=member, target=fact, text="Thread")
    with pytest.raises(services.CommentRefused):
        services.post_comment(author=member, target=make_fact(), text="Elsewhere", parent=thread)


def test_a_comment_needs_exactly_one_target(fact, screening, member):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(author=member, text="Both", fact=fact, screening=screening)
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(author=member, text="Neither")


def test_another_member_cannot_edit_or_delete(client, fact, member, other_member):
    comment = services.post_comment(author=member, target=fact, text="Mine")
    client.force_login(other_member)
    assert client.get(reverse("discussion:edit", args=[comment.pk])).status_code == 404
    assert client.post(reverse("discussion:edit", args=[comment.pk]), {"text": "Hacked"}).status_code == 404
    assert client.post(reverse("discussion:delete", args=[comment.pk])).status_code == 404
    comment.refresh_from_db()
    assert (comment.text, comment.status) == ("Mine", CommentStatus.PUBLISHED)


def test_the_author_cannot_edit_after_fifteen_minutes_but_can_delete(client, fact, member, time_machine):
    comment = services.post_comment(author=member, target=fact, text="Original")
    time_machine.move_to(timezone.now() + timedelta(minutes=16))
    client.force_login(member)
    response = client.post(reverse("discussion:edit", args=[comment.pk]), {"text": "Late change"}, follow=True)
    assert "can be edited for 15 minutes" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Original"
    client.post(reverse("discussion:delete", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.DELETED


def test_visitors_see_a_prompt_and_cannot_post(client, fact):
    content = client.get(fact.get_absolute_url()).content.decode()
    assert "to take part" in content
    response = client.post(post_url(fact), {"text": "Anonymous"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Comment.objects.exists()


def test_extra_posted_fields_have_no_effect(client, fact, member, other_member):
    client.force_login(member)
    client.post(
        post_url(fact),
        {"text": "Plain", "author": other_member.pk, "status": "hidden", "created": "2001-01-01T00:00", "fact": 999},
    )
    comment = Comment.objects.get()
    assert comment.author == member
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.created.year == timezone.now().year


def test_the_honeypot_catches_bots(client, fact, member):
    client.force_login(member)
    response = client.post(post_url(fact), {"text": "Great film", "website": "http://spam.example"}, follow=True)
    assert "could not be posted" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_comment_and_reply_boxes_render_every_field_of_their_forms(client, fact, member, other_member):
    from discussion.forms import CommentForm, ReplyForm

    thread = services.post_comment(author=other_member, target=fact, text="Was it Best Actress?")
    client.force_login(member)
    page = client.get(fact.get_absolute_url()).content.decode()
    for name in ReplyForm.base_fields:
        assert f'id="reply-{thread.pk}-{name}"' in page, name
    for name in CommentForm.base_fields:
        assert f'id="id_{name}"' in page, name
    hidden = re.findall(r'class="hp-field"\s+aria-hidden="true">\s*<div id="div_(?:id|reply-\d+)-?_?website"', page)
    assert len(hidden) == 2, "the honeypot is hidden in both boxes"


def test_rate_limit_is_five_per_ten_minutes(client, fact, member, seasoned, time_machine):
    seasoned(member)
    client.force_login(member)
    for number in range(5):
        client.post(post_url(fact), {"text": f"Comment {number}"})
    response = client.post(post_url(fact), {"text": "One too many"}, follow=True)
    assert "Please wait a few minutes" in response.content.decode()
    assert Comment.objects.count() == 5
    time_machine.move_to(timezone.now() + timedelta(minutes=11))
    client.post(post_url(fact), {"text": "Later"})
    assert Comment.objects.count() == 6


def test_new_accounts_have_a_tighter_limit(fact, member):
    services.post_comment(author=member, target=fact, text="One")
    services.post_comment(author=member, target=fact, text="Two")
    with pytest.raises(services.CommentRefused, match="2 comments"):
        services.post_comment(author=member, target=fact, text="Three")


def test_empty_comments_get_a_message(client, fact, member):
    client.force_login(member)
    response = client.post(post_url(fact), {"text": "   "}, follow=True)
    assert "Please write something first" in response.content.decode()
    assert not Comment.objects.exists()


def test_unknown_targets_are_404(client, member):
    client.force_login(member)
    assert client.post(reverse("discussion:post", args=["fact", "no-such"]), {"text": "x"}).status_code == 404
    assert client.post(reverse("discussion:post", args=["venue", "x"]), {"text": "x"}).status_code == 404
    assert client.post(reverse("discussion:report", args=[999]), {"reason": "spam"}).status_code == 404


def test_comments_on_screenings_work_too(client, screening, member):
    client.force_login(member)
    client.post(reverse("discussion:post", args=["screening", screening.slug]), {"text": "Is there parking?"})
    assert "Is there parking?" in client.get(screening.get_absolute_url()).content.decode()


def test_spoiler_comments_render_collapsed(client, fact, member):
    services.post_comment(author=member, target=fact, text="Boris dies.", spoiler=True)
    content = client.get(fact.get_absolute_url()).content.decode()
    assert content.index("Spoiler: show comment") < content.index("Boris dies.")


def test_links_are_clickable_and_line_breaks_kept(client, fact, member):
    services.post_comment(author=member, target=fact, text="Line one\nSee https://example.org/cannes")
    content = client.get(fact.get_absolute_url()).content.decode()
    assert 'href="https://example.org/cannes"' in content
    assert 'rel="nofollow"' in content
    assert "Line one<br>" in content


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    '"><script>alert(1)</script>',
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "<scr<script>ipt>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "'';!--\"<XSS>=&{()}",
    "<input autofocus onfocus=alert(1)>",
    "http://example.org/<script>alert(1)</script>",
]


def test_xss_payloads_produce_no_executable_markup_anywhere(client, fact, screening, member, seasoned):
    seasoned(member)
    member.display_name = "<script>alert('name')</script>"
    member.save()
    for number, payload in enumerate(XSS_PAYLOADS):
        target = fact if number % 2 else screening
        Comment.objects.create(author=member, text=payload, **{target._meta.model_name: target})
    pages = [
        fact.get_absolute_url(),
        screening.get_absolute_url(),
        reverse("discussion:latest"),
        member.get_absolute_url(),
    ]
    for page in pages:
        html = client.get(page).content.decode()
        elements = parse_elements(html)
        assert not [tag for tag, _ in elements if tag in ("script", "svg", "iframe", "math", "style", "input", "xss")]
        assert not [name for _, attrs in elements for name, _ in attrs if name.startswith("on") or name == "style"]
        hrefs = [value.strip().lower() for _, attrs in elements for name, value in attrs if name in ("href", "src")]
        assert not [href for href in hrefs if href.startswith(("javascript:", "data:", "vbscript:"))]
        assert "&lt;script&gt;" in html, page


def parse_elements(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every element the browser would build inside <main>, with its attributes."""
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inside, self.found = False, []

        def handle_starttag(self, tag, attrs):
            if tag == "main":
                self.inside = True
            elif self.inside:
                self.found.append((tag, [(name, value or "") for name, value in attrs]))

        def handle_endtag(self, tag):
            if tag == "main":
                self.inside = False

    collector = Collector()
    collector.feed(html)
    assert collector.found, "no <main> content parsed"
    return collector.found


def test_discussion_page_lists_the_latest_with_links(client, fact, screening, member, other_member):
    services.post_comment(author=member, target=fact, text="On a fact")
    services.post_comment(author=other_member, target=screening, text="On a screening")
    hidden = services.post_comment(author=other_member, target=fact, text="Hidden one")
    services.hide_comments(Comment.objects.filter(pk=hidden.pk))
    content = client.get(reverse("discussion:latest")).content.decode()
    assert content.index("On a screening") < content.index("On a fact")
    assert fact.get_absolute_url() in content and screening.get_absolute_url() in content
    assert "Hidden one" not in content


def test_comment_counts_show_on_lists(client, fact, screening, member, other_member):
    services.post_comment(author=member, target=fact, text="One")
    services.post_comment(author=other_member, target=fact, text="Two")
    services.post_comment(author=member, target=screening, text="Three")
    assert "2 comments" in client.get(reverse("facts:list")).content.decode()
    assert "1 comment" in client.get(reverse("screenings:list")).content.decode()


def test_comments_paginate(client, fact, member):
    Comment.objects.bulk_create(Comment(fact=fact, author=member, text=f"Comment {n}") for n in range(45))
    first = client.get(fact.get_absolute_url()).content.decode()
    third = client.get(fact.get_absolute_url(), {"comments": 3}).content.decode()
    assert "Comment 0<" in first and "Comment 44<" not in first
    assert "Comment 44<" in third


def test_followers_get_an_email_on_replies_and_can_unfollow_in_one_click(
    client, fact, member, other_member, mailoutbox, run_worker
):
    thread = services.post_comment(author=member, target=fact, text="Thread")
    services.post_comment(author=other_member, target=fact, text="A reply", parent=thread)
    run_worker()
    (email,) = mailoutbox
    assert email.to == [member.email]
    link = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in email.body
    response = Client().get(link.split("cranes.example", 1)[1])
    assert "stopped following" in response.content.decode()
    assert not Follow.objects.filter(member=member).exists()


def test_a_tampered_unfollow_link_is_refused(client, fact, member):
    services.post_comment(author=member, target=fact, text="Thread")
    follow = Follow.objects.get()
    response = client.get(follow.unfollow_url()[:-3] + "xx/")
    assert response.status_code == 400
    assert Follow.objects.exists()


def test_the_author_gets_an_edit_form_with_the_text(client, fact, member):
    comment = services.post_comment(author=member, target=fact, text="First draft")
    client.force_login(member)
    response = client.get(reverse("discussion:edit", args=[comment.pk]))
    assert response.status_code == 200
    assert "First draft</textarea>" in response.content.decode()
