from django.utils.functional import SimpleLazyObject

from clinic.models import ClinicDetails


def clinic(request):
    """The clinic's contact details (header, footer, calls to action; read only when a page part is not kept
    already) and this page's canonical address."""
    page = request.GET.get("page", "")
    canonical_path = request.path + (f"?page={page}" if page.isdigit() and page != "1" else "")
    version = getattr(request, "content_version", None)  # public requests only: staff see the record as it is
    details = SimpleLazyObject(lambda: ClinicDetails.for_version(version) if version else ClinicDetails.load())
    return {"clinic": details, "canonical_url": request.build_absolute_uri(canonical_path)}
