from django.urls import path

from directory import views

urlpatterns = [
    path("", views.country_list, name="country_list"),
    path("<str:code>/", views.country_detail, name="country_detail"),
]
