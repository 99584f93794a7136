from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from members.models import User


@admin.register(User)
class MemberAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Club", {"fields": ("display_name",)}),)
    list_display = ("username", "display_name", "email", "is_staff", "date_joined")
