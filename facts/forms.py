from django import forms
from django.core.validators import URLValidator

from facts.models import Status

# Longer searches are cut rather than refused: a pasted paragraph still searches.
MAX_QUERY_LENGTH = 100


class FactSearchForm(forms.Form):
    """The catalogue's search box, shown with what the list was filtered by."""

    q = forms.CharField(
        label="Search the facts",
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    category = forms.ChoiceField(label="Category", required=False)
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Status.choices])

    def __init__(self, *, query: str, category: str, status: str, categories):
        super().__init__(initial={"q": query, "category": category, "status": status}, auto_id="%s")
        self.fields["category"].choices = [("", "All categories"), *((c.slug, c.name) for c in categories)]


MAX_SOURCES = 5


class SuggestionForm(forms.Form):
    """A member's proposed correction: what is wrong, the wording they propose, and where it says so."""

    problem = forms.CharField(
        label="What is wrong",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Which sentence, and why it is wrong or incomplete.",
    )
    proposal = forms.CharField(
        label="The wording you propose",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    sources = forms.CharField(
        label="Sources",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "inputmode": "url"}),
        help_text=f"At least one web address where the correction can be checked, one a line (up to {MAX_SOURCES}).",
    )

    def clean_sources(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["sources"].splitlines() if line.strip()]
        if len(lines) > MAX_SOURCES:
            raise forms.ValidationError(f"Give at most {MAX_SOURCES} web addresses.")
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                check(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"“{line[:100]}” is not a web address: each line should start with https:// or http://."
                ) from None
        return lines
