from django.contrib.auth.management import create_permissions
from django.db import migrations

FRONT_DESK = "Front desk"
PERMISSIONS = ["view_enquiry", "change_enquiry"]


def create_front_desk(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the group can hold them.
    app_config = apps.get_app_config("enquiries")
    app_config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=FRONT_DESK)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="enquiries", codename__in=PERMISSIONS))


def remove_front_desk(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=FRONT_DESK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_front_desk, remove_front_desk)]
