from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand

from members import mfa


class Command(BaseCommand):
    help = (
        "Encrypt every stored two-factor secret again with the first key of MFA_ENCRYPTION_KEY. To replace the "
        "key: put the new key first and the old after it (MFA_ENCRYPTION_KEY=new,old) everywhere, run this once, "
        "then drop the old key."
    )

    def handle(self, *args, **options):
        count = 0
        secrets = Authenticator.objects.filter(type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES])
        for authenticator in secrets.iterator():
            data = mfa.changed_secrets(authenticator.data, mfa.rotate)
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Encrypted the secrets of {count} authenticator(s) with the first key."))
