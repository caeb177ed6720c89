from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from audit.views import audit_log
from clinic.views import VisitView
from demo.views import yardstick
from publishing.page_links import page_link_chooser
from publishing.previews import preview
from publishing.uploads import editor_image_upload
from search.views import search
from seo.sitemaps import sitemap_index, sitemap_section
from treatments.views import PriceListView

from . import views

admin.site.site_header = f"{settings.CLINIC_NAME}: content"
admin.site.site_title = f"{settings.CLINIC_NAME} admin"
admin.site.index_title = "Write, schedule and publish"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("treatments/", include("treatments.urls")),
    path("blog/", include("articles.urls")),
    path("search/", search, name="search"),
    path("consultation/", include("enquiries.urls")),
    path("team/", include("clinic.urls")),
    path("visit/", VisitView.as_view(), name="visit"),
    path("prices/", PriceListView.as_view(), name="prices"),
    path("privacy/", views.privacy, name="privacy"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("preview/<str:token>/", preview, name="preview"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("admin/editor/upload/", editor_image_upload, name="editor-image-upload"),
    path("admin/editor/pages/", page_link_chooser, name="editor-page-links"),
    path("admin/", include("accounts.urls")),
    path("admin/audit/", admin.site.admin_view(audit_log), name="audit-log"),
    path("admin/", admin.site.urls),
    path("media/<path:path>", views.media),
]

if settings.CLINIC_BENCHMARK:
    urlpatterns.append(path("bench/yardstick/", yardstick))

handler500 = "clinic_site.views.server_error"
