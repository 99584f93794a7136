"""Backups of the database and uploaded media, and restores that check everything before they touch anything.

A backup is a folder (0700, its files 0600) holding:
- `database.sqlite3` (SQLite's online backup API) or `database.dump` (pg_dump's custom format), without
  sessions or other secrets of the running site (LEFT_OUT);
- `media.tar.gz`, the uploaded files under `media/`;
- `manifest.json`: the engine, the time, and the SHA-256 and size of every file, written last.

A restore refuses (BackupError, naming the file at fault) unless the whole backup checks out, and then
swaps media and database through staged copies, so a refused or failed restore leaves the site as it was.
"""

from core.backups.errors import BackupError
from core.backups.make import create_backup
from core.backups.restore import check_backup, restore_backup

__all__ = ["BackupError", "check_backup", "create_backup", "restore_backup"]
