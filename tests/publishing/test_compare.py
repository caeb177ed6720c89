"""The compare view shows what changed between two versions as staff read it: the text word by word, field by
field under the labels of the form, FAQs and gallery pairs by name; unchanged fields, spacing and what the site
works out itself are left out. It shows only the page's own versions, to those who may read the page type."""

import html
import re

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from publishing.changes import readable_text
from publishing.models import Status
from tests.factories import ArticleFactory, CategoryFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_gallery_files import make_pair

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>Botox relaxes the overactive muscle on one side, which can lift a drooping brow.</p>"
TABLE = (
    '<figure class="table"><table><thead><tr><th>Area</th><th>Price from</th></tr></thead>'
    "<tbody><tr><td>Forehead lines</td><td>£200</td></tr><tr><td>Crow’s feet</td><td>£180</td></tr></tbody>"
    "</table></figure>"
)


def recorded(page, **changes):
    """Save `page` with `changes` as a new version, as the admin does (a treatment's FAQs come along)."""
    for name, value in changes.items():
        setattr(page, name, value)
    with reversion.create_revision():
        page.save()
    return Version.objects.get_for_object(page).first()


def compare_url(page, older, newer):
    opts = page._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[page.pk]) + (
        f"?version_id1={older.pk}&version_id2={newer.pk}"
    )


def visible(fragment):
    """Text as staff read it, with [-removed-] and {+added+} words."""
    fragment = re.sub(r'<span class="visually-hidden">.*?</span>', "", fragment)
    fragment = re.sub(r"<del>(.*?)</del>", r"[-\1-]", fragment, flags=re.S)
    fragment = re.sub(r"<ins>(.*?)</ins>", r"{+\1+}", fragment, flags=re.S)
    fragment = re.sub(r"</p>|<h3[^>]*>", "\n", fragment)
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def changes_shown(client, page, older, newer):
    """{section heading: its text} of the compare page, in order."""
    response = client.get(compare_url(page, older, newer))
    assert response.status_code == 200
    sections = re.findall(r'<section class="compare-change[^>]*>\s*<h2[^>]*>(.*?)</h2>(.*?)</section>',
                          response.content.decode(), re.S)
    return {html.unescape(title): visible(body) for title, body in sections}


@pytest.fixture
def editor_views():
    client, _ = member_of("Editor")
    return client


# What staff see change.

def test_a_word_changed_in_a_paragraph_shows_exactly_that_word_deleted_and_inserted(editor_views):
    article = ArticleFactory(body=PARAGRAPH)
    older = recorded(article)
    newer = recorded(article, body=PARAGRAPH.replace("relaxes", "softens"))

    assert changes_shown(editor_views, article, older, newer) == {
        "Body": "Botox [-relaxes-]{+softens+} the overactive muscle on one side, which can lift a drooping brow.",
    }


def test_spacing_alone_is_not_a_change_and_internal_fields_are_not_shown(editor_views):
    article = ArticleFactory(title="Botox for balance", body=PARAGRAPH + "<ul><li>No downtime.</li></ul>")
    older = recorded(article)
    respaced = "\n<p>Botox   relaxes the overactive muscle\n on one side, which can&nbsp;lift a drooping brow.</p>\n" \
               "<ul>\n  <li>No downtime. </li>\n</ul>\n"
    newer = recorded(article, body=respaced, title="Botox for facial balance", reading_time=7)

    response = editor_views.get(compare_url(article, older, newer))

    assert changes_shown(editor_views, article, older, newer) == {"Title": "Botox for {+facial+} balance"}
    for noise in ("Reading time", "Updated at", "Reviewed content", "Hero image width"):
        assert noise not in response.content.decode()


def test_nothing_but_spacing_changed_says_so(editor_views):
    article = ArticleFactory(body=PARAGRAPH)
    older = recorded(article)
    newer = recorded(article, body=PARAGRAPH.replace("<p>", "<p>\n  ").replace(" the ", "  the  "))

    response = editor_views.get(compare_url(article, older, newer))

    assert changes_shown(editor_views, article, older, newer) == {}
    assert "Nothing staff would see changed between these versions" in response.content.decode()


def test_a_change_of_formatting_or_link_alone_is_said_in_words(editor_views):
    article = ArticleFactory(body='<p>See <a href="https://www.nhs.uk/">NHS advice</a> first.</p>')
    older = recorded(article)
    newer = recorded(article, body='<p>See <a href="https://www.nhs.uk/botox/"><b>NHS advice</b></a> first.</p>')

    assert changes_shown(editor_views, article, older, newer) == {
        "Body": "Only the formatting, links or images changed; the words are the same.",
    }


def test_a_paragraph_made_a_heading_says_so(editor_views):
    article = ArticleFactory(body="<p>Aftercare</p><p>Keep upright for four hours.</p>")
    older = recorded(article)
    newer = recorded(article, body="<h3>Aftercare</h3><p>Keep upright for four hours.</p>")

    assert changes_shown(editor_views, article, older, newer) == {
        "Body": "Heading Aftercare (was a paragraph, now a heading)",
    }


def test_a_table_cell_change_is_read_as_its_row(editor_views):
    article = ArticleFactory(body=TABLE)
    older = recorded(article)
    newer = recorded(article, body=TABLE.replace("£200", "£220"))

    assert changes_shown(editor_views, article, older, newer) == {"Body": "Table row Forehead lines | £[-200-]{+220+}"}


def test_headings_and_list_items_stay_readable(editor_views):
    body = "<h3>Benefits</h3><ul><li>Softens frown lines.</li><li>No downtime.</li></ul><h3>Risks</h3><p>Bruising.</p>"
    article = ArticleFactory(body=body)
    older = recorded(article)
    newer = recorded(article, body=body.replace("Benefits", "What it does").replace(
        "<li>No downtime.</li>", "<li>No downtime at all.</li><li>Results in a week.</li>"))

    assert changes_shown(editor_views, article, older, newer) == {
        "Body": "Heading [-Benefits-] {+What it does+}\n…\n• No downtime {+at all+}.\n• {+Results in a week.+}",
    }


def test_fields_are_named_as_in_the_form_and_values_read_as_staff_know_them(editor_views):
    treatment = TreatmentFactory(status=Status.DRAFT, risks="<p>Bruising.</p>", results_last="3–4 months")
    older = recorded(treatment)
    category = CategoryFactory(name="Anti-wrinkle injections")
    newer = recorded(treatment, status=Status.PUBLISHED, risks="<p>Bruising and a mild headache.</p>",
                     results_last="About 4 months")
    article = ArticleFactory(categories=[])
    first = recorded(article)
    article.categories.add(category)
    second = recorded(article)

    shown = changes_shown(editor_views, treatment, older, newer)

    assert shown["Side effects and risks"] == "Bruising {+and a mild headache+}."
    assert shown["Results last"] == "[-3–4 months-] → {+About 4 months+}"
    assert shown["Status"] == "[-Draft-] → {+Published+}"
    assert changes_shown(editor_views, article, first, second) == {"Categories": "Added: {+Anti-wrinkle injections+}."}


def test_an_faq_answer_change_is_named_by_its_question(editor_views):
    treatment = TreatmentFactory()
    faq = FAQFactory(treatment=treatment, question="Does it hurt?", answer="Most people feel a brief scratch.")
    FAQFactory(treatment=treatment, question="How long does it last?", answer="Three to four months.")
    older = recorded(treatment)
    faq.answer = "Most people feel only a brief scratch."
    faq.save()
    newer = recorded(treatment)

    assert changes_shown(editor_views, treatment, older, newer) == {
        "FAQ “Does it hurt?” — answer changed": "Answer\nMost people feel {+only+} a brief scratch.",
    }


def test_added_and_removed_faqs_are_named(editor_views):
    treatment = TreatmentFactory()
    kept = FAQFactory(treatment=treatment, question="Does it hurt?", order=1)
    gone = FAQFactory(treatment=treatment, question="Is it safe in pregnancy?", answer="We do not treat then.",
                      order=2)
    older = recorded(treatment)
    gone.delete()
    FAQFactory(treatment=treatment, question="Will I look frozen?", answer="No.", order=3)
    newer = recorded(treatment)

    shown = changes_shown(editor_views, treatment, older, newer)

    assert shown == {
        "FAQ “Is it safe in pregnancy?” — removed": "Question\n[-Is it safe in pregnancy?-]\nOrder\n[-2-]\n"
                                                    "Answer\n[-We do not treat then.-]",
        "FAQ “Will I look frozen?” — added": "Question\n{+Will I look frozen?+}\nOrder\n{+3+}\nAnswer\n{+No.+}",
    }
    assert kept.question not in "".join(shown)


def test_rich_text_reads_as_lines_with_headings_list_items_and_table_cells():
    assert readable_text(
        "<h2>Before you come</h2><p>Bring   a list of\nmedicines.</p><ol><li>Consultation</li><li>Treatment</li></ol>"
        + TABLE + '<figure class="image"><img src="/x.jpg" alt="Treatment room"><figcaption>Our room</figcaption>'
        "</figure>"
    ) == (
        "Before you come\nBring a list of medicines.\n1. Consultation\n2. Treatment\nArea | Price from\n"
        "Forehead lines | £200\nCrow’s feet | £180\nImage: Treatment room\nOur room"
    )


# Who may see it.

def test_an_author_cannot_open_compare_for_a_page_type_they_cannot_view():
    author, user = member_of("Author")
    # This clinic's Authors write articles only.
    user.groups.get().permissions.remove(*Permission.objects.filter(content_type__app_label="treatments"))
    treatment = TreatmentFactory(status=Status.DRAFT, body="<p>Launch plans.</p>")
    older = recorded(treatment)
    newer = recorded(treatment, body="<p>Launch plans: 30% off in May.</p>")

    response = author.get(compare_url(treatment, older, newer), follow=True)

    assert response.status_code == 403
    assert "30% off" not in response.content.decode()
    article = ArticleFactory(body=PARAGRAPH)
    first, second = recorded(article), recorded(article, body=PARAGRAPH.replace("relaxes", "softens"))
    assert author.get(compare_url(article, first, second)).status_code == 200  # their own page type still works


@pytest.mark.parametrize("forged", ["older", "newer", "both"])
@pytest.mark.parametrize("other", ["another article", "a treatment with the same id"])
def test_compare_never_shows_another_pages_version(editor_views, forged, other):
    article = ArticleFactory(title="Article A", body="<p>Our prices.</p>")
    own_older = recorded(article)
    own_newer = recorded(article, body="<p>Our prices for 2027.</p>")
    if other == "another article":
        page = ArticleFactory(title="Article B", status=Status.DRAFT, body="<p>Draft.</p>")
    else:
        page = TreatmentFactory(id=article.pk, status=Status.DRAFT, body="<p>Draft.</p>")
    foreign_older = recorded(page)
    foreign_newer = recorded(page, body="<p>Unannounced price rise to 499 pounds.</p>")
    older, newer = {
        "older": (foreign_older, own_newer),
        "newer": (own_older, foreign_newer),
        "both": (foreign_older, foreign_newer),
    }[forged]

    response = editor_views.get(compare_url(article, older, newer))

    assert response.status_code == 404
    assert "499 pounds" not in response.content.decode()


def test_gallery_pair_changes_are_shown_only_to_those_who_may_see_the_gallery(editor_views):
    author, _ = member_of("Author")
    treatment = TreatmentFactory()
    pair = make_pair(treatment, consent_reference="CF-101")
    older = recorded(treatment)
    pair.consent_reference = "CF-102"
    pair.save()
    newer = recorded(treatment)

    assert changes_shown(editor_views, treatment, older, newer) == {
        "Before-and-after pair “Two weeks later” — consent reference changed":
            "Consent reference\n[-CF-101-] → {+CF-102+}",
    }
    assert changes_shown(author, treatment, older, newer) == {}  # Authors have no rights on the gallery


def test_staff_who_may_not_edit_are_not_offered_the_revert(editor_views):
    reviewer, _ = member_of("Clinical reviewer")
    article = ArticleFactory(body=PARAGRAPH)
    older = recorded(article)
    newer = recorded(article, body=PARAGRAPH.replace("relaxes", "softens"))
    revert = reverse("admin:articles_article_revision", args=[article.pk, older.pk])

    assert changes_shown(reviewer, article, older, newer)["Body"].startswith("Botox [-relaxes-]{+softens+}")
    assert revert not in reviewer.get(compare_url(article, older, newer)).content.decode()
    assert revert in editor_views.get(compare_url(article, older, newer)).content.decode()


def test_history_page_offers_labelled_choices_of_versions_to_compare(editor_views):
    article = ArticleFactory()
    older = recorded(article)
    newer = recorded(article, title="Second title")

    page = editor_views.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()

    assert f'name="version_id1" value="{older.pk}" aria-label="Compare from the version of' in page
    assert f'name="version_id2" value="{newer.pk}" aria-label="Compare to the version of' in page
    assert f'action="{reverse("admin:articles_article_compare", args=[article.pk])}"' in page


def test_no_one_signed_out_sees_a_compare():
    article = ArticleFactory(body=PARAGRAPH)
    older, newer = recorded(article), recorded(article, body="<p>Changed.</p>")

    response = Client().get(compare_url(article, older, newer))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
