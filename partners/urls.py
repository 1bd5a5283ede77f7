from django.urls import path

from partners import views

urlpatterns = [
    path("", views.partners, name="partners"),
    path("api/", views.api_documentation, name="api_documentation"),
    path("embed/<str:code>/", views.widget, name="widget"),
    path("posters/<str:code>/<str:size>.svg", views.poster, name="poster"),
]
