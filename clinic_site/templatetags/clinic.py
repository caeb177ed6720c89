import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from clinic_site.structured_data import page_graph

register = template.Library()

# As Django's json_script: nothing in the data can close the <script> element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's structured data, from `object` (a treatment or article) and `breadcrumbs`."""
    request = context["request"]
    base_url = f"{request.scheme}://{request.get_host()}"
    graph = page_graph(base_url, context.get("object"), context.get("breadcrumbs", ()))
    data = json.dumps(graph, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


@register.inclusion_tag("admin/includes/editorial_overview.html", takes_context=True)
def editorial_overview(context, limit=8):
    """What needs attention, for the admin index: drafts, scheduled pages, overdue medical reviews."""
    from articles.models import Article
    from treatments.models import Treatment

    user = context["request"].user
    sections = []
    for model in (Treatment, Article):
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        pages = model.objects.all()
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        sections.append({
            "name": opts.verbose_name_plural.capitalize(),
            "drafts": pages.drafts().order_by("-updated_at")[:limit],
            "draft_count": pages.drafts().count(),
            "scheduled": pages.scheduled().order_by("publish_at")[:limit],
            "scheduled_count": pages.scheduled().count(),
            "overdue": pages.review_overdue().order_by("last_reviewed", "title")[:limit],
            "overdue_count": pages.review_overdue().count(),
            "changelist": changelist,
        })
    return {"sections": sections}
