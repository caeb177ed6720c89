"""The image library in the admin: a list of thumbnails, searchable, filtered by use; each image's page with its
description, focal point (click the picture) and where it is used; the chooser page forms open."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db.models import BooleanField, ExpressionWrapper
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.views.decorators.cache import never_cache

from .models import Image, image_users
from .pipeline import rendition_name, rendition_widths

CHOOSER_RESULTS = 60
MAX_QUERY_LENGTH = 100


class UsedFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("used", "Used on a page"), ("unused", "Not used")]

    def queryset(self, request, queryset):
        return {"used": queryset.used, "unused": queryset.unused}.get(self.value(), queryset.all)()


def may_choose(user):
    """Staff who may change what chooses library images (the people who write pages)."""
    return user.is_active and user.is_staff and any(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}") for model in image_users()
    )


def file_thumbnail(file, width=None, css_class="image-thumb"):
    """A thumbnail of an image field's file (a gallery photo, a clinician's portrait): its smallest rendition, made
    at upload (one the stored size does not say is looked for by name: no image is processed to show the admin)."""
    if not file:
        return "-"
    smallest = rendition_name(file.name, rendition_widths(width)[0] if width else settings.CLINIC_IMAGE_WIDTHS[0],
                              "webp")
    url = file.storage.url(smallest) if width or file.storage.exists(smallest) else file.url
    return format_html('<img class="{}" src="{}" alt="" width="160" height="120" loading="lazy">', css_class, url)


def thumbnail(image, css_class="image-thumb"):
    if not image or not image.file:
        return "-"
    return format_html('<img class="{}" src="{}" alt="" width="160" height="120" loading="lazy">', css_class,
                       image.thumbnail_url)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["preview", "title", "description", "size", "is_used", "uploaded_at"]
    list_display_links = ["preview", "title"]
    list_filter = [UsedFilter, "decorative"]
    search_fields = ["title", "alt_text"]
    list_per_page = 40
    readonly_fields = ["focal_point_picker", "used_on", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["file", "title", "alt_text", "decorative"]}),
        ("Focal point", {
            "fields": ["focal_point_picker", ("focal_x", "focal_y")],
            "description": "The part of the picture that must stay in view when it is cropped: on cards, in the "
            "hero at the top of a page and in the share image.",
        }),
        ("Used on", {"fields": ["used_on"]}),
        ("Uploaded", {"fields": ["uploaded_by", "uploaded_at"]}),
    ]

    class Media:
        js = ["js/admin-focal-point.js"]
        css = {"all": ["css/admin-image-library.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            in_use=ExpressionWrapper(Image.objects.none().use_condition(), output_field=BooleanField())
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":  # its label is the fieldset's legend, which names no control for screen readers
            kwargs["widget"] = AdminFileWidget(attrs={"aria-label": "Image file", "accept": "image/*"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # uploading: the focal point is set once the picture is there
            return [(None, {"fields": ["file", "title", "alt_text", "decorative"]})]
        return super().get_fieldsets(request, obj)

    @admin.display(description="image")
    def preview(self, image):
        return thumbnail(image, "image-thumb image-thumb--small")

    @admin.display(description="alt text", ordering="alt_text")
    def description(self, image):
        return image.alt_text or ("Decorative" if image.decorative else "No description yet")

    @admin.display(description="size")
    def size(self, image):
        return f"{image.width} × {image.height}"

    @admin.display(description="used", boolean=True, ordering="in_use")
    def is_used(self, image):
        return image.in_use

    @admin.display(description="focal point")
    def focal_point_picker(self, image):
        if not image.file:
            return "-"
        return render_to_string("admin/images/focal_point.html", {"image": image})

    @admin.display(description="pages")
    def used_on(self, image):
        usage = image.usage()
        if not usage:
            return "Not used on any page yet."
        return format_html('<ul class="image-library-usage">{}</ul>', format_html_join(
            "", '<li><a href="{}">{}</a> ({}: {}, {})</li>',
            ((page.get_admin_url(), page.title, page.kind, uses, page.state()) for page, uses in usage),
        ))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        """Pages showing an image in their text protect it as their hero or share image does: their rows do not
        point at it, so the database would let it go and leave the pages with a missing picture."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            for page, uses in image.unprotected_usage():
                protected.append(format_html('{}: <a href="{}">{}</a> ({})', page.kind, page.get_admin_url(),
                                             page.title, uses))
        return deleted, counts, perms_needed, protected

    def get_urls(self):
        return [
            path("choose/", self.admin_site.admin_view(never_cache(self.chooser)), name="images_image_choose"),
            *super().get_urls(),
        ]

    def chooser(self, request):
        """Library images for the page forms' chooser, newest first, as JSON: those whose title or description holds
        every word of `?q=`, or the one `?id=` names. For staff who write pages only."""
        if not (may_choose(request.user) and request.user.has_perm("images.view_image")):
            return JsonResponse({"error": {"message": "Only staff who edit content can choose images."}}, status=403)
        images = Image.objects.all()
        if request.GET.get("id", "").isdigit():
            images = images.filter(pk=request.GET["id"])
        images = images.search(request.GET.get("q", "")[:MAX_QUERY_LENGTH])[:CHOOSER_RESULTS]
        return JsonResponse({"images": [
            {"id": image.pk, "title": str(image), "alt": image.alt_text, "decorative": image.decorative,
             "thumb": image.thumbnail_url, "share": image.share_crop_url, "url": image.file.url,
             "width": image.width, "height": image.height}
            for image in images
        ]})
