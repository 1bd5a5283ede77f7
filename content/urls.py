from django.urls import path

from content import feeds, views

urlpatterns = [
    path("pages/<slug:slug>/", views.page, name="page"),
    path("news/", views.article_list, name="article_list"),
    path("news/feed/", feeds.article_feed, name="article_feed"),
    path("news/<slug:slug>/", views.article, name="article"),
    path("preview/<slug:slug>/", views.preview, name="preview"),
]
