from django.urls import path

from . import views

# Mounted under admin/ before the admin's own URLs, so the sign-in page keeps its address.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="sign-in"),
    path("login/code/", views.SecondStepView.as_view(), name="sign-in-code"),
    path("two-factor/", views.TwoFactorView.as_view(), name="two-factor"),
]
