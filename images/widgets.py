from django import forms
from django.urls import reverse


class ImageChooser(forms.Select):
    """A page's choice of library image: a thumbnail of the chosen one, "Choose from library" (a searchable grid of
    thumbnails, static/js/admin-image-chooser.js) and "Upload a new image" (the library's add form, in a popup).
    Without JavaScript it is a plain list of the images' titles."""

    template_name = "admin/images/image_chooser.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if image := getattr(value, "instance", None):
            option["attrs"].update({"data-thumb": image.thumbnail_url, "data-share-url": image.share_crop_url})
            if selected:
                self.chosen = image
        return option

    def get_context(self, name, value, attrs):
        self.chosen = None
        context = super().get_context(name, value, attrs)  # (builds the options, which find the chosen image)
        context["chosen"] = self.chosen
        context["chooser_url"] = reverse("admin:images_image_choose")
        context["add_url"] = reverse("admin:images_image_add") + "?_to_field=id&_popup=1"  # as Django's own link
        return context
