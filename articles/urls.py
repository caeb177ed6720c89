from django.urls import path

from . import views
from .feeds import LatestArticlesFeed

app_name = "articles"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("category/<slug:slug>/", views.ArticleListView.as_view(), name="category"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
