"""Publishing a versioned object records its version: the herziening (or correction) the edit
was made within, the revision, and the day it takes effect. A herziening in force later is
published by Wagtail on that day; its version is recorded when the publisher approves it, so
the vision on a later ?peildatum and the announcements already show it."""

import datetime

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Revision
from wagtail.signals import page_published

from assen import generation

from .models import Herziening, Versie
from .versies import GEREGISTREERD, content_type_van


def vastleggen(obj, revision: Revision, geldig_vanaf: datetime.date) -> Versie | None:
    """Record `revision` of `obj` as the version in force from `geldig_vanaf`, closing the one
    before it; nothing for an object the herzieningen do not version or an edit made outside
    the CMS form (the loaders record their own versions)."""
    herziening = getattr(obj, "wijziging_binnen", None)
    if type(obj) not in GEREGISTREERD or herziening is None:
        return None
    if Versie.objects.filter(revision=revision).exists():
        return None  # recorded when it was scheduled; Wagtail now publishes it on its day
    versies = Versie.objects.filter(content_type=content_type_van(obj), object_id=obj.pk)
    with transaction.atomic():
        _vervallen_planning(versies)
        huidige = versies.filter(geldig_tot__isnull=True).order_by("-geldig_vanaf").first()
        if huidige and huidige.geldig_vanaf >= geldig_vanaf:
            # A second edit on the day its version took effect belongs to that version.
            huidige.revision = revision
            huidige.save(update_fields=["revision"])
            return huidige
        if huidige:
            huidige.geldig_tot = geldig_vanaf
            huidige.save(update_fields=["geldig_tot"])
        versie = Versie.objects.create(
            herziening=herziening,
            content_type=content_type_van(obj),
            object_id=obj.pk,
            revision=revision,
            wijziging=Versie.Wijziging.GEWIJZIGD if huidige else Versie.Wijziging.TOEGEVOEGD,
            geldig_vanaf=geldig_vanaf,
        )
    generation.bump()
    return versie


def _vervallen_planning(versies) -> None:
    """Wagtail schedules one revision an object at a time: a version still to take effect
    gives way to the one recorded now, and the version before it holds again."""
    vandaag = timezone.localdate()
    for gepland in versies.filter(geldig_vanaf__gt=vandaag):
        versies.filter(geldig_tot=gepland.geldig_vanaf).update(geldig_tot=None)
        gepland.delete()


def ingangsdatum(herziening: Herziening) -> datetime.date:
    """A correction holds from the day it is published, a herziening from its own date."""
    if herziening.soort == Herziening.Soort.CORRECTIE or herziening.geldig_vanaf is None:
        return timezone.localdate()
    return herziening.geldig_vanaf


def _gepubliceerd(sender, instance, revision, **kwargs):
    herziening = getattr(instance, "wijziging_binnen", None)
    if herziening is not None:
        vastleggen(instance, revision, ingangsdatum(herziening))


def _gepland(sender, instance: Revision, update_fields=None, **kwargs):
    """A revision approved for a later day (or taken off the schedule again)."""
    if not update_fields or "approved_go_live_at" not in update_fields:
        return
    if instance.approved_go_live_at is not None:
        datum = timezone.localdate(instance.approved_go_live_at)
        vastleggen(instance.as_object(), instance, datum)
        return
    gepland = Versie.objects.filter(revision=instance, geldig_vanaf__gt=timezone.localdate())
    if gepland := gepland.first():
        _vervallen_planning(
            Versie.objects.filter(content_type=gepland.content_type, object_id=gepland.object_id)
        )
        generation.bump()


def verbinden() -> None:
    page_published.connect(_gepubliceerd, dispatch_uid="herzieningen.gepubliceerd")
    post_save.connect(_gepland, sender=Revision, dispatch_uid="herzieningen.gepland")
