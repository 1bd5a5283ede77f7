from django.urls import path

from guide import views

urlpatterns = [
    path("", views.home, name="home"),
    path("plan/", views.plan, name="plan"),
    path("emergency/", views.emergency, name="emergency"),
    path("write-it-down/", views.write_it_down, name="write_it_down"),
    path("not-sure/", views.not_sure, name="not_sure"),
    path("my-reports/", views.my_reports, name="my_reports"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
