"""clinic_site is the project package only: its models moved, rows and all, to publishing (Redirect,
ContentVersion) and search (SearchDocument), whose first migrations take over the tables. Here they leave
this app's state, and their content types are relabelled, so the permissions groups hold on them and the
admin's history of them carry over."""

from django.db import migrations

MOVED = {"redirect": "publishing", "contentversion": "publishing", "searchdocument": "search"}


def relabel_content_types(forwards):
    def operation(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model, app_label in MOVED.items():
            old_label, new_label = ("clinic_site", app_label) if forwards else (app_label, "clinic_site")
            old = ContentType.objects.filter(app_label=old_label, model=model)
            if old.exists():
                # One made under the new label in the meantime holds nothing yet: the old one wins.
                ContentType.objects.filter(app_label=new_label, model=model).delete()
                old.update(app_label=new_label)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0005_content_version"),
        ("publishing", "0001_initial"),
        ("search", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Redirect"),
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="SearchDocument"),
            ],
        ),
        migrations.RunPython(relabel_content_types(forwards=True), relabel_content_types(forwards=False)),
    ]
