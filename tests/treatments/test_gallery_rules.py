"""Before-and-after photos: a pair the patient's consent covers but staff have withdrawn is never shown,
and withdrawing it takes it off the public (cached) treatment page at once."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import TreatmentFactory
from tests.imagefiles import image_bytes
from treatments.models import BeforeAfterPair

pytestmark = pytest.mark.django_db
URL = "/treatments/botox/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def make_pair(treatment, label, **fields):
    """A pair whose caption, alt texts and file names all carry `label`, so the page can be searched for it."""
    defaults = {
        "consent_recorded": True, "consent_reference": f"CF-{label}", "show_publicly": True,
    }
    return BeforeAfterPair.objects.create(
        treatment=treatment,
        before_image=SimpleUploadedFile(f"{label}-before.png", image_bytes()),
        after_image=SimpleUploadedFile(f"{label}-after.png", image_bytes()),
        before_alt=f"Frown lines before ({label})", after_alt=f"Softer frown lines after ({label})",
        caption=f"Two weeks later ({label})",
        **{**defaults, **fields},
    )


def traces_of(pair):
    """Everything of a pair that could reach the page: caption, alt texts, image URLs and the files' names
    (renditions are named after the original)."""
    images = [pair.before_image, pair.after_image]
    stems = [image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] for image in images]
    return [pair.caption, pair.before_alt, pair.after_alt, *(image.url for image in images), *stems]


def test_withdrawn_pair_is_never_shown_even_with_consent_on_file(client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 0
    treatment = TreatmentFactory(slug="botox")
    shown = make_pair(treatment, "shown")
    withdrawn = make_pair(treatment, "withdrawn", show_publicly=False)

    html = client.get(URL).content.decode()

    for trace in traces_of(shown):  # the gallery is on the page, so its absence below means something
        assert trace in html
    for trace in traces_of(withdrawn):
        assert trace not in html


def test_withdrawing_a_pair_takes_it_off_the_cached_treatment_page_at_once(client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    treatment = TreatmentFactory(slug="botox")
    make_pair(treatment, "kept")
    pair = make_pair(treatment, "withdrawn")
    client.get(URL)
    cached = client.get(URL)
    assert cached["X-Page-Cache"] == "hit"
    assert pair.caption in cached.content.decode()

    pair.show_publicly = False  # the patient asked; staff untick "show publicly"
    pair.save()

    html = client.get(URL).content.decode()
    assert "Two weeks later (kept)" in html
    for trace in traces_of(pair):
        assert trace not in html
