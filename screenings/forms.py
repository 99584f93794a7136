from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from screenings.models import ASPECTS, Reflection, ReportReason, Screening
from screenings.services import Short
from screenings.services.seats import lock, too_few_seats


def _guests_field(screening, label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        # Screenings without guests show no field at all: absent means none.
        required=False,
        min_value=0,
        max_value=screening.max_guests,
        initial=0,
        help_text=f"Up to {screening.max_guests}." if screening.max_guests else "",
    )


class RsvpForm(forms.Form):
    short = forms.ChoiceField(choices=Short.choices, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"] = _guests_field(screening, "Guests you will bring")

    def clean_guests(self) -> int:
        return self.cleaned_data["guests"] or 0

    def clean_short(self) -> str:
        return self.cleaned_data["short"] or Short.ASK


class GuestsForm(forms.Form):
    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"] = _guests_field(screening, "Guests")
        self.fields["guests"].required = True


class DoorSearchForm(forms.Form):
    q = forms.CharField(
        label="Find a name or a ticket code",
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "autocapitalize": "characters"}),
    )


class WalkInForm(forms.Form):
    name = forms.CharField(label="Guest's name", max_length=120, required=False)
    member = forms.CharField(
        label="or a member's username",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )

    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        if screening.max_guests:
            self.fields["guests"] = _guests_field(screening, "With guests")

    def clean_member(self):
        """The member with exactly this username: never a search by email or name, so the door cannot be
        used to find out who is a member, or what their email is."""
        handle = self.cleaned_data["member"].strip().lstrip("@")
        if not handle:
            return None
        member = get_user_model().objects.filter(username=handle, is_active=True).first()
        if member is None:
            raise forms.ValidationError(f"No member has the username “{handle}” (a username, as on their profile).")
        return member

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("member") and not cleaned.get("name", "").strip():
            raise forms.ValidationError("Give the guest's name, or a member's username.")
        cleaned["guests"] = cleaned.get("guests") or 0
        return cleaned


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = [name for name, _ in ASPECTS] + ["noticed"]
        widgets = {"noticed": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"noticed": "Optional. Shown with your name on the screening's page."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in ASPECTS:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=[(n, str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "rating-choice"}),
                help_text="1 poor, 5 wonderful." if name == ASPECTS[0][0] else "",
            )

    @property
    def ratings(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name, _ in ASPECTS}


class ReflectionReportForm(forms.Form):
    reason = forms.ChoiceField(choices=ReportReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Anything the moderators should know?", max_length=300, required=False)


class ScreeningAdminForm(forms.ModelForm):
    """The admin's form (its fields are the admin's fieldsets): the capacity never goes below the seats held.

    The admin saves in the transaction the form is checked in, so the row locked here stays locked until
    save_screening has saved it: no RSVP gets in between."""

    def clean_capacity(self) -> int:
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk is not None and capacity is not None:
            with transaction.atomic():
                refusal = too_few_seats(lock(self.instance), capacity)
            if refusal:
                raise forms.ValidationError(refusal)
        return capacity


class CancelScreeningForm(forms.Form):
    """The organiser confirms a cancellation, with a reason and the new date for the members."""

    reason = forms.CharField(
        label="Why (for the members)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. It goes in the email to everyone with an RSVP, and on the screening's page.",
    )
    replacement = forms.ModelChoiceField(
        label="The new date",
        queryset=Screening.objects.none(),
        required=False,
        help_text="Optional: schedule the new screening first, then choose it here; members are sent its link.",
    )

    def __init__(self, *args, cancelling, **kwargs):
        super().__init__(*args, **kwargs)
        later = Screening.objects.scheduled().filter(starts_at__gt=timezone.now()).select_related("venue")
        field = self.fields["replacement"]
        field.queryset = later.exclude(pk__in=[s.pk for s in cancelling]).order_by("starts_at")
        field.label_from_instance = lambda s: f"{timezone.localtime(s.starts_at):%a %-d %b %Y, %H:%M} · {s.title}"
