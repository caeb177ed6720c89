"""Schema.org JSON-LD for every public page, built from the same data the page shows."""

from django.conf import settings
from django.utils.html import strip_tags

NON_SURGICAL = "https://schema.org/NoninvasiveProcedure"
SURGICAL = "https://schema.org/SurgicalProcedure"


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
    if page.last_reviewed:
        node["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewed_by:
        node["reviewedBy"] = person(page.reviewed_by)
    return node


def image_url(base_url, page):
    return base_url + page.hero_image.url if page.hero_image else None


def treatment_nodes(base_url, treatment):
    url = base_url + treatment.get_absolute_url()
    procedure = {
        "@type": "MedicalProcedure",
        "@id": f"{url}#procedure",
        "name": treatment.title,
        "description": treatment.summary,
        "procedureType": SURGICAL if treatment.category == treatment.Category.SURGICAL else NON_SURGICAL,
        "bodyLocation": "Face",
    }
    for key, html in [("howPerformed", treatment.how_it_works), ("followup", treatment.aftercare)]:
        if plain(html):
            procedure[key] = plain(html)
    if image := image_url(base_url, treatment):
        procedure["image"] = image
    page = web_page_node(base_url, treatment) | {"mainEntity": {"@id": procedure["@id"]}}
    nodes = [page, procedure]
    faqs = list(treatment.faqs.all())
    if faqs:
        nodes.append({
            "@type": "FAQPage",
            "@id": f"{url}#faq",
            "url": url,
            "mainEntity": [
                {"@type": "Question", "name": faq.question, "acceptedAnswer": {"@type": "Answer", "text": faq.answer}}
                for faq in faqs
            ],
        })
    return nodes


def article_nodes(base_url, article):
    url = base_url + article.get_absolute_url()
    posting = {
        "@type": "BlogPosting",
        "@id": f"{url}#article",
        "headline": article.title,
        "description": article.description,
        "author": {"@type": "Person", "name": article.byline},
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": {"@id": f"{url}#webpage"},
        "publisher": {"@id": f"{base_url}/#clinic"},
    }
    if image := image_url(base_url, article):
        posting["image"] = image
    return [web_page_node(base_url, article) | {"mainEntity": {"@id": posting["@id"]}}, posting]


def page_graph(base_url, page=None, breadcrumbs=()):
    """The @graph for one page: the clinic, the breadcrumb trail, and the page's own entities."""
    nodes = [clinic_node(base_url)]
    if breadcrumbs:
        nodes.append(breadcrumb_node(base_url, breadcrumbs))
    model = page._meta.label_lower if page is not None else None
    if model == "treatments.treatment":
        nodes += treatment_nodes(base_url, page)
    elif model == "articles.article":
        nodes += article_nodes(base_url, page)
    return {"@context": "https://schema.org", "@graph": nodes}
