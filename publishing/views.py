from django.conf import settings
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from .rich_text import page_videos


class PublishableDetailView(DetailView):
    """A public page. Staff who may edit its model also see drafts and scheduled pages, and so does
    whoever holds a signed preview link (`shared_preview`); neither is ever cached or indexed. The admin's
    live preview (`live_preview_notes`, a list) shows a form's unsaved content the same way."""

    shared_preview = None
    live_preview_notes = None

    def get_queryset(self):
        queryset = super().get_queryset()
        opts = queryset.model._meta
        if self.shared_preview is not None:
            return queryset.filter(pk=self.shared_preview.pk)
        if self.request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return queryset
        return queryset.published()

    def get_context_data(self, **kwargs):
        self.videos = page_videos(self.object)
        return super().get_context_data(
            shared_preview=self.shared_preview is not None,
            live_preview=self.live_preview_notes is not None,
            live_preview_notes=self.live_preview_notes or [],
            breadcrumbs=self.object.breadcrumbs(),
            has_videos=bool(self.videos),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_published() or self.shared_preview is not None:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        elif self.object.noindex:
            response["X-Robots-Tag"] = "noindex"  # what staff chose for this page, for crawlers that skip the HTML
        if origins := sorted({video.player_origin for video in self.videos}):
            # Only a page that shows videos may frame a player, and only the players of its own videos.
            response._csp_config = {**settings.SECURE_CSP, "frame-src": origins}
        return response
