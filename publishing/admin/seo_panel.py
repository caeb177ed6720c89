"""The "Search engines and sharing" panel: how the page looks in search results and when shared, from the values
the page itself uses (seo_title → title, meta_description → summary, share image → hero image → the clinic's card),
with length counters and plain advice kept up to date as staff type (static/js/admin-seo-panel.js)."""

from django import forms
from django.template import engines
from django.template.loader import render_to_string
from django.utils.functional import lazy
from django.utils.safestring import SafeString

SEO_FIELDSET_NAME = "Search engines and sharing"
# About what search engines show before cutting text off (they measure in pixels; characters are a fair guide).
TITLE_CHARS = 60
DESCRIPTION_CHARS = 155
DESCRIPTION_MIN_CHARS = 70
SLUG_MARK = "slug-placeholder"
CLINIC_NAME = "{% autoescape off %}{{ clinic.name }}{% endautoescape %}"


def search_title(page, clinic_name):
    """The page's <title>, as templates/base.html and the page templates write it."""
    return f"{page.meta_title} | {clinic_name}"


def advice(page, clinic_name):
    """Keys of the advice that applies (each is a sentence in templates/admin/publishing/seo_panel.html)."""
    keys = []
    if not page.meta_title.strip():
        keys.append("title-missing")
    elif len(page.meta_title) > TITLE_CHARS:
        keys.append("title-long")
    elif len(search_title(page, clinic_name)) > TITLE_CHARS:
        keys.append("title-suffix-cut")
    else:
        keys.append("title-ok")
    description = page.description.strip()
    if not description:
        keys.append("description-missing")
    elif len(description) > DESCRIPTION_CHARS:
        keys.append("description-long")
    elif len(description) < DESCRIPTION_MIN_CHARS:
        keys.append("description-short")
    else:
        keys.append("description-ok")
    if description and not page.meta_description.strip():
        keys.append("description-from-summary")
    keys.append("image-share" if page.share_image_id else "image-hero" if page.hero_image_id else "image-default")
    if page.noindex:
        keys.append("noindex")
    return keys


def render_panel(request, model, page):
    page = page if page is not None else model()
    before, _after = model.path_for_slug(SLUG_MARK).split(SLUG_MARK)
    context = {
        "page": page,
        "path_before": before,
        "path_parts": [part for part in before.split("/") if part],  # shown as search engines do: site › blog › slug
        "title_chars": TITLE_CHARS,
        "description_chars": DESCRIPTION_CHARS,
        "description_min_chars": DESCRIPTION_MIN_CHARS,
    }
    # The clinic's name as public pages show it (from the site's context processor: publishing imports no clinic app).
    clinic_name = engines["django"].from_string(CLINIC_NAME).render(request=request)
    context.update(
        search_title=search_title(page, clinic_name),
        advice=advice(page, clinic_name),
        description=page.description,
    )
    return render_to_string("admin/publishing/seo_panel.html", context, request=request)


class SeoPanelMixin:
    """For PublishableAdmin: the panel heads the "Search engines and sharing" fieldset (as its description)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "meta_description":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 80})  # all of it in view while it is written
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            if name == SEO_FIELDSET_NAME:
                # Rendered only if the form is shown (fieldsets are asked for several times per request).
                panel = lazy(render_panel, SafeString)(request, self.model, obj)
                options = {**options, "description": panel}
            fieldsets.append((name, options))
        return fieldsets
