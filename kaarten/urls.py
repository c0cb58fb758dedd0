from django.urls import path

from . import views

app_name = "kaarten"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("gebieden/geojson/", views.gebieden_geojson, name="gebieden_geojson"),
    path("gebied/<slug:slug>/", views.gebied, name="gebied"),
    path("gebied/<slug:slug>/geojson/", views.gebied_geojson, name="gebied_geojson"),
    path("pagina/<int:page_id>/geojson/", views.pagina_geojson, name="pagina_geojson"),
    path("<slug:slug>/", views.kaart, name="kaart"),
    path("<slug:slug>/geojson/", views.kaart_geojson, name="geojson"),
]
