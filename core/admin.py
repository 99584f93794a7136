import logging

from django.contrib import admin, messages
from django.http import HttpResponseRedirect

from core.storage import UPLOAD_FAILED, StorageUnavailable

log = logging.getLogger(__name__)


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for context that the admin must not change: they change through services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class StoresUploads:
    """For a ModelAdmin whose form stores images: a media storage that is down gives the curator a message and
    the form again, not an error page. The save ran in one transaction, so nothing of it was kept."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StorageUnavailable:
            log.exception("An upload could not be stored")
            self.message_user(request, UPLOAD_FAILED, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
