from django.urls import path

from api import downloads, views

urlpatterns = [
    path("plan", views.plan, name="api_plan"),
    path("countries", views.countries, name="api_countries"),
    path("countries/<str:code>", views.country, name="api_country"),
    path("channels", views.channels, name="api_channels"),
    path("openapi.json", views.openapi, name="api_openapi"),
    path("directory.json", downloads.directory_json, name="download_json"),
    path("channels.csv", downloads.channels_csv, name="download_channels_csv"),
    path("emergency-numbers.csv", downloads.numbers_csv, name="download_numbers_csv"),
    path("<path:rest>", views.not_found, name="api_not_found"),
]
