from django import forms


class RsvpForm(forms.Form):
    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guests"] = forms.IntegerField(
            label="Guests you will bring",
            min_value=0,
            max_value=screening.max_guests,
            initial=0,
            help_text=f"Up to {screening.max_guests}." if screening.max_guests else "",
        )
