"""Who may do what, and which status a record moves to: the one permission matrix.

The GUI only asks (``allowed``); core enforces the same rules in every service call, so
a button hidden by mistake can never become a hole. Separation of duties: nobody
verifies a record they created or last edited.
"""

from __future__ import annotations

from enum import StrEnum

from desa_app.core import errors as E
from desa_app.core.messages import text, text_in


class Role(StrEnum):
    ADMIN = "admin"  # operator desa
    ENUMERATOR = "enumerator"  # Agen Statistik / Pokja
    VERIFIER = "verifier"  # Tim verifikasi
    PEMBINA = "pembina"  # BPS: reads everything, writes notes
    VIEWER = "viewer"  # Diskominfo


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"
    ENTERED = "entered"


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    RETURN = "return"
    VERIFY = "verify"
    MARK_ENTERED = "mark_entered"
    DELETE = "delete"
    RESTORE = "restore"
    ADD_NOTE = "add_note"
    RESOLVE_NOTE = "resolve_note"
    MANAGE_USERS = "manage_users"
    CHANGE_SETTINGS = "change_settings"
    BACKUP = "backup"
    RESTORE_BACKUP = "restore_backup"
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    MANAGE_VISITS = "manage_visits"
    MANAGE_AGENTS = "manage_agents"
    LOG_ACTIVITY = "log_activity"
    MANAGE_SOP = "manage_sop"
    SET_TARGETS = "set_targets"


_ROLE_KEYS = {
    Role.ADMIN: "workflow.role.admin", Role.ENUMERATOR: "workflow.role.enumerator",
    Role.VERIFIER: "workflow.role.verifier", Role.PEMBINA: "workflow.role.pembina",
    Role.VIEWER: "workflow.role.viewer",
}
_STATUS_KEYS = {
    Status.DRAFT: "workflow.status.draft", Status.SUBMITTED: "workflow.status.submitted",
    Status.RETURNED: "workflow.status.returned", Status.VERIFIED: "workflow.status.verified",
    Status.ENTERED: "workflow.status.entered",
}
_ACTION_KEYS = {action: f"workflow.action.{action.value}" for action in Action}


def role_label(role: Role | str) -> str:
    """The role's name in the language chosen now (for messages on screen)."""
    return text(_ROLE_KEYS[Role(role)])


def status_label(status: Status | str) -> str:
    return text(_STATUS_KEYS[Status(status)])


def action_label(action: Action) -> str:
    return text(_ACTION_KEYS[action])


# Indonesian whatever the screen language: documents (workbook, PDFs) and the CLI use these
ROLE_LABELS = {role: text_in("id", key) for role, key in _ROLE_KEYS.items()}
STATUS_LABELS = {status: text_in("id", key) for status, key in _STATUS_KEYS.items()}
ACTION_LABELS = {action: text_in("id", key) for action, key in _ACTION_KEYS.items()}

A = Action
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset({A.VIEW, A.CREATE, A.EDIT, A.SUBMIT, A.MARK_ENTERED, A.DELETE,
                           A.RESTORE, A.ADD_NOTE, A.RESOLVE_NOTE, A.MANAGE_USERS,
                           A.CHANGE_SETTINGS, A.BACKUP, A.RESTORE_BACKUP, A.EXPORT,
                           A.VIEW_AUDIT, A.MANAGE_VISITS, A.MANAGE_AGENTS, A.LOG_ACTIVITY,
                           A.MANAGE_SOP, A.SET_TARGETS}),
    # enumerators resolve the notes on their records once they have fixed them
    Role.ENUMERATOR: frozenset({A.VIEW, A.CREATE, A.EDIT, A.SUBMIT, A.ADD_NOTE,
                                A.RESOLVE_NOTE, A.BACKUP, A.LOG_ACTIVITY}),
    Role.VERIFIER: frozenset({A.VIEW, A.EDIT, A.RETURN, A.VERIFY, A.MARK_ENTERED,
                              A.ADD_NOTE, A.RESOLVE_NOTE, A.EXPORT, A.BACKUP,
                              A.LOG_ACTIVITY}),
    # BPS: reads everything, writes notes and its own visit log, changes nothing else
    Role.PEMBINA: frozenset({A.VIEW, A.ADD_NOTE, A.VIEW_AUDIT, A.MANAGE_VISITS}),
    Role.VIEWER: frozenset({A.VIEW, A.EXPORT}),
}
"""Role × action. Record-level actions are further limited by status (below)."""

EDITABLE_BY = {
    Status.DRAFT: {Role.ADMIN, Role.ENUMERATOR},
    Status.RETURNED: {Role.ADMIN, Role.ENUMERATOR},
    Status.SUBMITTED: {Role.VERIFIER},  # the Tim may correct while checking (then not verify)
    Status.VERIFIED: set(),
    Status.ENTERED: set(),
}

TRANSITIONS: dict[Action, tuple[frozenset[Status], Status]] = {
    A.SUBMIT: (frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED),
    A.RETURN: (frozenset({Status.SUBMITTED, Status.VERIFIED}), Status.RETURNED),
    A.VERIFY: (frozenset({Status.SUBMITTED}), Status.VERIFIED),
    A.MARK_ENTERED: (frozenset({Status.VERIFIED}), Status.ENTERED),
}


def allowed(role: Role | str, action: Action) -> bool:
    return action in PERMISSIONS[Role(role)]


def require(role: Role | str, action: Action) -> None:
    if not allowed(role, action):
        raise E.PermissionDenied(
            text("workflow.role_not_allowed", role=role_label(role), action=action_label(action))
        )


def can_edit(role: Role | str, status: Status | str) -> bool:
    return allowed(role, A.EDIT) and Role(role) in EDITABLE_BY[Status(status)]


def require_edit(role: Role | str, status: Status | str) -> None:
    require(role, A.EDIT)
    if not can_edit(role, status):
        raise E.WorkflowError(
            text("workflow.status_not_editable", status=status_label(status),
                 role=role_label(role))
        )


def next_status(action: Action, current: Status | str) -> Status:
    """The status after ``action``; WorkflowError if the record is not in a status for it."""
    sources, target = TRANSITIONS[action]
    if Status(current) not in sources:
        raise E.WorkflowError(
            text("workflow.wrong_status", action=action_label(action),
                 status=status_label(current))
        )
    return target


def require_independent_verifier(user_id: int, created_by: int, updated_by: int) -> None:
    if user_id in (created_by, updated_by):
        raise E.WorkflowError(text("workflow.separation_of_duties"))
