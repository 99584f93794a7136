from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from discussion import services as discussion
from discussion.models import Comment
from facts.models import Fact
from screenings import services as screenings
from screenings.models import Rsvp


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_facts_rsvps_comments_and_media(
    make_fact, make_screening, member, tmp_path, settings
):
    fact = make_fact(title="Palme d’Or Winner")
    screening = make_screening(capacity=10)
    screenings.rsvp(member=member, screening=screening, guests=0)
    discussion.post_comment(author=member, target=fact, text="Kept safe")
    (settings.MEDIA_ROOT / "facts").mkdir(parents=True)
    (settings.MEDIA_ROOT / "facts" / "still.png").write_bytes(b"image bytes")

    out = run("backup", "--dest", str(tmp_path / "backups"))
    folder = out.strip().rsplit(" ", 1)[-1]

    Comment.objects.all().delete()
    Rsvp.objects.all().delete()
    Fact.objects.all().delete()
    (settings.MEDIA_ROOT / "facts" / "still.png").unlink()
    (settings.MEDIA_ROOT / "stray.png").write_bytes(b"added after the backup")

    run("restore", folder, "--yes")

    assert Fact.objects.get().title == "Palme d’Or Winner"
    assert Rsvp.objects.get().member == member
    assert Comment.objects.get().text == "Kept safe"
    assert (settings.MEDIA_ROOT / "facts" / "still.png").read_bytes() == b"image bytes"
    assert not (settings.MEDIA_ROOT / "stray.png").exists()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path, db):
    with pytest.raises(CommandError, match="not a Cranes Club backup"):
        call_command("restore", str(tmp_path), "--yes")
