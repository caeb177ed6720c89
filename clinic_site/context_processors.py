from django.conf import settings


def clinic_details():
    phone = settings.CLINIC_PHONE
    return {
        "name": settings.CLINIC_NAME,
        "phone": phone,
        "phone_href": "tel:" + "".join(c for c in phone if c.isdigit() or c == "+"),
        "email": settings.CLINIC_EMAIL,
        "address": settings.CLINIC_ADDRESS,
    }


def clinic(request):
    """The clinic's contact details (footer, calls to action) and this page's canonical address."""
    page = request.GET.get("page", "")
    canonical_path = request.path + (f"?page={page}" if page.isdigit() and page != "1" else "")
    return {"clinic": clinic_details(), "canonical_url": request.build_absolute_uri(canonical_path)}
