from django.urls import path

from api import views

urlpatterns = [
    path("plan", views.plan, name="api_plan"),
]
