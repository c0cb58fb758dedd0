from django.urls import path

from . import views

app_name = "herzieningen"
urlpatterns = [
    path("", views.index, name="index"),
    path(
        "geschiedenis/<slug:app_label>.<slug:model>/<int:object_id>/",
        views.geschiedenis,
        name="geschiedenis",
    ),
    path("verschil/", views.verschil_visie, name="verschil_visie"),
    path(
        "verschil/<slug:app_label>.<slug:model>/<int:object_id>/",
        views.verschil,
        name="verschil",
    ),
    path("<slug:slug>/", views.herziening, name="herziening"),
]
