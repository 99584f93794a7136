"""Backups of media kept in a bucket (moto's S3-compatible server): read through the storage API with each
object's checksum in the manifest, restored into an empty bucket, and refused, the live bucket unchanged,
when an object in the backup is missing or damaged."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError

from backup import files as backup_files
from core.storage import StorageUnavailable, media_storage
from facts.models import Fact
from tests.backup.test_backups import rewrite_manifest, run
from tests.s3 import new_bucket

pytestmark = pytest.mark.django_db(transaction=True)

STORED = {"facts/still.png": b"a still", "avatars/face.jpg": b"a face"}


@pytest.fixture
def backup(bucket, make_fact, tmp_path) -> Path:
    make_fact(title="Palme d’Or Winner")
    for name, data in STORED.items():
        assert default_storage.save(name, ContentFile(data)) == name
    return Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])


def use_bucket(settings, bucket) -> None:
    settings.AWS_STORAGE_BUCKET_NAME = bucket.name
    settings.STORAGES = {**settings.STORAGES}  # a new storage object, for the new bucket


def contents(bucket) -> dict[str, bytes]:
    return {key: bucket.read(key) for key in bucket.names()}


def test_the_manifest_accounts_for_every_object_and_where_it_came_from(backup, bucket):
    media = json.loads((backup / backup_files.MANIFEST).read_text())["media"]
    assert media["from"] == f"bucket {bucket.name} at {bucket.endpoint}"
    assert media["count"] == 2 and set(media["files"]) == set(STORED)
    assert media["files"]["facts/still.png"]["size"] == len(b"a still")


def test_a_backup_restores_its_objects_into_an_empty_bucket(backup, moto_server, settings):
    empty = new_bucket(moto_server)
    use_bucket(settings, empty)
    Fact.objects.all().delete()

    run("restore", str(backup), "--yes")

    assert contents(empty) == STORED
    assert Fact.objects.get().title == "Palme d’Or Winner"


def test_a_restore_deletes_objects_uploaded_after_the_backup(backup, bucket):
    default_storage.save("avatars/later.jpg", ContentFile(b"after the backup"))
    run("restore", str(backup), "--yes")
    assert contents(bucket) == STORED


def test_with_aws_location_backup_and_restore_keep_to_their_folder(bucket, settings, make_fact, tmp_path):
    settings.AWS_LOCATION = "club"
    settings.STORAGES = {**settings.STORAGES}
    bucket.client.put_object(Bucket=bucket.name, Key="other/site.png", Body=b"not ours")
    make_fact(title="Palme d’Or Winner")
    default_storage.save("facts/still.png", ContentFile(b"a still"))
    folder = Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])
    media = json.loads((folder / backup_files.MANIFEST).read_text())["media"]
    assert media["from"] == f"bucket {bucket.name} under club/ at {bucket.endpoint}"
    assert set(media["files"]) == {"facts/still.png"}

    default_storage.save("facts/later.png", ContentFile(b"after the backup"))
    run("restore", str(folder), "--yes")
    assert contents(bucket) == {"club/facts/still.png": b"a still", "other/site.png": b"not ours"}


def rewrite_archive(folder: Path, change) -> None:
    """Rewrite media.tar.gz with `change(files)` applied, the manifest's archive checksum made to match (as if the
    damage had come before the manifest was written), its account of each object left as the backup made it."""
    path = folder / backup_files.MEDIA
    with tarfile.open(path, "r:gz") as tar:
        files = {m.name: tar.extractfile(m).read() for m in tar if m.isfile()}
    change(files)
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in files.items():
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    path.write_bytes(out.getvalue())
    rewrite_manifest(folder)


DAMAGE = {
    "a damaged object": lambda files: files.update({"media/facts/still.png": b"a stilL"}),
    "a missing object": lambda files: files.pop("media/avatars/face.jpg"),
    "an object the manifest does not list": lambda files: files.update({"media/facts/extra.png": b"x"}),
    "a name checked as one and stored as another": lambda files: files.update(
        {"media/./facts/still.png": files.pop("media/facts/still.png")}
    ),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_backup_with_a_bad_object_is_refused_and_the_bucket_is_unchanged(backup, bucket, damage):
    rewrite_archive(backup, DAMAGE[damage])
    default_storage.save("avatars/later.jpg", ContentFile(b"after the backup"))
    Fact.objects.update(title="Edited after the backup")
    before = contents(bucket)

    with pytest.raises(CommandError, match="Restore refused, nothing changed: .*media.tar.gz"):
        run("restore", str(backup), "--yes")

    assert contents(bucket) == before
    assert Fact.objects.get().title == "Edited after the backup"


def test_an_object_deleted_while_the_backup_runs_is_left_out(bucket, monkeypatch, tmp_path):
    from backup import media

    default_storage.save("facts/still.png", ContentFile(b"a still"))
    listed = media.every_file
    monkeypatch.setattr(media, "every_file", lambda storage: [*listed(storage), "facts/deleted-meanwhile.png"])
    folder = Path(run("backup", "--dest", str(tmp_path / "backups")).strip().rsplit(" ", 1)[-1])
    account = json.loads((folder / backup_files.MANIFEST).read_text())["media"]
    assert account["count"] == 1 and set(account["files"]) == {"facts/still.png"}


def test_a_bucket_that_is_down_stops_the_backup_and_leaves_no_folder(bucket, settings, tmp_path):
    default_storage.save("facts/still.png", ContentFile(b"a still"))
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"
    settings.STORAGES = {**settings.STORAGES}
    with pytest.raises(CommandError, match="^No backup was written: The media storage could not list"):
        run("backup", "--dest", str(tmp_path / "backups"))
    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.parametrize("failure", [StorageUnavailable("the bucket went away"), KeyboardInterrupt()])
def test_a_restore_stopped_half_way_deletes_no_image_says_so_and_a_second_one_completes(
    backup, bucket, monkeypatch, failure
):
    storage = media_storage()
    default_storage.delete("avatars/face.jpg")  # lost since the backup: the restore brings it back
    storage.overwrite("facts/still.png", ContentFile(b"changed since"))
    default_storage.save("avatars/later.jpg", ContentFile(b"after the backup"))
    Fact.objects.update(title="Edited after the backup")
    overwrite, calls = storage.overwrite, []

    def fail_after_one(name, content):
        calls.append(name)
        if len(calls) > 1:
            raise failure
        overwrite(name, content)

    monkeypatch.setattr(storage, "overwrite", fail_after_one)
    with pytest.raises(CommandError, match="Restore not finished: Nothing is restored yet.*1 were written"):
        run("restore", str(backup), "--yes")
    assert set(contents(bucket)) == {*STORED, "avatars/later.jpg"}  # written over in place: nothing deleted
    assert Fact.objects.get().title == "Edited after the backup"  # the database waits for every image

    monkeypatch.setattr(storage, "overwrite", overwrite)
    run("restore", str(backup), "--yes")
    assert contents(bucket) == STORED
    assert Fact.objects.get().title == "Palme d’Or Winner"


def test_a_restore_writes_no_object_that_already_holds_the_same_bytes(backup, bucket, monkeypatch):
    storage, written = media_storage(), []
    monkeypatch.setattr(storage, "overwrite", lambda name, content: written.append(name))
    run("restore", str(backup), "--yes")
    assert written == []
    assert contents(bucket) == STORED


def test_objects_that_cannot_be_deleted_after_the_database_is_restored_are_said(backup, bucket, monkeypatch):
    default_storage.save("avatars/later.jpg", ContentFile(b"after the backup"))
    storage = media_storage()
    monkeypatch.setattr(storage, "delete", lambda name: (_ for _ in ()).throw(StorageUnavailable("gone")))
    with pytest.raises(CommandError, match="Restore not finished: The database and every image .* 0 were"):
        run("restore", str(backup), "--yes")
    assert Fact.objects.get().title == "Palme d’Or Winner"


def test_only_images_go_into_the_bucket_on_a_restore(bucket, tmp_path, settings):
    from backup import bucket as bucket_restore

    use_bucket(settings, bucket)
    archive = tmp_path / "media.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in {"media/facts/still.png": b"png", "media/page.html": b"<script>x</script>"}.items():
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    assert bucket_restore.write_all(archive) == {"facts/still.png"}
    assert list(contents(bucket)) == ["facts/still.png"]
