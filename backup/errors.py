class BackupError(Exception):
    """A backup that cannot be made, or a restore refused; the message names the file at fault."""
