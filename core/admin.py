from django.contrib import admin


class ClubAdminSite(admin.AdminSite):
    site_header = "Cranes Club curators"
    site_title = "Cranes Club admin"
    index_title = "Catalogue, FAQ and club business"


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for context that the admin must not change: they change through services."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False
