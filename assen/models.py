from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


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


class Redactioneel(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """Editorial content that is not a page (the maps, the herzieningen) goes through the same
    editing as pages: drafts, revisions, locking, scheduled publishing and the moderation
    workflow. The row holds the published state; a draft lives in its revision until it is
    published, so public views read rows that are `live` and never see a draft."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions
