from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = "Fact catalogue and FAQ"

    def ready(self):
        import pagecache
        from core import personal_data, sitemaps
        from facts import notices
        from facts import personal_data as mine
        from facts.sitemaps import FactPagesSitemap, FactSitemap

        for name in ("Category", "Fact", "FaqEntry", "Change", "Text"):
            pagecache.watch(self.get_model(name))
        # What the link checker writes shows only in the admin.
        pagecache.watch(self.get_model("Source"), ignore=("link_checked_at", "link_alive_at", "link_problem"))
        notices.register_kinds()
        personal_data.register(
            "suggestions", export=mine.suggestions, erase=mine.erase, what=mine.SUGGESTIONS, kept=mine.SUGGESTIONS_KEPT
        )
        personal_data.register("credited_corrections", export=mine.credits, what=mine.CREDITS, kept=mine.CREDITS_KEPT)
        sitemaps.register("fact-pages", FactPagesSitemap)
        sitemaps.register("facts", FactSitemap)
