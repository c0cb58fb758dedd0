"""The editorial roles and the moderation workflow: an editor (redacteur) writes and submits, a
publisher (publiceerder) approves and publishes. Wagtail's own first-install groups and workflow
("Editors", "Moderators", "Moderators approval") are taken over under Dutch names, so there is
one workflow, not two. The maps (kaarten: gebieden, locaties, maps and their layers) and the
herzieningen go through the same workflow; GIS-beheerders edit the maps like editors and may
also import geodata."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from herzieningen.models import Herziening
from kaarten.models import Gebied, Kaart, Kaartlaag, Locatie

REDACTEUREN = "Redacteuren"
PUBLICEERDERS = "Publiceerders"
WORKFLOW = "Redactie en publicatie"
APPROVAL_TASK = "Goedkeuring door een publiceerder"
GIS_BEHEERDERS = "GIS-beheerders"

PAGE_PERMISSIONS = {
    REDACTEUREN: ["add_page", "change_page", "lock_page"],
    PUBLICEERDERS: ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
}
# The map snippets, edited by every role and published by publishers alone.
KAART_PERMISSIONS = {
    REDACTEUREN: ["add", "change", "delete", "lock"],
    GIS_BEHEERDERS: ["add", "change", "delete", "lock"],
    PUBLICEERDERS: ["add", "change", "delete", "lock", "unlock", "publish"],
}
# Herzieningen record council decisions: editors prepare them, publishers publish, and only
# publishers may delete one.
HERZIENING_PERMISSIONS = {
    REDACTEUREN: ["add", "change", "lock"],
    PUBLICEERDERS: ["add", "change", "delete", "lock", "unlock", "publish"],
}
SNIPPET_PERMISSIONS = {
    Locatie: KAART_PERMISSIONS,
    Gebied: KAART_PERMISSIONS,
    Kaart: KAART_PERMISSIONS,
    Kaartlaag: KAART_PERMISSIONS,
    Herziening: HERZIENING_PERMISSIONS,
}
IMPORT_PERMISSION = "import_geodata"
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _named(model, name: str, former_name: str, **defaults):
    obj = model.objects.filter(name=name).first()
    if obj is None:
        obj = model.objects.filter(name=former_name).first()
        if obj is not None:
            obj.name = name
            obj.save()
    if obj is None:
        obj = model.objects.create(name=name, **defaults)
    return obj


def ensure_editorial_roles() -> Workflow:
    """Create (or bring back in line) the two groups and the workflow on the whole tree."""
    root = Page.get_first_root_node()
    groups = {
        REDACTEUREN: _named(Group, REDACTEUREN, "Editors"),
        PUBLICEERDERS: _named(Group, PUBLICEERDERS, "Moderators"),
    }
    gis = _named(Group, GIS_BEHEERDERS, GIS_BEHEERDERS)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_collection = Collection.get_first_root_node()
    for name, group in [*groups.items(), (GIS_BEHEERDERS, gis)]:
        group.permissions.add(access_admin)
        for model, permissions in SNIPPET_PERMISSIONS.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type=ContentType.objects.get_for_model(model),
                    codename__in=[
                        f"{action}_{model._meta.model_name}" for action in permissions.get(name, [])
                    ],
                )
            )
        if name not in PAGE_PERMISSIONS:
            continue
        for codename in PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        for app_label, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    workflow = _named(Workflow, WORKFLOW, "Moderators approval", active=True)
    task = GroupApprovalTask.objects.filter(name__in=[APPROVAL_TASK, "Moderators approval"]).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    elif task.name != APPROVAL_TASK:
        task.name = APPROVAL_TASK
        task.save()
    task.groups.set([groups[PUBLICEERDERS]])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in SNIPPET_PERMISSIONS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    gis.permissions.add(
        Permission.objects.get(content_type__app_label="kaarten", codename=IMPORT_PERMISSION)
    )
    return workflow
