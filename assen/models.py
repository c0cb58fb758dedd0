from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class GeladenInhoud(models.Model):
    """What a content loader created, once, under the stable key of its fixture entry (not a
    slug or title, which editors change). The loaders read it to leave alone what editors
    renamed, moved or deleted (assen/laden.py)."""

    sleutel = models.CharField(max_length=255, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    object = GenericForeignKey("content_type", "object_id")
    geladen_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "geladen inhoud"
        verbose_name_plural = "geladen inhoud"

    def __str__(self) -> str:
        return self.sleutel
