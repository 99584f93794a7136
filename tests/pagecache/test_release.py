"""Every cached entry is keyed by the code's release, so a deploy never serves what the code before it stored."""

from pathlib import Path

from pagecache.release import digest_of, project_folders


def write(root, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def folders(root):
    return [root / "templates", root / "facts", root / "static"]


def test_a_change_to_a_template_view_stylesheet_or_pinned_library_is_a_new_release(tmp_path):
    write(tmp_path, "templates/base.html", "<html>")
    write(tmp_path, "facts/views.py", "x = 1")
    write(tmp_path, "static/css/site.css", "a {}")
    write(tmp_path, "requirements.txt", "Django==5.2.19")
    releases = {digest_of(tmp_path, folders(tmp_path))}
    for name, text in [
        ("templates/base.html", "<html lang=en>"),
        ("facts/views.py", "x = 2"),
        ("static/css/site.css", "a { color: red }"),
        ("requirements.txt", "Django==5.2.20"),
    ]:
        write(tmp_path, name, text)
        releases.add(digest_of(tmp_path, folders(tmp_path)))
    assert len(releases) == 5


def test_what_a_running_site_writes_is_no_new_release_and_what_cannot_be_read_does_not_stop_it(tmp_path):
    write(tmp_path, "templates/base.html", "<html>")
    before = digest_of(tmp_path, folders(tmp_path))
    write(tmp_path, "media/avatars/a.jpg", "jpeg")
    write(tmp_path, ".cache/entry.djcache", "cached")
    write(tmp_path, "facts/__pycache__/views.cpython-311.pyc", "bytes")
    write(tmp_path, "db.sqlite3", "rows")
    (tmp_path / "templates" / "gone.html").symlink_to(tmp_path / "nowhere.html")
    assert digest_of(tmp_path, folders(tmp_path)) == before


def test_the_release_covers_the_projects_apps_templates_and_static_files_only():
    names = {folder.name for folder in project_folders()}
    assert {"core", "facts", "pagecache", "templates", "static"} <= names
    assert not any("site-packages" in folder.parts or "node_modules" in folder.parts for folder in project_folders())
    assert all(Path(folder).is_dir() for folder in project_folders())
