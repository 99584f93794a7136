from django.contrib import admin


class ClubAdminSite(admin.AdminSite):
    """The admin's site (`admin.site`): apart from core/admin.py, whose registrations need the site to exist."""

    site_header = "Cranes Club curators"
    site_title = "Cranes Club admin"
    index_title = "Catalogue, FAQ and club business"
