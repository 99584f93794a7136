from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms

from discussion.models import Comment, ReportReason


class CommentForm(forms.ModelForm):
    # A field people never see; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ("text", "spoiler")
        labels = {"text": "Your comment", "spoiler": "This reveals the plot (shown collapsed)"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4, "maxlength": 4000})}
        error_messages = {"text": {"required": "Please write something first."}}

    @property
    def helper(self) -> FormHelper:
        """`{% crispy form %}` renders every field, the hidden honeypot in its wrapper; the page adds the button."""
        helper = FormHelper()
        helper.form_tag = False
        helper.layout = Layout("parent", "text", "spoiler", Div("website", css_class="hp-field", aria_hidden="true"))
        return helper

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ReplyForm(CommentForm):
    """The reply box under each thread: the comment form, answering `parent`, with ids of its own."""

    class Meta(CommentForm.Meta):
        labels = {"text": "Your reply", "spoiler": "This reveals the plot"}
        help_texts = {"spoiler": ""}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 4000})}

    def __init__(self, *, parent: Comment):
        super().__init__(auto_id=f"reply-{parent.pk}-%s", initial={"parent": parent.pk})


class EditCommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ("text", "spoiler")
        labels = CommentForm.Meta.labels
        widgets = CommentForm.Meta.widgets
        error_messages = CommentForm.Meta.error_messages


class ReportForm(forms.Form):
    reason = forms.ChoiceField(choices=ReportReason.choices)
    note = forms.CharField(max_length=300, required=False, label="Anything moderators should know?")
