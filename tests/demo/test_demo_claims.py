"""The demo content passes the advertising-rules checker: the default pack finds nothing, and the UK and
Irish packs find only the name of a prescription-only medicine (Botox), which clinics there would rewrite."""

from django.conf import settings

from articles.models import Article
from claims.checker import find_claims
from treatments.models import Treatment

from .loaded import LoadedDemoTestCase

NAMING_BOTOX = {"botox", "botox-facial-symmetry", "botox-myths"}


class DemoClaimsTests(LoadedDemoTestCase):
    def demo_pages(self):
        pages = [*Treatment.objects.all(), *Article.objects.all()]
        assert len(pages) == 13
        return pages

    def test_default_pack_finds_nothing_on_any_demo_page(self):
        assert settings.CLINIC_JURISDICTION == "us"
        pages = self.demo_pages()
        assert {page.slug: find_claims(page) for page in pages} == {page.slug: [] for page in pages}

    def test_uk_and_irish_packs_find_only_the_prescription_only_medicine(self):
        for jurisdiction in ("uk", "ie"):
            with self.subTest(jurisdiction=jurisdiction):
                found = {page.slug: {f.rule_id for f in find_claims(page, jurisdiction)} for page in self.demo_pages()}
                assert {slug for slug, rules in found.items() if rules} == NAMING_BOTOX
                assert set().union(*found.values()) == {"prescription-only-medicine"}
