"""The content loaders' memory (`make run` loads the fixtures on every start): each fixture
entry is created once under its stable key, and never again, so what an editor deleted stays
deleted and what an editor renamed is not duplicated. Only a database's first load publishes;
anything a later load creates or overwrites waits as a draft for the workflow."""

from django.contrib.contenttypes.models import ContentType

from .models import GeladenInhoud


class Geheugen:
    """What one loader (its keys start with `soort/`) has loaded before, read once."""

    def __init__(self, soort: str):
        self.soort = soort
        self.records = {
            record.sleutel: record
            for record in GeladenInhoud.objects.filter(sleutel__startswith=f"{soort}/")
        }
        # A database this loader never filled: its objects go live at once, as adopted text.
        self.eerste_keer = not self.records
        self.verwijderd: list[str] = []

    def sleutel(self, key: str) -> str:
        return f"{self.soort}/{key}"

    def bekend(self, key: str, model, vroeger=None):
        """(known, object): known is True once the entry was loaded (object None if an editor
        deleted it since); `vroeger`, a queryset, finds an object that a load made before this
        memory existed, which is then adopted."""
        record = self.records.get(self.sleutel(key))
        if record is not None:
            found = model._default_manager.filter(pk=record.object_id).first()
            if found is None:
                self.verwijderd.append(key)
            return True, found
        found = vroeger.first() if vroeger is not None else None
        if found is not None:
            self.onthoud(key, found)
            return True, found
        return False, None

    def onthoud(self, key: str, obj) -> None:
        self.records[self.sleutel(key)] = GeladenInhoud.objects.create(
            sleutel=self.sleutel(key),
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=obj.pk,
        )


def bewaar(obj, live: bool) -> None:
    """Store a new snippet with drafts (Wagtail's DraftStateMixin): live on a first load, else
    as a draft in its first revision, which the workflow publishes."""
    if live:
        obj.save()
        return
    obj.live = False
    obj.has_unpublished_changes = True
    obj.save()
    obj.save_revision()
