from django import template

from publishing import rich_text as rendering

register = template.Library()


@register.simple_tag(takes_context=True)
def rich_text(context, page, field):
    """`{% rich_text page "body" %}`: the field as patients see it (publishing.rich_text). The pages the page's
    fields link to are looked up once for all of them."""
    if not hasattr(page, "_link_targets"):
        request = context.get("request")
        # A signed preview link is shown to someone outside the staff: only what patients can see is linked.
        user = None if context.get("shared_preview") or request is None else request.user
        page._link_targets = rendering.link_targets(rendering.page_references(page), user)
    return rendering.render(getattr(page, field), page._link_targets)
