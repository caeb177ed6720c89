"""Schema.org JSON-LD for every public page, built from the same data the page shows."""

from functools import singledispatch

from django.conf import settings
from django.utils.html import strip_tags

from publishing.models import Publishable


def plain(html):
    return " ".join(strip_tags(html.replace("</", " </")).split())


def clinic_node(base_url):
    return {
        "@type": "MedicalClinic",
        "@id": f"{base_url}/#clinic",
        "name": settings.CLINIC_NAME,
        "url": f"{base_url}/",
        "telephone": settings.CLINIC_PHONE,
        "email": settings.CLINIC_EMAIL,
        "address": {"@type": "PostalAddress", "streetAddress": settings.CLINIC_ADDRESS},
    }


def breadcrumb_node(base_url, breadcrumbs):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": base_url + path}
            for position, (name, path) in enumerate(breadcrumbs, start=1)
        ],
    }


def person(clinician):
    node = {"@type": "Person", "name": clinician.name, "jobTitle": clinician.role}
    if clinician.credentials:
        node["honorificSuffix"] = clinician.credentials
    return node


def web_page_node(base_url, page):
    url = base_url + page.get_absolute_url()
    node = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.meta_title,
        "description": page.description,
        "datePublished": page.publish_at.isoformat(),
        "dateModified": page.updated_at.isoformat(),
        "publisher": {"@id": f"{base_url}/#clinic"},
    }
    if page.review_is_current():  # a review never outlives the content it read
        node["lastReviewed"] = page.last_reviewed.isoformat()
        node["reviewedBy"] = person(page.reviewed_by)
    return node


def image_url(base_url, page):
    return base_url + page.hero_image.url if page.hero_image else None


@singledispatch
def page_nodes(obj, base_url):
    """The schema.org nodes of the object a page shows. Page types register a builder for their class
    (treatments/seo.py, articles/seo.py); a page type without one is a plain MedicalWebPage."""
    return []


@page_nodes.register
def _(page: Publishable, base_url):
    return [web_page_node(base_url, page)]


def page_graph(base_url, page=None, breadcrumbs=()):
    """The @graph for one page: the clinic, the breadcrumb trail, and the page's own entities."""
    nodes = [clinic_node(base_url)]
    if breadcrumbs:
        nodes.append(breadcrumb_node(base_url, breadcrumbs))
    if page is not None:
        nodes += page_nodes(page, base_url)
    return {"@context": "https://schema.org", "@graph": nodes}
