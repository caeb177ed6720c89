from django.db import migrations

from publishing.review import fingerprint, plain_words

CLINICAL_FIELDS = [
    "body", "how_it_works", "risks", "aftercare", "procedure_time", "anaesthetic", "results_last", "downtime",
    "recovery", "minimum_age",
]


def faqs_in_any_order(apps, schema_editor):
    """Review fingerprints now take FAQs in any order. A review that covered the page as it is stays current; one
    that was already out of date stays out of date."""
    Treatment = apps.get_model("treatments", "Treatment")
    FAQ = apps.get_model("treatments", "FAQ")
    for treatment in Treatment.objects.exclude(reviewed_content=""):
        texts = [str(getattr(treatment, field) or "") for field in CLINICAL_FIELDS]
        faqs = [f"{faq.question} {faq.answer}" for faq in FAQ.objects.filter(treatment=treatment).order_by("order", "id")]
        if treatment.reviewed_content == fingerprint(texts + faqs):
            new = fingerprint(texts + sorted(faqs, key=plain_words))
            Treatment.objects.filter(pk=treatment.pk).update(reviewed_content=new)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0011_image_library")]
    operations = [migrations.RunPython(faqs_in_any_order, migrations.RunPython.noop)]
