from django.db import migrations, models
from django.utils.text import slugify


def give_slugs(apps, schema_editor):
    Clinician = apps.get_model("clinicians", "Clinician")
    taken = set()
    for clinician in Clinician.objects.order_by("pk"):
        base = slugify(clinician.name)[:140] or "clinician"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        clinician.slug = slug
        clinician.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("clinicians", "0002_alter_clinician_photo")]

    operations = [
        migrations.AddField("clinician", "slug", models.SlugField(max_length=150, default="", db_index=False)),
        migrations.RunPython(give_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            "clinician", "slug",
            models.SlugField(max_length=150, unique=True, help_text="The profile's address: /team/<slug>/."),
        ),
        migrations.AddField("clinician", "registering_body", models.CharField(
            max_length=150, blank=True,
            help_text="e.g. “General Medical Council”, “Nursing and Midwifery Council”.")),
        migrations.AddField("clinician", "register_url", models.URLField(
            "entry on the public register", blank=True,
            help_text="A link to their entry on the registering body's public register, so patients can check it.")),
        migrations.AddField("clinician", "listed", models.BooleanField("shown on the team page", default=True)),
        migrations.AddField("clinician", "display_order", models.PositiveIntegerField(
            default=0, help_text="Lower numbers are listed first.")),
        migrations.AlterModelOptions("clinician", {"ordering": ["display_order", "name"]}),
    ]
