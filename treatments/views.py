from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse_lazy
from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView

from publishing.views import PublishableDetailView

from .models import BeforeAfterPair, Treatment

RELATED_ARTICLES = 6


class TreatmentListView(ListView):
    """All published treatments; the template groups them non-surgical first, then surgical."""

    extra_context = {"breadcrumbs": [("Home", reverse_lazy("home")), ("Treatments", reverse_lazy("treatments:list"))]}

    def get_queryset(self):
        return Treatment.objects.published().select_related("hero_image")


class PriceListView(TreatmentListView):
    """Every live treatment's "from" price, grouped like the treatments page."""

    template_name = "treatments/prices.html"
    extra_context = {"breadcrumbs": [("Home", reverse_lazy("home")), ("Prices", reverse_lazy("prices"))]}

    def get_queryset(self):
        return super().get_queryset().select_related(None).only(
            "title", "slug", "category", "price_from", "price_currency", "display_order"
        )


class TreatmentDetailView(PublishableDetailView):
    model = Treatment

    def get_queryset(self):
        return super().get_queryset().select_related("reviewed_by", "hero_image", "share_image")

    def get_context_data(self, **kwargs):
        # Looked up only if the page's content is rendered, not when it was kept (publishing.cache).
        treatment = self.object
        return super().get_context_data(
            treatment_with_children=SimpleLazyObject(self.with_children),  # the review covers the FAQs too
            faqs=SimpleLazyObject(lambda: list(self.with_children().faqs.all())),
            gallery=SimpleLazyObject(lambda: self.with_children().public_gallery),
            clinicians=SimpleLazyObject(lambda: list(treatment.clinicians.all())),
            related_articles=SimpleLazyObject(
                lambda: list(
                    treatment.related_articles.published().select_related("author", "hero_image")[:RELATED_ARTICLES]
                )
            ),
            **kwargs,
        )

    def with_children(self):
        """The page with its FAQs and public gallery, fetched once (its structured data reads the FAQs too)."""
        if not hasattr(self.object, "public_gallery"):
            gallery = Prefetch("gallery", queryset=BeforeAfterPair.objects.public(), to_attr="public_gallery")
            prefetch_related_objects([self.object], "faqs", gallery)
        return self.object
