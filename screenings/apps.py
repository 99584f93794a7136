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
        # Visitors never see when the morning's invitations went out.
        pagecache.watch(self.get_model("Screening"), ignore=("reflections_invited_at",))
        # Visitors see seats taken and how many came, never when a reminder went out.
        pagecache.watch(self.get_model("Rsvp"), ignore=("reminder_queued_at",))
        pagecache.watch(self.get_model("Reflection"))
        personal_data.register("rsvps", export=mine.rsvps, erase=mine.erase, what=mine.RSVPS, kept=mine.RSVPS_KEPT)
        personal_data.register("screening_nights", export=mine.reflections, what=mine.NIGHTS, kept=mine.NIGHTS_KEPT)
        notices.register_kinds()
        sitemaps.register("screening-pages", ScreeningPagesSitemap)
        sitemaps.register("screenings", ScreeningSitemap)
