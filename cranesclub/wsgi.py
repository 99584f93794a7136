import os

from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cranesclub.settings")
# The page cache answers the pages a worker kept before Django builds a request (pagecache.wsgi); pages
# leave compressed (core.compression).
application = import_string("core.compression.GzipPages")(
    import_string("pagecache.wsgi.KeptPages")(get_wsgi_application())
)
