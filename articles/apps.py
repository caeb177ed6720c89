from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Blog"

    def ready(self):
        from . import seo  # noqa: F401  (registers the article's structured data)
