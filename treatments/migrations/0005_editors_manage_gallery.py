"""Editors manage before-and-after pairs (patient photos need an Editor's care with consent); no role
could before, so only superusers saw the gallery on the treatment form."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["view", "add", "change", "delete"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("treatments")
    app_config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="treatments", codename__in=[f"{action}_beforeafterpair" for action in ACTIONS]
    )
    for group in Group.objects.filter(name="Editor"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("treatments", "0004_unpublish_at"), ("clinic_site", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
