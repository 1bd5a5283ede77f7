from django.urls import path

from corrections import views

urlpatterns = [
    path("", views.send, name="send_correction"),
]
