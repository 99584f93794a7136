from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole pages for visitors, fragments and rows for members, retired by every change. It knows no domain
    app: each tells it, in its own AppConfig.ready(), which of its models visitors see (pagecache.watch)."""

    name = "pagecache"
    verbose_name = "Page cache"
