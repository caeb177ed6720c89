"""What the page form's surviving mutants showed untested."""

import pytest
from django.urls import reverse

from publishing.models import Status
from tests.treatments.test_admin import treatment_form
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

ELSEWHERE = "Another team must confirm the registration number before this page is published."


def test_a_publishing_problem_about_a_field_the_form_lacks_is_shown_at_the_top(editor_client, monkeypatch):
    monkeypatch.setattr(Treatment, "publishing_problems", lambda self, overrides=(): [("registration", ELSEWHERE)])
    response = editor_client.post(reverse("admin:treatments_treatment_add"), treatment_form(status=Status.PUBLISHED))
    assert response.status_code == 200 and not Treatment.objects.exists()
    form = response.context["adminform"].form
    assert form.non_field_errors() == [ELSEWHERE]
    assert ELSEWHERE in response.content.decode()
