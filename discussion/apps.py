from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "discussion"
    verbose_name = "Discussion"

    def ready(self):
        from core import pagecache

        pagecache.watch(self.get_model("Comment"))
