from django.urls import path

from . import views

app_name = "herzieningen"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.herziening, name="herziening"),
]
