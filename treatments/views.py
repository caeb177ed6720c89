from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.views.generic import ListView

from publishing.views import PublishableDetailView

from .models import BeforeAfterPair, Treatment

RELATED_ARTICLES = 6


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
        )

    def get_context_data(self, **kwargs):
        articles = self.object.related_articles.published().select_related("author")
        return super().get_context_data(related_articles=articles[:RELATED_ARTICLES], **kwargs)
