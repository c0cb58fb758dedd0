"""Editors submit, publishers approve: the groups and the moderation workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowState

from visie.roles import PUBLICEERDERS, REDACTEUREN, WORKFLOW, ensure_editorial_roles

pytestmark = pytest.mark.django_db


def member_of(group_name: str, username: str):
    user = get_user_model().objects.create_user(username, f"{username}@assen.nl", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_roles_exist_once_and_setting_them_up_again_changes_nothing(kleine_visie):
    ensure_editorial_roles()
    ensure_editorial_roles()
    names = set(Group.objects.values_list("name", flat=True))
    assert {REDACTEUREN, PUBLICEERDERS} <= names
    assert not {"Editors", "Moderators"} & names  # taken over, not duplicated
    assert Workflow.objects.filter(active=True).count() == 1
    root = Page.get_first_root_node()
    assert root.get_workflow().name == WORKFLOW
    assert kleine_visie.themas[0].get_workflow().name == WORKFLOW


def test_an_editor_cannot_publish_but_a_publisher_approves(rollen, kleine_visie):
    editor = member_of(REDACTEUREN, "redacteur")
    publisher = member_of(PUBLICEERDERS, "publiceerder")
    page = kleine_visie.themas[0]
    live_title = page.title
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(publisher).can_publish()

    page.title = "Onderwijs (concept)"
    revision = page.save_revision(user=editor)
    state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.title == live_title  # the draft is not live yet

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(page, publisher)
    assert not task_state.task.specific.get_actions(page, editor)
    task_state.task.specific.on_action(task_state, publisher, "approve")

    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live_revision == revision
    assert page.title == "Onderwijs (concept)"
