from urllib.parse import urlencode

from django.core import signing
from django.core.validators import slug_re
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from treatments.models import Treatment

from . import ratelimit
from .forms import EnquiryForm
from .models import Enquiry
from .services import enquiry_submit

# The thank-you page is told which enquiry it thanks for by a signed, short-lived reference rather than by
# what was typed: nothing personal (nor even the treatment) travels in the address, and an old or altered
# link shows the plain thank-you.
THANKS_SALT = "enquiries.thanks"
THANKS_MAX_AGE = 60 * 60  # seconds


def thanks_url(enquiry=None):
    url = reverse("enquiries:thanks")
    if enquiry is None:
        return url
    return f"{url}?{urlencode({'sent': signing.dumps(enquiry.pk, salt=THANKS_SALT)})}"


@never_cache
def consultation(request):
    """The enquiry form; `?treatment=<slug>` preselects a published treatment."""
    if request.method == "POST":
        if ratelimit.is_limited(request):
            return render(request, "enquiries/rate_limited.html", status=429)
        form = EnquiryForm(request.POST)
        if form.is_valid():
            ratelimit.record_submission(request)
            enquiry = None
            if not form.is_spam:
                enquiry = enquiry_submit(form, request.build_absolute_uri("/")[:-1])
            return redirect(thanks_url(enquiry))
    else:
        slug = request.GET.get("treatment", "")
        treatment = Treatment.objects.published().filter(slug=slug).first() if slug_re.fullmatch(slug) else None
        form = EnquiryForm(initial={"treatment": treatment})
    return render(request, "enquiries/consultation.html", {"form": form})


@never_cache
def thanks(request):
    """Recaps the treatment asked about and how we will reply; never the name, email, phone or message. Not
    cached anywhere (never_cache here; the page cache skips /consultation/)."""
    context = {}
    try:
        pk = signing.loads(request.GET.get("sent", ""), salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        pk = None
    sent = Enquiry.objects.filter(pk=pk).values("contact_method", "treatment").first() if pk else None
    if sent:
        method = Enquiry.ContactMethod(sent["contact_method"])
        context = {
            "contact_method": method.value,
            "contact_method_label": "By phone" if method == Enquiry.ContactMethod.PHONE else "By email",
            "treatment": Treatment.objects.published().filter(pk=sent["treatment"]).only("title", "slug").first()
            if sent["treatment"]
            else None,
        }
    return render(request, "enquiries/thanks.html", context)
