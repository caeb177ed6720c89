"""The site's URLs plus one public page holding a form with a CSRF token (none of ours outside the page-cache
skip list has one today), so the page cache's CSRF rule can be tested on a page that reaches it."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def offer(request):
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
    return HttpResponse(template.render({}, request))


urlpatterns = [path("offer/", offer), path("", include("clinic_site.urls"))]
