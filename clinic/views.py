from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView

from clinicians.models import Clinician
from publishing.models import page_types

from .models import ClinicDetails

HOME = ("Home", reverse_lazy("home"))
TEAM = ("Our team", reverse_lazy("team:list"))


class VisitView(TemplateView):
    template_name = "clinic/visit.html"
    extra_context = {"breadcrumbs": [HOME, ("Visit us", reverse_lazy("visit"))]}

    def get_context_data(self, **kwargs):
        return super().get_context_data(details=SimpleLazyObject(ClinicDetails.load), **kwargs)


class TeamView(ListView):
    template_name = "clinic/team.html"
    queryset = Clinician.objects.filter(listed=True)
    extra_context = {"breadcrumbs": [HOME, TEAM]}


class ClinicianView(DetailView):
    """One clinician's profile: who they are, how to check their registration, and their work on this site."""

    template_name = "clinic/clinician.html"
    model = Clinician
    context_object_name = "clinician"

    def get_object(self, queryset=None):
        return get_object_or_404(Clinician, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        clinician = self.object
        return super().get_context_data(
            breadcrumbs=[HOME, TEAM, (clinician.name, clinician.get_absolute_url())],
            treatments=SimpleLazyObject(lambda: list(clinician.treatments.published())),
            articles=SimpleLazyObject(lambda: list(clinician.articles.published().defer("body"))),
            reviewed=SimpleLazyObject(lambda: reviewed_by(clinician)),
            **kwargs,
        )


def reviewed_by(clinician):
    """The public pages whose current content this clinician medically reviewed, latest review first."""
    pages = []
    for model in page_types():
        pages += [page for page in model.objects.published().filter(reviewed_by=clinician) if page.review_is_current()]
    return sorted(pages, key=lambda page: page.last_reviewed, reverse=True)
