from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "discussion"
    verbose_name = "Discussion"

    def ready(self):
        import pagecache
        from core import personal_data, sitemaps
        from discussion import notices
        from discussion import personal_data as mine
        from discussion.sitemaps import DiscussionSitemap

        pagecache.watch(self.get_model("Comment"))
        personal_data.register(
            "comments", export=mine.comments, erase=mine.erase, what=mine.COMMENTS, kept=mine.COMMENTS_KEPT
        )
        personal_data.register("reports", export=mine.reports, what=mine.REPORTS, kept=mine.REPORTS_KEPT)
        notices.register_kinds()
        sitemaps.register("discussion", DiscussionSitemap)
