"""Schema.org JSON-LD for every public page, built from the same data the page shows."""

from functools import singledispatch

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags

from clinic.models import ClinicDetails
from clinicians.models import Clinician
from publishing.models import Publishable


def plain(html):
    return " ".join(strip_tags(html.replace("</", " </")).split())


def clinic_node(base_url, details=None):
    details = details or ClinicDetails.load()
    node = {
        "@type": "MedicalClinic",
        "@id": f"{base_url}/#clinic",
        "name": details.name,
        "url": f"{base_url}/",
        "logo": base_url + static("favicon.svg"),
        "telephone": details.phone,
        "email": details.email,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": details.street_address,
            "addressLocality": details.locality,
            "postalCode": details.postcode,
            "addressCountry": details.country,
        },
        "hasMap": details.map_url,
    }
    if details.latitude is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": float(details.latitude),
                       "longitude": float(details.longitude)}
    hours = [(day, periods) for day, periods in details.hours_by_day() if periods]
    if hours:
        node["openingHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{day}",
             "opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"}
            for day, periods in hours for opens, closes in periods
        ]
    return node


def website_node(base_url):
    """The site as a whole (home page only), with its search box."""
    return {
        "@type": "WebSite",
        "@id": f"{base_url}/#website",
        "url": f"{base_url}/",
        "name": settings.CLINIC_NAME,
        "publisher": {"@id": f"{base_url}/#clinic"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{base_url}/search/?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_node(base_url, breadcrumbs):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": base_url + path}
            for position, (name, path) in enumerate(breadcrumbs, start=1)
        ],
    }


def person(clinician, base_url):
    """A clinician, with their public profile and what a patient could check about them."""
    url = base_url + clinician.get_absolute_url()
    node = {"@type": "Person", "@id": f"{url}#person", "name": clinician.name, "url": url, "jobTitle": clinician.role}
    if clinician.credentials:
        node["honorificSuffix"] = clinician.credentials
    if clinician.photo:
        node["image"] = base_url + clinician.photo.url
    if clinician.registering_body:
        node["memberOf"] = {"@type": "Organization", "name": clinician.registering_body}
    if clinician.registration_number:
        credential = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "Professional registration",
            "name": f"{clinician.registering_body or 'Professional'} registration {clinician.registration_number}",
        }
        if clinician.registering_body:
            credential["recognizedBy"] = {"@type": "Organization", "name": clinician.registering_body}
        if clinician.register_url:
            credential["url"] = clinician.register_url
        node["hasCredential"] = credential
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
        node["reviewedBy"] = person(page.reviewed_by, base_url)
    return node


def image_url(base_url, page):
    image = page.sharing_image
    return base_url + image.share_crop_url if image else None


@singledispatch
def page_nodes(obj, base_url):
    """The schema.org nodes of the object a page shows. Page types register a builder for their class
    (treatments/seo.py, articles/seo.py); a page type without one is a plain MedicalWebPage."""
    return []


@page_nodes.register
def _(page: Publishable, base_url):
    return [web_page_node(base_url, page)]


@page_nodes.register
def _(clinician: Clinician, base_url):
    url = base_url + clinician.get_absolute_url()
    profile = {"@type": "ProfilePage", "@id": f"{url}#webpage", "url": url, "name": clinician.name,
               "mainEntity": {"@id": f"{url}#person"}, "publisher": {"@id": f"{base_url}/#clinic"}}
    return [profile, person(clinician, base_url)]


def page_graph(base_url, page=None, breadcrumbs=(), home=False, details=None):
    """The @graph for one page: the clinic, the breadcrumb trail, and the page's own entities (and on the home
    page, the site with its search box)."""
    nodes = [clinic_node(base_url, details)]
    if home:
        nodes.append(website_node(base_url))
    if breadcrumbs:
        nodes.append(breadcrumb_node(base_url, breadcrumbs))
    if page is not None:
        nodes += page_nodes(page, base_url)
    return {"@context": "https://schema.org", "@graph": nodes}
