from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from core import pagecache, personal_data
        from members import notices
        from members import personal_data as mine

        # Names and avatars show beside comments; log-ins, passwords and staff rights show nowhere.
        pagecache.watch(self.get_model("User"), ignore=("last_login", "password", "groups", "user_permissions"))
        personal_data.register("profile", export=mine.profile)
        personal_data.register("sessions", export=mine.sessions, erase=mine.erase)
        notices.register()
