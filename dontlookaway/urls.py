from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from guide import views as guide_views

urlpatterns = [
    path("", guide_views.choose_language, name="root"),
    path("sw.js", guide_views.service_worker, name="service_worker"),
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("guide.urls")),
    path("countries/", include("directory.urls")),
    path("partners/", include("partners.urls")),
)
