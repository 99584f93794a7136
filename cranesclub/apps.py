from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CranesClubConfig(AppConfig):
    name = "cranesclub"
    verbose_name = "Cranes Club"

    # What visitors see. Saving or deleting any of these retires the cached pages.
    PUBLIC_MODELS = [
        "facts.Category",
        "facts.Fact",
        "facts.Source",
        "facts.FaqEntry",
        "screenings.Venue",
        "screenings.Screening",
        "screenings.Rsvp",
        "discussion.Comment",
        "members.User",
    ]

    def ready(self):
        from cranesclub.pagecache import content_changed

        for label in self.PUBLIC_MODELS:
            model = self.apps.get_model(label)
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{label}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")
        faq_facts = self.apps.get_model("facts.FaqEntry").facts.through
        m2m_changed.connect(content_changed, sender=faq_facts, dispatch_uid="pagecache-faq-facts")
