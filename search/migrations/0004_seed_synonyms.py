from django.db import migrations

SEED = {
    "nose job": "rhinoplasty",
    "anti wrinkle injections": "botox",
    "wrinkle injections": "botox",
    "eye bags": "eyelid surgery",
    "droopy eyelids": "eyelid surgery",
    "jawline": "jaw reshaping",
    "cheek filler": "cheek augmentation",
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for phrase, search_for in SEED.items():
        Synonym.objects.get_or_create(phrase=phrase, defaults={"search_for": search_for})


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
