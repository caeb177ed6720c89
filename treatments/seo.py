"""Structured data of a treatment page: a MedicalProcedure, and its FAQs as an FAQPage."""

from seo.structured_data import image_url, page_nodes, plain, web_page_node

from .models import Treatment


def procedure_type(treatment):
    """Surgery is a type of procedure of its own in schema.org; injections (through the skin) and other
    non-surgical treatments are values of a MedicalProcedure's procedureType."""
    if treatment.category == treatment.Category.SURGICAL:
        return {"@type": "SurgicalProcedure"}
    kind = "PercutaneousProcedure" if treatment.injectable else "NoninvasiveProcedure"
    return {"@type": "MedicalProcedure", "procedureType": f"https://schema.org/{kind}"}


@page_nodes.register
def treatment_nodes(treatment: Treatment, base_url):
    url = base_url + treatment.get_absolute_url()
    procedure = {
        **procedure_type(treatment),
        "@id": f"{url}#procedure",
        "name": treatment.title,
        "description": treatment.summary,
        "bodyLocation": "Face",
    }
    for key, html in [("howPerformed", treatment.how_it_works), ("followup", treatment.aftercare)]:
        if plain(html):
            procedure[key] = plain(html)
    if image := image_url(base_url, treatment):
        procedure["image"] = image
    page = web_page_node(base_url, treatment) | {"mainEntity": {"@id": procedure["@id"]}}
    nodes = [page, procedure]
    faqs = treatment.questions_and_answers()
    if faqs:
        nodes.append({
            "@type": "FAQPage",
            "@id": f"{url}#faq",
            "url": url,
            "mainEntity": [
                {"@type": "Question", "name": question, "acceptedAnswer": {"@type": "Answer", "text": answer}}
                for question, answer in faqs
            ],
        })
    return nodes
