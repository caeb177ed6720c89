"""Staff roles as groups, each with the permissions it needs and no more (README "Roles")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_READ = [
    "articles.view_article", "articles.view_category", "treatments.view_treatment", "treatments.view_faq",
    "clinicians.view_clinician",
]
AUTHOR = CONTENT_READ + [
    "articles.add_article", "articles.change_article",
    "treatments.add_treatment", "treatments.change_treatment",
    "treatments.add_faq", "treatments.change_faq", "treatments.delete_faq",
]
EDITOR = AUTHOR + [
    "articles.delete_article", "articles.publish_article",
    "treatments.delete_treatment", "treatments.publish_treatment",
    "articles.add_category", "articles.change_category", "articles.delete_category",
    "clinicians.add_clinician", "clinicians.change_clinician",
    "clinic_site.view_redirect", "clinic_site.delete_redirect",
]
CLINICAL_REVIEWER = CONTENT_READ + ["articles.review_article", "treatments.review_treatment"]
FRONT_DESK = ["enquiries.view_enquiry", "enquiries.change_enquiry"]

ROLES = {
    "Author": AUTHOR,
    "Editor": EDITOR,
    "Clinical reviewer": CLINICAL_REVIEWER,
    "Front desk": FRONT_DESK,
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can hold them.
    for label in ["clinic_site", "articles", "treatments", "clinicians", "enquiries"]:
        app_config = apps.get_app_config(label)
        app_config.models_module = True  # the migration state's stub lacks it; create_permissions checks it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic_site", "0001_initial"),
        ("articles", "0002_initial"),
        ("treatments", "0001_initial"),
        ("clinicians", "0001_initial"),
        ("enquiries", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
