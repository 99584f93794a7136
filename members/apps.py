from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from allauth.mfa import signals as mfa

        import pagecache
        from core import personal_data
        from members import addresses, notices, sessions
        from members import personal_data as mine
        from members.mfa import set_up_counts_as_given
        from outbox import kinds

        # Names and avatars show beside comments; log-ins, passwords and staff rights show nowhere. Every write
        # but a log-in's time retires the accounts workers keep (members.backends): a kept account's last_login
        # is read by no page, and a log-in must not need the shared cache.
        ignore = ("last_login", "password", "groups", "user_permissions")
        pagecache.watch(self.get_model("User"), ignore=ignore, accounts=True, accounts_ignore=("last_login",))
        personal_data.register("profile", export=mine.profile, what=mine.PROFILE, kept=mine.PROFILE_KEPT)
        # Erased in this order: the emails' addresses are forgotten before `erase` deletes the addresses.
        personal_data.register(
            "emails", export=mine.emails, erase=mine.forget_emails, what=mine.EMAILS, kept=mine.EMAILS_KEPT
        )
        personal_data.register(
            "sessions", export=mine.sessions, erase=mine.erase, what=mine.SESSIONS, kept=mine.SESSIONS_KEPT
        )
        notices.register_kinds()
        kinds.confirmed_addresses_by(addresses.is_confirmed)
        for changed in (mfa.authenticator_added, mfa.authenticator_removed, mfa.authenticator_reset):
            changed.connect(sessions.end_the_others, dispatch_uid="members-end-other-sessions")
        mfa.authenticator_added.connect(set_up_counts_as_given, dispatch_uid="members-set-up-counts-as-given")
