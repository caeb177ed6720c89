"""Staff are told what the sanitiser removed from what they saved, rather than finding it gone later."""

from django.contrib import messages

from ..sanitize import removed_when_sanitised


class SanitiserNoticeMixin:
    """For PublishableAdmin: compares each rich-text field as submitted with what the public may see (what the
    save stores) and, when something went, says what, field by field."""

    def save_model(self, request, obj, form, change):
        removed = {
            field: removed_when_sanitised(form.cleaned_data.get(field))
            for field in obj.rich_text_fields if field in form.cleaned_data
        }
        super().save_model(request, obj, form, change)
        if parts := [f"from {obj._meta.get_field(field).verbose_name}: {'; '.join(what)}"
                     for field, what in removed.items() if what]:
            # Not message_user(): a live page's draft save says its own words, and this must be said too.
            messages.warning(request, f"Patients' pages cannot show everything that was in “{obj}”, so this was "
                                      f"removed when it was saved — {' · '.join(parts)}. Check the page reads well "
                                      "without it.")
