from django import template
from django.urls import reverse

from publishing.models import page_types

register = template.Library()


@register.inclusion_tag("admin/includes/editorial_overview.html", takes_context=True)
def editorial_overview(context, limit=8):
    """What needs attention, for the admin index: drafts, scheduled pages, overdue medical reviews."""
    user = context["request"].user
    sections = []
    for model in page_types():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        pages = model.objects.all()
        sections.append({
            "name": opts.verbose_name_plural.capitalize(),
            "drafts": pages.drafts().order_by("-updated_at")[:limit],
            "draft_count": pages.drafts().count(),
            "scheduled": pages.scheduled().order_by("publish_at")[:limit],
            "scheduled_count": pages.scheduled().count(),
            "overdue": pages.review_overdue().order_by("last_reviewed", "title")[:limit],
            "overdue_count": pages.review_overdue().count(),
            "changelist": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        })
    return {"sections": sections}
