from django.apps import AppConfig


class BackupConfig(AppConfig):
    """Backups of the database and uploaded media (`manage.py backup`), and restores that check everything
    before they touch anything (`manage.py restore`)."""

    name = "backup"
    verbose_name = "Backups"
