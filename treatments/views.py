from django.db.models import Prefetch
from django.urls import reverse, reverse_lazy
from django.views.generic import ListView

from articles.models import Article
from clinic_site.views import PublishableDetailView

from .models import BeforeAfterPair, Treatment


class TreatmentListView(ListView):
    """All published treatments; the template groups them non-surgical first, then surgical."""

    extra_context = {"breadcrumbs": [("Home", reverse_lazy("home")), ("Treatments", reverse_lazy("treatments:list"))]}

    def get_queryset(self):
        return Treatment.objects.published()


class TreatmentDetailView(PublishableDetailView):
    model = Treatment

    def get_queryset(self):
        # Built per request: published() reads the clock.
        return super().get_queryset().select_related("reviewed_by").prefetch_related(
            "faqs",
            Prefetch("gallery", queryset=BeforeAfterPair.objects.public(), to_attr="public_gallery"),
            Prefetch(
                "related_articles",
                queryset=Article.objects.published().select_related("author"),
                to_attr="published_related_articles",
            ),
        )
