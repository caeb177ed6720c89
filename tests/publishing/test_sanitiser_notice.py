"""What the sanitiser removes is said, not done silently: a save that lost anything staff could notice tells them
what, field by field."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from publishing.models import PageDraft
from publishing.sanitize import removed_when_sanitised
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory
from tests.publishing.test_working_drafts import change_url, draft_form
from tests.treatments.test_admin import treatment_form

# What Word leaves in pasted text, when something lets it through to the form.
FROM_WORD = (
    '<p class="MsoNormal" style="text-align:center"><span style="color:red;font-family:Calibri">Red, centred</span>'
    ' <mark class="marker-yellow">highlighted</mark> <u>underlined</u></p>'
)


@pytest.mark.parametrize(("html", "removed"), [
    (FROM_WORD, ["alignment (centring)", "text colours", "fonts and text sizes", "highlighting", "underlining"]),
    ('<p><a href="javascript:alert(1)">Book <b>now</b></a></p>',
     ["the address of the link “Book now” (javascript:alert(1); links can go to web pages, email addresses, "
      "phone numbers and this site's pages), its words are kept"]),
    ("<p>Hi</p><script>alert(1)</script><p onclick='x'>there</p>", ["a script", "scripts attached to the text"]),
    ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
     ["a video pasted as embed code: paste the video's address (from its Share button) instead"]),
    ('<iframe src="https://evil.example/x"><p>inside</p></iframe>', ["an embedded frame from evil.example"]),
    ('<figure class="media"><oembed url="https://www.dailymotion.com/video/x1"></oembed></figure>',
     ["a video from www.dailymotion.com (only YouTube and Vimeo videos can be shown)"]),
    ('<p><img src="file:///C:/Users/me/photo.jpg" alt="A photo"></p>',
     ["pictures that were not uploaded (pasted from another document): add them with “Upload image”"]),
    ("<h1>Title again</h1><hr>", ["Heading 1 (the page title is the page's only one: use Heading 2), its words are "
                                  "kept", "horizontal lines"]),
])
def test_what_is_removed_is_named_in_staff_words(html, removed):
    assert removed_when_sanitised(html) == removed


@pytest.mark.parametrize("html", [
    "",
    "<h2>Aftercare</h2><p>Plain <strong>bold</strong> and <i>italic</i>, <a href='/visit/'>a page</a>, "
    "<a href='mailto:a@clinic.example'>mail</a>.</p><ul><li data-list-item-id='e1'>item</li></ul>",
    # What CKEditor 5 itself writes for an image, a table, a video and a chosen link.
    '<figure class="image"><img style="aspect-ratio:640/480;" src="/media/editor/a.png" alt="A" width="640" '
    'height="480"><figcaption>Caption</figcaption></figure><figure class="table"><table><tbody><tr><td>1</td></tr>'
    '</tbody></table></figure><figure class="media"><oembed url="https://youtu.be/dQw4w9WgXcQ"></oembed></figure>'
    '<p><a href="/treatments/botox/" data-page="treatments.treatment:1">Botox</a></p><ol start="3" reversed><li>3</li>'
    "</ol>",
])
def test_nothing_is_reported_when_nothing_noticeable_goes(html):
    assert removed_when_sanitised(html) == []


def messages_after(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_saving_a_page_says_what_was_removed_from_which_field(editor_client):
    response = editor_client.post(reverse("admin:treatments_treatment_add"), treatment_form(
        body=FROM_WORD, risks='<p>Bruising. <a href="javascript:alert(1)">More</a></p>',
    ))
    assert response.status_code == 302
    [notice] = [message for message in messages_after(response) if "removed" in message]
    assert notice.startswith("Patients' pages cannot show everything that was in “Botox”, so this was removed when it "
                             "was saved — from body: alignment (centring); text colours;")
    assert "· from side effects and risks: the address of the link “More” (javascript:alert(1);" in notice


@pytest.mark.django_db
def test_a_clean_save_says_nothing_more(editor_client):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(body="<p>Plain words.</p>"))
    assert response.status_code == 302
    assert not [message for message in messages_after(response) if "removed" in message]


@pytest.mark.django_db
def test_a_live_pages_draft_save_says_it_too(editor_client):
    article = ArticleFactory(slug="aftercare")
    response = editor_client.post(change_url(article), draft_form(article, body=FROM_WORD))
    assert response.status_code == 302 and PageDraft.objects.exists()
    said = messages_after(response)
    assert any("so this was removed when it was saved — from body: alignment (centring)" in m for m in said)
    assert any("Patients still see the live page" in m for m in said)
