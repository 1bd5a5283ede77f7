from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from content.sitemaps import SITEMAPS
from guide import data_views
from guide import views as guide_views
from lib.page_cache import public_page

urlpatterns = [
    path("", guide_views.choose_language, name="root"),
    path("sw.js", guide_views.service_worker, name="service_worker"),
    path("robots.txt", guide_views.robots, name="robots"),
    path("sitemap.xml", public_page(sitemap_views.index), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, reads=("p",)),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("guide.urls")),
    path("countries/", include("directory.urls")),
    path("corrections/", include("corrections.urls")),
    path("about-our-data/", data_views.about_data, name="about_data"),
    path("about-our-data/map.svg", data_views.coverage_map_svg, name="coverage_map"),
    path("partners/", include("partners.urls")),
    path("", include("content.urls")),
)

handler500 = "guide.views.server_error"
