"""The editor's "Link to a page": staff find a page of the site by its title and link to it. The link stores the
page's reference as well as its address, so it keeps working whatever the page's address becomes
(publishing.rich_text explains why)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import page_types
from .uploads import user_may_upload

MAX_RESULTS = 20
MAX_QUERY_LENGTH = 100


@never_cache
@require_GET
def page_link_chooser(request):
    """Pages whose title holds every word of `?q=` (the latest changed when there is none), as JSON. Live pages of
    every type, for anyone who writes pages; drafts, scheduled and expired pages only of the types the person
    may view."""
    user = request.user
    if not user_may_upload(user):  # staff who write pages, the same people who may upload their images
        return JsonResponse({"error": {"message": "Only signed-in staff who edit content can link to pages."}},
                            status=403)
    words = request.GET.get("q", "")[:MAX_QUERY_LENGTH].split()
    found = []
    for model in page_types():
        opts = model._meta
        pages = model.objects.all()
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            pages = pages.published()
        for word in words:
            pages = pages.filter(title__icontains=word)
        pages = pages.order_by("title" if words else "-updated_at")[:MAX_RESULTS]
        found += pages.only("pk", "title", "slug", "status", "publish_at", "unpublish_at", "updated_at")
    if words:
        # Titles that start with what was typed first ("Botox" before "Botox for facial symmetry"), then A to Z.
        query = " ".join(words).lower()
        found.sort(key=lambda page: (not page.title.lower().startswith(query), page.title.lower()))
    else:
        found.sort(key=lambda page: page.updated_at, reverse=True)
    return JsonResponse({"results": [
        {
            "ref": f"{page._meta.label_lower}:{page.pk}",
            "title": page.title,
            "kind": page.kind,
            "url": page.get_absolute_url(),
            "state": page.state(),
            "live": page.is_published(),
        }
        for page in found[:MAX_RESULTS]
    ]})
