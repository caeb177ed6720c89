"""Search understands patients: their words for treatments, and their spelling."""

import pytest
from django.core.exceptions import ValidationError

from publishing.models import Status
from search.engine import find
from search.models import Synonym
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def treatments():
    return {
        "rhinoplasty": TreatmentFactory(title="Rhinoplasty", body="<p>Surgery to reshape the nose.</p>"),
        "botox": TreatmentFactory(title="Botox", body="<p>Relaxes the muscles that cause lines.</p>"),
        "eyelid": TreatmentFactory(title="Eyelid surgery", body="<p>Blepharoplasty removes excess skin.</p>"),
        "cheek": TreatmentFactory(title="Cheek augmentation", body="<p>Implants or your own fat.</p>"),
        "jaw": TreatmentFactory(title="Jaw reshaping", body="<p>Defines the angle of the jaw.</p>"),
    }


@pytest.mark.parametrize("typed, expected", [
    ("nose job", "rhinoplasty"), ("Nose-job", "rhinoplasty"), ("anti-wrinkle injections", "botox"),
    ("wrinkle injections", "botox"), ("eye bags", "eyelid"), ("droopy eyelids", "eyelid"),
    ("jawline", "jaw"), ("cheek filler", "cheek"),
])
def test_patients_words_find_the_treatment(treatments, typed, expected):
    outcome = find(typed)
    assert outcome.results[0] == treatments[expected]
    assert not outcome.corrected and outcome.searched_for


@pytest.mark.parametrize("typed, expected", [
    ("botx", "botox"), ("rhinoplasy", "rhinoplasty"), ("blepheroplasty", "eyelid"), ("blefaroplasty", "eyelid"),
    ("Rhinoplsty recovery", None),
])
def test_misspelt_treatments_are_found_with_a_did_you_mean(treatments, typed, expected):
    ArticleFactory(title="Rhinoplasty recovery week by week", body="<p>Swelling settles.</p>")
    outcome = find(typed)
    assert outcome.corrected
    if expected:
        assert treatments[expected] in outcome.results
    else:
        assert outcome.searched_for == "rhinoplasty recovery" and len(outcome.results) == 1


def test_a_correct_word_is_never_corrected_and_nonsense_finds_nothing(treatments):
    assert find("nose").results == [treatments["rhinoplasty"]] and not find("nose").searched_for
    nonsense = find("qwzxv")
    assert nonsense.results == [] and not nonsense.searched_for


def test_corrections_never_come_from_unpublished_pages(treatments):
    ArticleFactory(title="Thermagex launch", status=Status.DRAFT)
    assert find("thermagx").results == [] and not find("thermagx").searched_for


def test_staff_synonyms_apply_at_once_and_are_cleaned(client, treatments):
    assert client.get("/search/?q=hooded+lids").context["results"] == []
    synonym = Synonym(phrase="  Hooded   LIDS! ", search_for="Eyelid surgery")
    synonym.full_clean()
    synonym.save()
    assert synonym.phrase == "hooded lids"
    response = client.get("/search/?q=hooded+lids")
    assert response.context["results"][0] == treatments["eyelid"]
    assert "the word our pages use" in response.content.decode()
    with pytest.raises(ValidationError, match="same as what patients type"):
        Synonym(phrase="botox", search_for="Botox").full_clean()
    with pytest.raises(ValidationError, match="letters or digits"):
        Synonym(phrase="!!!", search_for="botox").full_clean()


def test_the_page_says_what_it_searched_for_and_offers_treatments_when_nothing_matches(client, treatments):
    html = client.get("/search/?q=botx").content.decode()
    assert "Did you mean" in html and "Showing results for “botox”" in html
    assert f'href="{treatments["botox"].get_absolute_url()}"' in html.split('id="results-heading"')[1]
    empty = client.get("/search/?q=qwzxv").content.decode()
    assert "Nothing matched" in empty and f'href="{treatments["rhinoplasty"].get_absolute_url()}"' in empty
    start = client.get("/search/").content.decode()
    assert "Popular treatments" in start and f'href="{treatments["jaw"].get_absolute_url()}"' in start


def test_editors_manage_synonyms_and_authors_cannot(client):
    from django.contrib.auth.models import Group, Permission

    from publishing.roles import sync_roles
    from tests.factories import UserFactory

    editors = Group.objects.get(name="Editor")
    editors.permissions.remove(*Permission.objects.filter(content_type__app_label="search"))
    sync_roles()  # a site that had Editors before synonyms existed gets them at its next migrate
    editor = UserFactory(username="ed", is_staff=True)
    editor.groups.add(editors)
    author = UserFactory(username="au", is_staff=True)
    author.groups.add(Group.objects.get(name="Author"))
    client.force_login(editor)
    response = client.post("/admin/search/synonym/add/", {"phrase": "lip filler", "search_for": "lips"})
    assert response.status_code == 302 and Synonym.objects.filter(phrase="lip filler").exists()
    client.force_login(author)
    assert client.get("/admin/search/synonym/").status_code == 403
