from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, Count, When
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from core import variants
from core.admin import StoresUploads
from core.images import ImageWithoutMetadataField
from core.text import TidyTextForm
from facts import services
from facts.models import Category, Change, Fact, FaqEntry, Source, Status, Suggestion, Text


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, whose revert view saves for anyone who may merely view the history:
    here saving a revert needs the right to change the object, as the change form does."""

    def history_view(self, request, object_id, extra_context=None):
        _numbers(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _numbers(object_id, version_id)
        if request.method == "POST" and not self.has_change_permission(request, self.get_object(request, object_id)):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def _numbers(*values: str) -> None:
    if not all(map(_is_number, values)):
        raise Http404


def _is_number(value) -> bool:
    return str(value).isascii() and str(value).isdigit()


class ShowsLinkState:
    """The link checker's last finding, read-only, on a source's form."""

    readonly_fields = ("link",)

    @admin.display(description="link")
    def link(self, source: Source) -> str:
        """What the link checker (`manage.py check_sources`) last found at the source's address."""
        if not source.url:
            return "none: a printed source" if source.printed else "none, and not said where it was printed"
        if source.link_checked_at is None:
            return "not checked yet"
        alive = timezone.localtime(source.link_alive_at).date() if source.link_alive_at else None
        if source.link_problem:
            return f"dead ({source.link_problem}); last worked {alive or 'never, as far as we know'}"
        return f"works (checked {timezone.localtime(source.link_checked_at).date()})"


class SourceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """The rubric: a verified fact cites at least one source with a link."""
        super().clean()
        if self.instance.status != Status.VERIFIED or any(form.errors for form in self.forms):
            return
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        posted = {form.instance.pk for form in self.forms if form.instance.pk}
        others = self.instance.sources.exclude(pk__in=posted) if self.instance.pk else Source.objects.none()
        if not any(form.cleaned_data.get("url") for form in kept) and not others.linked().exists():
            raise ValidationError("A verified fact cites at least one source with a link (see the status rubric).")


class SourceInline(ShowsLinkState, admin.StackedInline):
    model = Source
    form = TidyTextForm
    formset = SourceFormSet
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0
    fields = (("title", "publisher"), ("url", "date"), "printed", "quote", "position", "link")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = TidyTextForm
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
    """A bulk action that sets the given fields on every selected row, one save each, so each is in its
    history (and a fact's new status on its Changes list); all of them or, should one fail, none."""

    def action(modeladmin, request, queryset):
        count = 0
        with transaction.atomic():
            for obj in queryset:
                if any(getattr(obj, field) != value for field, value in values.items()):
                    for field, value in values.items():
                        setattr(obj, field, value)
                    obj.save()
                    count += 1
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


class FactForm(TidyTextForm):
    """The fact's form (the admin's fieldsets choose the model's fields), with a note for readers."""

    change_note = forms.CharField(
        label="Note for readers",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown on the fact's public Changes list with today's date. Fill it in for a correction or a "
        "change of status; a new status is listed even without a note, other edits are not listed.",
    )


@admin.register(Fact)
class FactAdmin(StoresUploads, HistoryAdmin):
    form = FactForm
    formfield_overrides = {models.ImageField: {"form_class": ImageWithoutMetadataField}}
    list_display = ("position", "title", "category", "status", "last_checked", "published", "featured", "source_count")
    list_display_links = ("title",)
    list_editable = ("position", "published")
    list_filter = ("category", "status", "published", "featured", "spoiler")
    list_select_related = ("category",)
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [SourceInline]
    actions = [*PUBLISH_ACTIONS, *STATUS_ACTIONS]
    history_list_display = ["status"]
    change_form_template = "admin/facts/fact/change_form.html"
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "position", ("published", "featured", "spoiler"))}),
        ("Text", {"fields": ("summary", "body")}),
        ("Verification", {"fields": ("status", "claim", "status_note", "last_checked", "change_note")}),
        ("Image", {"fields": ("image", "image_alt", ("image_credit", "image_licence"))}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_count=Count("sources"))

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, obj):
        return obj.source_count

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Only the change form accepts a suggestion (not a revert), and only for curators who may decide on them.
        request.accepting = self._suggestion(request, object_id)
        if request.method == "GET" and "suggestion" in request.GET and request.accepting is None:
            self.message_user(
                request,
                "That suggestion is no longer open (or not yours to decide): saving will not accept it.",
                messages.WARNING,
            )
        extra_context = {**(extra_context or {}), "suggestion": request.accepting}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _suggestion(self, request, fact_id) -> Suggestion | None:
        """The open suggestion being accepted: the fact's form opened from it shows it and, saved, accepts it."""
        number = request.GET.get("suggestion", "")
        if not (fact_id and _is_number(number)):
            return None
        if not request.user.has_perm("facts.change_suggestion"):
            return None
        return Suggestion.objects.open().select_related("member").filter(pk=number, fact_id=fact_id).first()

    def save_model(self, request, obj, form, change):
        suggestion = getattr(request, "accepting", None)
        if suggestion and not form.has_changed():
            suggestion = None  # nothing was corrected: the suggestion stays open
            self.message_user(
                request, "Nothing in the fact changed, so the suggestion is still open.", messages.WARNING
            )
        note = form.cleaned_data.get("change_note", "")
        if suggestion and not note:
            note = "Corrected after a member's suggestion."
        obj._change_reason = note or None
        obj.save(change_note=note, credit=suggestion.member if suggestion else None)
        previous = form.initial.get("image")
        variants.refresh(obj.image, getattr(previous, "name", None) or "")
        if suggestion:
            services.accept(suggestion, by=request.user)
            self.message_user(request, f"The suggestion by {suggestion.member.public_name} is accepted; they are told.")


class DeadLinkFilter(admin.SimpleListFilter):
    title = "link"
    parameter_name = "link"

    def lookups(self, request, model_admin):
        return [
            ("dead", "dead"),
            ("works", "works"),
            ("unchecked", "not checked yet"),
            ("printed", "none: printed source"),
            ("unplaced", "none, and not said where printed"),
        ]

    def queryset(self, request, queryset):
        chosen = {
            "dead": queryset.dead,
            "works": queryset.working,
            "unchecked": queryset.unchecked,
            "printed": queryset.printed,
            "unplaced": queryset.unplaced,
        }.get(self.value())
        return chosen() if chosen else queryset


@admin.register(Source)
class SourceAdmin(ShowsLinkState, HistoryAdmin):
    """Every source in one list, so dead links can be found (filter by link) and each one's history read."""

    form = TidyTextForm
    list_display = ("title", "fact", "url", "link")
    list_select_related = ("fact",)
    list_filter = (DeadLinkFilter, "fact__category")
    search_fields = ("title", "publisher", "url", "printed", "fact__title")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ("fact", ("title", "publisher"), ("url", "date"), "printed", "quote", "position", "link")
    autocomplete_fields = ("fact",)


@admin.register(FaqEntry)
class FaqEntryAdmin(HistoryAdmin):
    form = TidyTextForm
    list_display = ("position", "question", "published")
    list_display_links = ("question",)
    list_editable = ("position", "published")
    list_filter = ("published",)
    search_fields = ("question", "answer")
    prepopulated_fields = {"slug": ("question",)}
    filter_horizontal = ("facts",)
    actions = PUBLISH_ACTIONS


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    """The public Changes list. Entries are made by saving facts; curators may reword or remove one."""

    form = TidyTextForm
    list_display = ("date", "fact", "kind", "old_status", "new_status", "credit")
    list_filter = ("kind",)
    list_select_related = ("fact", "credit")
    fields = ("fact", "kind", "date", ("old_status", "new_status"), "note", "credit")
    readonly_fields = ("fact", "kind", "old_status", "new_status", "credit")

    def has_add_permission(self, request):
        return False


@admin.register(Text)
class TextAdmin(HistoryAdmin):
    """Passages of the site's text kept with the catalogue (the home page's synopsis). Pages name them by slug,
    so curators edit them but neither add nor delete them."""

    form = TidyTextForm
    list_display = ("title", "slug")
    fields = ("title", "slug", "text")
    readonly_fields = ("slug",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DecisionForm(TidyTextForm):
    class Meta:
        model = Suggestion
        fields = ("reason",)

    def clean(self):
        cleaned = super().clean()
        if "_reject" in self.data and "reason" in self.fields and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Say why it is rejected: the member is told.")
        return cleaned


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """The curators' queue, oldest first. Accepting opens the fact with the proposal beside it; rejecting
    needs a reason. Either way the member is told by email and sees the outcome on their profile."""

    form = DecisionForm
    list_display = ("created", "fact", "member", "state")
    list_filter = ("state",)
    list_select_related = ("fact", "member")
    ordering = (Case(When(state=Suggestion.State.OPEN, then=0), default=1), "created", "id")  # open, oldest first
    search_fields = ("fact__title", "member__username", "problem", "proposal")
    fields = ("fact", "member", "created", "problem", "proposal", "source_links", "state", "reason", "decided")
    readonly_fields = ("fact", "member", "created", "problem", "proposal", "source_links", "state", "decided")
    change_form_template = "admin/facts/suggestion/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != Suggestion.State.OPEN:
            return (*self.readonly_fields, "reason")
        return self.readonly_fields

    @admin.display(description="sources")
    def source_links(self, suggestion: Suggestion):
        return format_html_join(
            "",
            '<p><a href="{}" rel="noopener noreferrer nofollow">{}</a></p>',
            ((url, url) for url in suggestion.source_list),
        )

    @admin.display(description="decided")
    def decided(self, suggestion: Suggestion) -> str:
        if suggestion.decided_at is None:
            return "not yet"
        by = suggestion.decided_by.public_name if suggestion.decided_by else "a curator who has left"
        return f"{timezone.localtime(suggestion.decided_at):%d %b %Y %H:%M}, by {by}"

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.state == Suggestion.State.OPEN:
            url = reverse("admin:facts_fact_change", args=[obj.fact_id])
            context["accept_url"] = format_html("{}?suggestion={}", url, obj.pk)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if "_reject" in request.POST and obj.state == Suggestion.State.OPEN:
            services.reject(obj, by=request.user, reason=form.cleaned_data["reason"])
            self.message_user(request, f"Rejected; {obj.member.public_name} is told why.")
        else:
            obj.save()
