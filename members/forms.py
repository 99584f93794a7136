from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import UserCreationForm

from core import notices
from members.avatars import process_avatar
from members.models import User


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For RSVP confirmations and password resets. Never shown to others.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email already exists. Try logging in.")
        return email


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


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with the email queued as a notice: the request never waits for the mail relay."""

    def save(self, **kwargs) -> None:
        for member in self.get_users(self.cleaned_data["email"]):
            notices.notify("members.password_reset", member.pk)
