from django.urls import path

from . import views

app_name = "enquiries"
urlpatterns = [
    path("", views.consultation, name="consultation"),
    path("thanks/", views.thanks, name="thanks"),
]
