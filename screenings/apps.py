from django.apps import AppConfig


class ScreeningsConfig(AppConfig):
    name = "screenings"
    verbose_name = "Screenings"

    def ready(self):
        import pagecache
        from core import personal_data, sitemaps
        from screenings import notices
        from screenings import personal_data as mine
        from screenings.sitemaps import ScreeningPagesSitemap, ScreeningSitemap

        pagecache.watch(self.get_model("Venue"))
        pagecache.watch(self.get_model("Screening"))
        # Visitors see seats taken, never when a reminder went out.
        pagecache.watch(self.get_model("Rsvp"), ignore=("reminder_queued_at",))
        personal_data.register("rsvps", export=mine.rsvps, erase=mine.erase)
        notices.register_kinds()
        sitemaps.register("screening-pages", ScreeningPagesSitemap)
        sitemaps.register("screenings", ScreeningSitemap)
