"""Roles after every migrate (publishing.roles.sync_roles): a new group gets its role's permissions and no more; an
existing group keeps what the clinic chose, and gains the usual permissions only on a model it holds none on.
Written for the mutants mutation testing found alive (docs/testing.md)."""

import pytest
from django.contrib.auth.models import Group, Permission

from publishing.roles import sync_roles

pytestmark = pytest.mark.django_db

PAGE = ("view", "add", "change")
LIBRARY = ("images.view_image", "images.add_image", "images.change_image")
ROLES = {
    "Author": {
        *(f"articles.{action}_article" for action in PAGE), *(f"treatments.{action}_treatment" for action in PAGE),
        "articles.view_category", "clinicians.view_clinician", "treatments.view_faq", "treatments.add_faq",
        "treatments.change_faq", "treatments.delete_faq", *LIBRARY,
    },
    "Editor": {
        *(f"articles.{action}_article" for action in (*PAGE, "delete", "publish")),
        *(f"treatments.{action}_treatment" for action in (*PAGE, "delete", "publish")),
        *(f"articles.{action}_category" for action in ("view", "add", "change", "delete")),
        *(f"treatments.{action}_faq" for action in ("view", "add", "change", "delete")),
        *(f"treatments.{action}_beforeafterpair" for action in ("view", "add", "change", "delete")),
        *(f"search.{action}_synonym" for action in ("view", "add", "change", "delete")),
        *(f"publishing.{action}_redirect" for action in ("view", "add", "change", "delete")),
        "clinic.view_clinicdetails", "clinic.change_clinicdetails", "clinicians.view_clinician",
        "clinicians.add_clinician", "clinicians.change_clinician", "claims.view_claimoverride", *LIBRARY,
        "images.delete_image",
    },
    "Clinical reviewer": {
        "articles.view_article", "articles.review_article", "treatments.view_treatment", "treatments.review_treatment",
        "articles.view_category", "clinicians.view_clinician", "treatments.view_faq", "claims.view_claimoverride",
        "images.view_image",
    },
    "Front desk": {"enquiries.view_enquiry", "enquiries.change_enquiry"},
}


def held(role):
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=role).permissions.all()}


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.mark.parametrize("role", ROLES)
def test_a_missing_role_group_is_made_with_its_permissions_and_no_more(role):
    Group.objects.filter(name=role).delete()
    sync_roles()
    assert held(role) == ROLES[role]


def test_an_existing_group_keeps_a_permission_the_clinic_took_away():
    editors = Group.objects.get(name="Editor")
    editors.permissions.remove(permission("articles.delete_article"), permission("treatments.delete_faq"))
    sync_roles()
    assert held("Editor") == ROLES["Editor"] - {"articles.delete_article", "treatments.delete_faq"}


def test_a_page_type_an_existing_group_holds_nothing_on_gets_the_usual_permissions():
    # As when a page type is added after the groups were made: Authors hold nothing on it yet.
    authors = Group.objects.get(name="Author")
    authors.permissions.remove(*Permission.objects.filter(content_type__model="article"))
    sync_roles()
    assert held("Author") == ROLES["Author"]


def test_migrate_stays_quiet_when_permissions_are_added(capsys):
    permission("search.view_synonym").delete()
    sync_roles()
    assert permission("search.view_synonym")  # made again
    assert capsys.readouterr().out == ""


def test_a_group_the_clinic_narrowed_to_reading_faqs_is_not_given_the_rest_back():
    editors = Group.objects.get(name="Editor")
    editors.permissions.set([permission("treatments.view_faq")])
    sync_roles()
    faq_rights = {name for name in held("Editor") if name.endswith("_faq")}
    assert faq_rights == {"treatments.view_faq"}
    assert "search.add_synonym" in held("Editor")  # on models it held nothing on, the usual permissions
