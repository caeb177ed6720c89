"""The site's URLs plus public pages the page cache must not keep: one holding a form with a CSRF token (none of
ours outside the page-cache skip list has one today) and one marked private or uncacheable, so those rules are
tested on pages that reach them."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def offer(request):
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
    return HttpResponse(template.render({}, request))


def marked(request):
    response = HttpResponse("<p>Marked.</p>")
    response["Cache-Control"] = request.GET["cache_control"]
    return response


urlpatterns = [path("offer/", offer), path("marked/", marked), path("", include("clinic_site.urls"))]
