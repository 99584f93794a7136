from django import forms


class RsvpForm(forms.Form):
    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"] = forms.IntegerField(
            label="Guests you will bring",
            # Screenings without guests show no field at all: absent means none.
            required=False,
            min_value=0,
            max_value=screening.max_guests,
            initial=0,
            help_text=f"Up to {screening.max_guests}." if screening.max_guests else "",
        )

    def clean_guests(self) -> int:
        return self.cleaned_data["guests"] or 0
