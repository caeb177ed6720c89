"""Bylines credit clinicians, not staff logins ("By admin"). An article keeps its author when that staff account
has a clinician profile; otherwise it credits the clinic's clinical team until staff choose someone. Which
account saved what stays in the history."""

import django.db.models.deletion
from django.db import migrations, models


def credit_clinicians(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Clinician = apps.get_model("clinicians", "Clinician")
    profiles = dict(Clinician.objects.filter(user__isnull=False).values_list("user_id", "pk"))
    for article in Article.objects.only("pk", "author_id"):
        if article.author_id in profiles:
            Article.objects.filter(pk=article.pk).update(byline_clinician_id=profiles[article.author_id])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_published_index_covers_expiry"),
        ("clinicians", "0003_public_profiles"),
    ]

    operations = [
        migrations.AddField(
            "article", "byline_clinician",
            models.ForeignKey(null=True, blank=True, on_delete=django.db.models.deletion.PROTECT,
                              related_name="+", to="clinicians.clinician"),
        ),
        migrations.RunPython(credit_clinicians, migrations.RunPython.noop),
        migrations.RemoveField("article", "author"),
        migrations.RenameField("article", "byline_clinician", "author"),
        migrations.AlterField(
            "article", "author",
            models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="articles",
                to="clinicians.clinician",
                help_text="The clinician credited in the byline, linked to their profile (defaults to your own "
                "profile, if you have one). Leave empty to credit the clinic's clinical team. Who saved what "
                "stays in the history.",
            ),
        ),
    ]
