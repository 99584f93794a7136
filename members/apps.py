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
        from outbox import kinds

        # Names and avatars show beside comments; log-ins, passwords and staff rights show nowhere. Every
        # write retires the accounts workers keep (members.backends).
        ignore = ("last_login", "password", "groups", "user_permissions")
        pagecache.watch(self.get_model("User"), ignore=ignore, accounts=True)
        personal_data.register("profile", export=mine.profile)
        # Erased in this order: the emails' addresses are forgotten before `erase` deletes the addresses.
        personal_data.register("emails", export=mine.emails, erase=mine.forget_emails)
        personal_data.register("sessions", export=mine.sessions, erase=mine.erase)
        notices.register_kinds()
        kinds.confirmed_addresses_by(addresses.is_confirmed)
        for changed in (mfa.authenticator_added, mfa.authenticator_removed, mfa.authenticator_reset):
            changed.connect(sessions.end_the_others, dispatch_uid="members-end-other-sessions")
