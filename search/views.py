from functools import partial

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from publishing.cache import for_this_version
from publishing.models import page_types

from .engine import MAX_RESULTS, SEARCH_MAX_LENGTH, find


def live_treatments():
    treatment = next(model for model in page_types() if model._meta.model_name == "treatment")
    return list(treatment.objects.published().order_by("display_order", "title").only("title", "slug"))


def search(request):
    query = request.GET.get("q", "").strip()
    context = {
        "query": query, "max_length": SEARCH_MAX_LENGTH, "max_results": MAX_RESULTS, "results": [],
        # Shown when a search is empty or finds nothing: where patients can go next.
        "suggestions": SimpleLazyObject(live_treatments),
    }
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = (
            f"Your search is {len(query)} characters long. Please use {SEARCH_MAX_LENGTH} characters or fewer, "
            "for example the name of a treatment."
        )
        return render(request, "search.html", context, status=400)
    if query:
        outcome = find(query, remember=partial(for_this_version, request))
        context.update(results=outcome.results, searched_for=outcome.searched_for, corrected=outcome.corrected)
    return render(request, "search.html", context)
