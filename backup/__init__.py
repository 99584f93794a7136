"""Backups of the database and uploaded media (backup.make), and restores that check everything before
they touch anything (backup.restore).

A backup is a folder (0700, its files 0600) holding:
- `database.sqlite3` (SQLite's online backup API) or `database.dump` (pg_dump's custom format), without
  sessions or other secrets of the running site (LEFT_OUT);
- `media.tar.gz`, the uploaded files under `media/`;
- `manifest.json`: the engine, the time, and the SHA-256 and size of every file, written last.

A restore refuses (BackupError, naming the file at fault) unless the whole backup checks out, and then
swaps media and database through staged copies, so a refused or failed restore leaves the site as it was.
"""
