from allauth.account import forms as allauth_forms
from django import forms

from members.avatars import process_avatar
from members.models import User
from members.validators import not_passing_for_staff


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        required=False,
        help_text="JPEG, PNG, WebP or GIF, up to 3 MB. It is cropped to a square.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )

    class Meta:
        model = User
        fields = ("display_name", "bio", "avatar", "show_past_screenings")
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def save(self, commit: bool = True) -> User:
        """Writes the form's own fields alone: the rest of the row, as this request read it, may be older than
        the database's (a password changed meanwhile on another device must not be written back)."""
        member = super().save(commit=False)
        if commit:
            member.save(update_fields=self._meta.fields)
        return member

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"]
        if name and name != self.initial.get("display_name"):
            not_passing_for_staff(name)
        return name

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and avatar != self.initial.get("avatar"):
            return process_avatar(avatar)
        return avatar


class CloseAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, member: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.member.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in form, with a label that says what it takes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Username or email"
