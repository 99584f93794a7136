"""How a request's account is found: allauth's backend, with the account kept in the worker's memory."""

from allauth.account.auth_backends import AuthenticationBackend

from pagecache import kept_account


class MemberBackend(AuthenticationBackend):
    """Logs members in as allauth's backend does. Finding the account of a logged-in request costs no
    query while the worker keeps it: kept under the accounts version, which any write to any account
    retires (pagecache.registry), so a changed password or a closed account counts at once."""

    def get_user(self, user_id):
        return kept_account(user_id, lambda: super(MemberBackend, self).get_user(user_id))
