from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "facts"
    verbose_name = "Fact catalogue and FAQ"

    def ready(self):
        from core import pagecache

        for name in ("Category", "Fact", "Source", "FaqEntry"):
            pagecache.watch(self.get_model(name))
