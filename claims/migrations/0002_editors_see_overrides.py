from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="claims", codename="view_claimoverride")
    for group in Group.objects.filter(name__in=["Editor", "Clinical reviewer"]):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("clinic_site", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
