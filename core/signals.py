"""Signals between infrastructure apps, defined in the kernel so that neither names the other."""

from django.dispatch import Signal

# Sent by `manage.py restore` once it has replaced the database: whatever was kept from before it (cached
# pages and fragments, the accounts workers keep) must go.
database_replaced = Signal()
