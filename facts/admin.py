from django.contrib import admin, messages
from django.db import models
from django.db.models import Count

from facts.models import Category, Fact, FaqEntry, Source, Status


class SourceInline(admin.StackedInline):
    model = Source
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0
    fields = (("title", "publisher"), ("url", "date"), "quote", "position")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "position", "fact_count")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(fact_count=Count("facts"))

    @admin.display(description="facts", ordering="fact_count")
    def fact_count(self, obj):
        return obj.fact_count


def update_action(name: str, description: str, **values):
    """A bulk action that sets the given fields on every selected row."""

    def action(modeladmin, request, queryset):
        count = queryset.update(**values)
        modeladmin.message_user(request, f"{description}: {count} updated.", messages.SUCCESS)

    action.__name__ = name
    action.short_description = description
    action.allowed_permissions = ("change",)
    return action


PUBLISH_ACTIONS = [
    update_action("publish", "Publish selected", published=True),
    update_action("unpublish", "Unpublish selected", published=False),
]
STATUS_ACTIONS = [
    update_action(f"mark_{status.value}", f"Mark selected {status.label.lower()}", status=status) for status in Status
]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ("position", "title", "category", "status", "published", "featured", "source_count")
    list_display_links = ("title",)
    list_editable = ("position", "published")
    list_filter = ("category", "status", "published", "featured", "spoiler")
    list_select_related = ("category",)
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [SourceInline]
    actions = [*PUBLISH_ACTIONS, *STATUS_ACTIONS]
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "position", ("published", "featured", "spoiler"))}),
        ("Text", {"fields": ("summary", "body")}),
        ("Verification", {"fields": ("status", "claim", "status_note")}),
        ("Image", {"fields": ("image", "image_alt", ("image_credit", "image_licence"))}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_count=Count("sources"))

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, obj):
        return obj.source_count


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("position", "question", "published")
    list_display_links = ("question",)
    list_editable = ("position", "published")
    list_filter = ("published",)
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}
    filter_horizontal = ("facts",)
    actions = PUBLISH_ACTIONS
