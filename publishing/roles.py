"""Staff roles are groups, each with the permissions it needs and no more (README "Roles").

After every migrate: a missing role group is made with all its permissions; an existing one gets the
usual permissions on any model it holds none on yet (a page type or a feature added later), and is otherwise
left as the clinic set it. (clinic_site's migration 0002_roles made the first groups.)"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .models import page_types

# What each role may do with every page type.
PAGE_ACTIONS = {
    "Author": ["view", "add", "change"],
    "Editor": ["view", "add", "change", "delete", "publish"],
    "Clinical reviewer": ["view", "review"],
    "Front desk": [],
}
# Everything else, by "app_label.codename".
CONTENT_READ = ["articles.view_category", "treatments.view_faq", "clinicians.view_clinician", "images.view_image"]
# The image library: Authors and Editors add and change images; only Editors delete one (never one in use).
LIBRARY_WRITE = ["images.add_image", "images.change_image"]
OTHER_PERMISSIONS = {
    "Author": [*CONTENT_READ, *LIBRARY_WRITE, "treatments.add_faq", "treatments.change_faq", "treatments.delete_faq"],
    "Editor": [
        *CONTENT_READ, *LIBRARY_WRITE, "images.delete_image",
        "treatments.add_faq", "treatments.change_faq", "treatments.delete_faq",
        "articles.add_category", "articles.change_category", "articles.delete_category",
        *(f"search.{action}_synonym" for action in ("view", "add", "change", "delete")),
        "clinic.view_clinicdetails", "clinic.change_clinicdetails",
        "clinicians.add_clinician", "clinicians.change_clinician",
        *(f"publishing.{action}_redirect" for action in ("view", "add", "change", "delete")),
        "claims.view_claimoverride",
        *(f"treatments.{action}_beforeafterpair" for action in ("view", "add", "change", "delete")),
    ],
    "Clinical reviewer": [*CONTENT_READ, "claims.view_claimoverride"],
    "Front desk": ["enquiries.view_enquiry", "enquiries.change_enquiry"],
}


def page_permissions(role, model, using):
    codenames = [f"{action}_{model._meta.model_name}" for action in PAGE_ACTIONS[role]]
    content_type = ContentType.objects.db_manager(using).get_for_model(model)
    return Permission.objects.using(using).filter(content_type=content_type, codename__in=codenames)


def other_permissions(role, using):
    permissions = []
    for name in OTHER_PERMISSIONS[role]:
        app_label, codename = name.split(".")
        permissions += Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename)
    return permissions


def sync_roles(using="default", **kwargs):
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for role in PAGE_ACTIONS:
        group, created = Group.objects.using(using).get_or_create(name=role)
        held = set(group.permissions.values_list("content_type_id", flat=True))
        group.permissions.add(*(p for p in other_permissions(role, using) if p.content_type_id not in held))
        for model in page_types():
            if created or not group.permissions.filter(content_type__app_label=model._meta.app_label,
                                                       content_type__model=model._meta.model_name).exists():
                group.permissions.add(*page_permissions(role, model, using))
