from django.core.validators import slug_re
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from treatments.models import Treatment

from . import ratelimit
from .forms import EnquiryForm
from .services import enquiry_submit


@never_cache
def consultation(request):
    """The enquiry form; `?treatment=<slug>` preselects a published treatment."""
    if request.method == "POST":
        if ratelimit.is_limited(request):
            return render(request, "enquiries/rate_limited.html", status=429)
        form = EnquiryForm(request.POST)
        if form.is_valid():
            ratelimit.record_submission(request)
            if not form.is_spam:
                enquiry_submit(form, request.build_absolute_uri("/")[:-1])
            return redirect("enquiries:thanks")
    else:
        slug = request.GET.get("treatment", "")
        treatment = Treatment.objects.published().filter(slug=slug).first() if slug_re.fullmatch(slug) else None
        form = EnquiryForm(initial={"treatment": treatment})
    return render(request, "enquiries/consultation.html", {"form": form})


def thanks(request):
    return render(request, "enquiries/thanks.html")
