from django.http import HttpResponse

# The benchmark's yardstick: the cheapest possible page of this project, 20 KB of fixed HTML.
YARDSTICK_HTML = "<!doctype html><title>yardstick</title>" + ("<p>" + "x" * 93 + "</p>\n") * 200


def yardstick(request):
    return HttpResponse(YARDSTICK_HTML)
