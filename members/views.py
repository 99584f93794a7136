import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import pagecache
from core import personal_data, variants
from core.storage import UPLOAD_FAILED, StorageUnavailable
from core.throttle import throttled
from members import destinations, services
from members.addresses import has_confirmed_email
from members.forms import CloseAccountForm, ProfileForm
from members.models import User
from pagecache import cached_for_visitors

log = logging.getLogger(__name__)


@cached_for_visitors
def profile(request: HttpRequest, username: str) -> HttpResponse:
    member = pagecache.kept(request, "profile", (username,), lambda: _member(username))
    # The page's comments, screenings and suggestions come from those apps' template tags.
    return render(request, "members/profile.html", {"member": member})


def _member(username: str) -> User:
    """Kept in this process under the content version, which any change to a profile retires."""
    return get_object_or_404(User, username=username, is_active=True)


@login_required
@throttled("profile")
def edit_profile(request: HttpRequest) -> HttpResponse:
    previous_avatar = request.user.avatar.name
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                member = form.save()
        except StorageUnavailable:
            # The picture goes to storage before the row is written: nothing of the profile changed.
            log.exception("An avatar could not be stored")
            request.user.avatar = previous_avatar
            form.add_error("avatar", UPLOAD_FAILED)
        else:
            if previous_avatar and member.avatar.name != previous_avatar:
                services.forget_file(member.avatar.storage, previous_avatar)  # a replaced avatar is not kept
            variants.refresh(member.avatar, previous_avatar, variants.AVATAR_WIDTHS)
            messages.success(request, "Your profile is saved.")
            return redirect(request.user)
    return render(request, "members/edit_profile.html", {"form": form})


@never_cache
@login_required
def download_data(request: HttpRequest) -> JsonResponse:
    """Everything the club holds about the member, as one JSON file."""
    data = {"exported": timezone.now(), **personal_data.export(request.user)}
    response = JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="cranesclub-my-data.json"'
    return response


@sensitive_post_parameters("password")
@login_required
@throttled("close_account")
def close_account(request: HttpRequest) -> HttpResponse:
    form = CloseAccountForm(request.POST or None, member=request.user)
    if request.method == "POST" and form.is_valid():
        services.close_account(member=request.user)
        logout(request)
        messages.success(request, "Your account is closed and your words are gone from the site. Goodbye.")
        return redirect("home:index")
    return render(request, "members/close_account.html", {"form": form})


@never_cache
@login_required
def resume(request: HttpRequest) -> HttpResponse:
    """Where confirming an address leads: the form the member sent before it was confirmed, offered once more
    (an RSVP, a comment), or else the page they were going to."""
    if not has_confirmed_email(request.user):  # nothing to resume yet
        return redirect(destinations.next_of(request) or destinations.recall(request) or settings.LOGIN_REDIRECT_URL)
    held, going_to = destinations.take_held(request), destinations.forget(request)
    if held is None:
        return redirect(destinations.next_of(request) or going_to or settings.LOGIN_REDIRECT_URL)
    return render(request, "members/resume.html", {"held": held})
