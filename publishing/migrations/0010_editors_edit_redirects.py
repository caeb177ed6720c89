"""Editors add and change redirects (by hand, or from a file), besides viewing and deleting them. sync_roles
gives an existing group only models it holds nothing on, and Editors already held view and delete: granted
here once, to an Editor group that still holds view (a clinic that took redirects away keeps its choice)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant(apps, schema_editor):
    app_config = apps.get_app_config("publishing")
    app_config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redirects = Permission.objects.filter(content_type__app_label="publishing", content_type__model="redirect")
    for group in Group.objects.filter(name="Editor", permissions__in=redirects.filter(codename="view_redirect")):
        group.permissions.add(*redirects.filter(codename__in=["add_redirect", "change_redirect"]))


class Migration(migrations.Migration):
    dependencies = [("publishing", "0009_media_check"), ("clinic_site", "0006_models_moved_to_apps")]
    operations = [
        migrations.AlterField(
            model_name="redirect",
            name="new_path",
            field=models.CharField(
                help_text="A page of this site that patients can see, e.g. /treatments/botox/.", max_length=250,
                verbose_name="new address",
            ),
        ),
        migrations.AlterField(
            model_name="redirect",
            name="old_path",
            field=models.CharField(
                help_text="The address that no longer has a page, e.g. /blog/old-post/ (or the full web address of a "
                "page of the old site). Patients who follow it are sent on to the new address.",
                max_length=250, unique=True, verbose_name="old address",
            ),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
