from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kaarten import views as kaarten_views
from visie import views as visie_views

urlpatterns = [
    path("cms/tweestaps/", include("assen.tweestaps")),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("zoeken/", visie_views.zoeken, name="zoeken"),
    path("leesversie/", visie_views.leesversie, name="leesversie"),
    path("kaarten/", include("kaarten.urls")),
    path("herzieningen/", include("herzieningen.urls")),
    path("hier/", kaarten_views.hier, name="hier"),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="toegankelijkheid.html"),
        name="toegankelijkheid",
    ),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
