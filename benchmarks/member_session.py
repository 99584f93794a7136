"""Run in the site's environment by the benchmarks: a confirmed member, logged in; prints their cookies."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cranesclub.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from members.models import User  # noqa: E402

member = User.objects.create_user("bench", "bench@example.org", "not-used-bench-password")
EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
session = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
session[SESSION_KEY] = str(member.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = member.get_session_auth_hash()
session.save()
# A browser keeps the CSRF cookie the first page gave it; a fixed secret stands for it.
print(f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={'b' * 32}")
