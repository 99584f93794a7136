from django.contrib import admin


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for context that the admin must not change: they change through services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False
