from django import forms

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

    def __init__(self, *, query: str, category: str, categories):
        super().__init__(initial={"q": query, "category": category}, auto_id="%s")
        self.fields["category"].choices = [("", "All categories"), *((c.slug, c.name) for c in categories)]
