from django import template
from django.urls import reverse

from ..versies import GEREGISTREERD, content_type_van, geldende_versie

register = template.Library()


@register.inclusion_tag("herzieningen/includes/geldend.html", takes_context=True)
def geldend_sinds(context, obj):
    """Since when the version of `obj` that is shown (today's, or the one of ?peildatum) is in
    force, and by which herziening; nothing for what the herzieningen do not version (the
    register, search)."""
    if type(obj) not in GEREGISTREERD:
        return {"geregistreerd": False}
    content_type = content_type_van(obj)
    return {
        "geregistreerd": True,
        "versie": geldende_versie(obj, getattr(context.get("request"), "peildatum", None)),
        "geschiedenis": reverse(
            "herzieningen:geschiedenis",
            args=[content_type.app_label, content_type.model, obj.pk],
        ),
    }
