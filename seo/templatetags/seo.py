import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from seo.structured_data import page_graph

register = template.Library()

# As Django's json_script: nothing in the data can close the <script> element.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context):
    """The page's structured data, from `object` (a treatment or article) and `breadcrumbs`."""
    request = context["request"]
    base_url = f"{request.scheme}://{request.get_host()}"
    graph = page_graph(base_url, context.get("object"), context.get("breadcrumbs", ()), home=request.path == "/",
                       details=context.get("clinic"))
    data = json.dumps(graph, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))
