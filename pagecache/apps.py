from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole pages for visitors, fragments and rows for members, retired by every change. It knows no domain
    app: each tells it, in its own AppConfig.ready(), which of its models visitors see (pagecache.watch)."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from core.signals import database_replaced
        from pagecache import registry
        from pagecache.release import release

        release()  # once, as the process starts: a worker keeps the release of the code it runs
        database_replaced.connect(registry.retire_everything, dispatch_uid="pagecache-database-replaced")
