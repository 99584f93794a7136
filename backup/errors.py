class BackupError(Exception):
    """A backup that cannot be made, or a restore refused; the message names the file at fault."""


class HalfRestored(BackupError):
    """The database was restored but the media could not all be put in place: the message says what to do."""
