from django import forms
from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from claims.admin import ClaimsAdminMixin
from images.admin import file_thumbnail
from publishing.admin import (
    HERO_FIELDSET,
    HISTORY_FIELDSET,
    REVIEW_FIELDSET,
    SEO_FIELDSET,
    OrderedStackedInline,
    PublicationFilter,
    PublishableAdmin,
    ReviewFilter,
)

from .models import FAQ, BeforeAfterPair, Treatment


class BeforeAfterPairInline(OrderedStackedInline):
    model = BeforeAfterPair
    extra = 0
    fields = [
        "photos", ("before_image", "before_alt"), ("after_image", "after_alt"), "caption",
        ("consent_recorded", "consent_reference"), "show_publicly", "order",
    ]
    readonly_fields = ["photos"]

    class Media:
        css = {"all": ["css/admin-image-library.css"]}

    @admin.display(description="photos")
    def photos(self, pair):
        return format_html(
            '<span class="pair-thumbs">{} {}</span><span class="help">Patient photos stay out of the image library: '
            "the patient consented to this page only, so they cannot be reused elsewhere.</span>",
            file_thumbnail(pair.before_image, pair.before_width), file_thumbnail(pair.after_image, pair.after_width),
        )


class FAQInline(OrderedStackedInline):
    model = FAQ
    extra = 1
    fields = ["question", "answer", "order"]
    # Short answers: the whole list fits on a screen, to read and to reorder.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 80})}}


@admin.register(Treatment)
class TreatmentAdmin(ClaimsAdminMixin, PublishableAdmin):
    list_display = [
        "title", "category", "display_order", "state", "publish_at", "last_reviewed", "updated_at"
    ]
    list_editable = ["display_order"]
    list_filter = [PublicationFilter, ReviewFilter, "status", "category"]
    inlines = [FAQInline, BeforeAfterPairInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (
            "Key facts",
            {
                "description": "Shown as a fact box at the top of the page. Leave a fact empty to hide it.",
                "fields": [
                    ("procedure_time", "anaesthetic"),
                    ("results_last", "downtime"),
                    ("recovery", "minimum_age"),
                    ("price_from", "price_currency"),
                ],
            },
        ),
        ("Sections", {"fields": ["how_it_works", "risks", "aftercare"]}),
        ("Publishing", {"fields": ["status", "publish_at", "unpublish_at", "publication_state", "display_order"]}),
        REVIEW_FIELDSET,
        HERO_FIELDSET,
        SEO_FIELDSET,
        HISTORY_FIELDSET,
    ]
