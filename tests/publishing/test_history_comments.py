"""A page's history says what each save changed, naming only what changed: the rich-text editor sends the HTML back
re-marked (list items get ids the sanitiser drops) and browsers send line breaks as CR LF, which made the history
name fields nobody touched."""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from tests.factories import FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The change form's fields as a browser sends them untouched (files aside)."""

    def __init__(self):
        super().__init__()
        self.fields, self.textarea, self.select, self.in_form = [], None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self.in_form = True
        name = attrs.get("name")
        if not self.in_form or not name and tag != "option":
            return
        if tag == "input" and attrs.get("type", "text") not in ("submit", "button", "file", "image"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "textarea":
            self.textarea = [name, ""]
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.fields.append([self.textarea[0], self.textarea[1].removeprefix("\n")])
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def as_the_editor_sends_it(value):
    """What CKEditor 5 and the browser send back for a stored value: list items carry ids, lines end in CR LF."""
    value = value.replace("<li>", '<li data-list-item-id="e0c1d2">').replace("\n", "\r\n")
    return f"\r\n\r\n{value}\r\n"


def save_form(client, page, **changes):
    """Open the page's change form, change `changes`, and save it as a browser would ("Publish changes" on a live
    page); return the history comment of the save."""
    opts = page._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[page.pk])
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(as_the_editor_sends_it(value) if "\n" in value or "<li>" in value else value)
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, {**data, "_publish": "Publish changes"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Version.objects.get_for_object(page).first().revision.get_comment()


def test_first_save_of_the_demo_content_names_only_the_field_that_changed(editor_client):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    botox = Treatment.objects.get(slug="botox")

    comment = save_form(editor_client, botox, summary=botox.summary + " Ask us about a review at two weeks.")

    assert comment == "Changed Summary."


def test_a_word_changed_in_the_body_is_named(editor_client):
    treatment = TreatmentFactory(body="<p>Results last three months.</p><ul><li>No downtime.</li></ul>")

    comment = save_form(editor_client, treatment, body="<p>Results last four months.</p><ul><li>No downtime.</li></ul>")

    assert comment == "Changed Body."


def test_an_faq_answer_sent_back_with_other_line_breaks_is_not_named(editor_client):
    treatment = TreatmentFactory()
    FAQFactory(treatment=treatment, question="Does it hurt?", answer="A brief scratch.\n\nIt passes in seconds.",
               order=1)
    faq = FAQFactory(treatment=treatment, question="How long does it last?", answer="Three months.", order=2)

    comment = save_form(editor_client, treatment, **{"faqs-1-answer": "About four months."})

    assert comment == f"Changed Answer for FAQ “{faq.question}”."


def test_spacing_alone_is_no_change(editor_client):
    treatment = TreatmentFactory(body="<p>Results last three months.</p>", summary="Anti-wrinkle injections.")

    comment = save_form(editor_client, treatment, body="<p>Results last\n three  months.</p>\n",
                        summary="Anti-wrinkle   injections.")

    assert comment == "No fields changed."
