from django.shortcuts import render

from .engine import MAX_RESULTS, SEARCH_MAX_LENGTH, search_site


def search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "max_length": SEARCH_MAX_LENGTH, "max_results": MAX_RESULTS, "results": []}
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = (
            f"Your search is {len(query)} characters long. Please use {SEARCH_MAX_LENGTH} characters or fewer, "
            "for example the name of a treatment."
        )
        return render(request, "search.html", context, status=400)
    if query:
        context["results"] = search_site(query)
    return render(request, "search.html", context)
