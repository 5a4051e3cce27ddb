"""Users: the first admin, adding and deactivating accounts, passwords, logging in.

Every change is an audit event; a password never appears in one (nor anywhere else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desa_app.core import auth
from desa_app.core import errors as E
from desa_app.core.clock import Clock, utcnow
from desa_app.core.messages import text
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.models import User
from desa_app.core.workflow import ROLE_LABELS, Action, Role, require

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


@cache
def _dummy_hash() -> str:
    """Checked against when the user does not exist, so both cases take as long."""
    return auth.hash_password("tidak-ada-pengguna-ini")


@dataclass(frozen=True)
class Actor:
    """Who is doing something (from a successful login)."""

    id: int
    username: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    last_login_at: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, Role(user.role), user.active,
                    user.last_login_at)


def current_user(session: Session, actor: Actor) -> User:
    """The actor's row, re-read inside the transaction: a deactivated account stops here."""
    user = session.get(User, actor.id)
    if user is None or not user.active:
        raise E.PermissionDenied(text("store.account_inactive_now"))
    return user


def check_new_user(username: str, display_name: str, role: str, password: str) -> None:
    if not USERNAME_RE.match(username):
        raise E.InvalidInput(
            text("store.username_format")
        )
    if not display_name.strip():
        raise E.InvalidInput(text("store.full_name_required"))
    if role not in {r.value for r in Role}:
        roles = ", ".join(r.value for r in Role)
        raise E.InvalidInput(text("store.role_unknown_choose", role=role, roles=roles))
    problem = auth.password_problem(password)
    if problem:
        raise E.InvalidInput(problem)


def insert_user(session: Session, *, username: str, display_name: str, role: str,
                password: str, at: datetime, by: int | None) -> User:
    username = username.strip().lower()
    check_new_user(username, display_name, role, password)
    if session.execute(select(User.id).where(User.username == username)).first():
        raise E.InvalidInput(text("store.username_taken", username=username))
    user = User(username=username, display_name=display_name.strip(), role=role,
                password_hash=auth.hash_password(password), active=True, failed_logins=0,
                created_at=at)
    session.add(user)
    session.flush()
    record_event(session, at=at, user_id=by, action="user.add", entity="user",
                 entity_id=str(user.id), detail={"username": username, "role": role})
    return user


class Users:
    def __init__(self, db: Database, clock: Clock = utcnow) -> None:
        self.db = db
        self.now = clock

    def authenticate(self, username: str, password: str) -> Actor:
        """Log in; wrong passwords in a row make the next attempt wait longer."""
        if self.db.read_only:
            return self._authenticate_read_only(username, password)
        now = self.now()
        with self.db.write() as session:
            user = session.execute(
                select(User).where(User.username == username.strip().lower())
            ).scalar_one_or_none()
            if user is None:
                auth.verify_password(password, _dummy_hash())  # same time as a real check
                raise E.AuthError(text("store.login_wrong"))
            if user.locked_until is not None and user.locked_until > now:
                wait = int((user.locked_until - now).total_seconds()) + 1
                raise E.AuthError(
                    text("store.login_too_many", wait=wait)
                )
            if not auth.verify_password(password, user.password_hash):
                user.failed_logins += 1
                user.locked_until = auth.lockout_after(user.failed_logins, now)
                record_event(session, at=now, user_id=user.id, action="login.failed",
                             entity="user", entity_id=str(user.id),
                             detail={"attempt": user.failed_logins})
                failed = E.AuthError(text("store.login_wrong"))
            elif not user.active:
                failed = E.AuthError(text("store.account_disabled"))
            else:
                user.failed_logins = 0
                user.locked_until = None
                user.last_login_at = now
                record_event(session, at=now, user_id=user.id, action="login", entity="user",
                             entity_id=str(user.id))
                return Actor(user.id, user.username, user.display_name, Role(user.role))
        raise failed  # after the failed attempt has been committed

    def _authenticate_read_only(self, username: str, password: str) -> Actor:
        """A read-only copy (a pembina's USB stick) can be viewed; nothing is recorded."""
        with self.db.read() as session:
            user = session.execute(
                select(User).where(User.username == username.strip().lower())
            ).scalar_one_or_none()
            if user is None or not auth.verify_password(password, user.password_hash):
                raise E.AuthError(text("store.login_wrong"))
            if not user.active:
                raise E.AuthError(text("store.account_disabled"))
            return Actor(user.id, user.username, user.display_name, Role(user.role))

    def add(self, actor: Actor, username: str, display_name: str, role: str,
            password: str) -> UserInfo:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.MANAGE_USERS)
            user = insert_user(session, username=username, display_name=display_name,
                               role=role, password=password, at=self.now(), by=actor.id)
            return _info(user)

    def list(self, actor: Actor) -> list[UserInfo]:
        with self.db.read() as session:
            require(current_user(session, actor).role, Action.VIEW)
            users = session.execute(select(User).order_by(User.username)).scalars()
            return [_info(user) for user in users]

    def _target(self, session: Session, username: str) -> User:
        user = session.execute(
            select(User).where(User.username == username.strip().lower())
        ).scalar_one_or_none()
        if user is None:
            raise E.NotFound(text("store.user_not_found", username=username))
        return user

    @staticmethod
    def _keep_an_admin(session: Session, user: User) -> None:
        """The village must keep one active admin, or nobody can manage users again."""
        if user.role != Role.ADMIN or not user.active:
            return
        admins = session.execute(
            select(func.count()).select_from(User)
            .where(User.role == Role.ADMIN.value, User.active.is_(True))
        ).scalar_one()
        if admins <= 1:
            raise E.InvalidInput(text("store.last_admin"))

    def reset_password(self, actor: Actor, username: str, new_password: str) -> None:
        """An admin sets a new password (the user forgot theirs); unlocks the account."""
        problem = auth.password_problem(new_password)
        if problem:
            raise E.InvalidInput(problem)
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.MANAGE_USERS)
            user = self._target(session, username)
            user.password_hash = auth.hash_password(new_password)
            user.failed_logins = 0
            user.locked_until = None
            record_event(session, at=self.now(), user_id=actor.id, action="user.password_reset",
                         entity="user", entity_id=str(user.id))

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        problem = auth.password_problem(new_password)
        if problem:
            raise E.InvalidInput(problem)
        with self.db.write() as session:
            user = current_user(session, actor)
            if not auth.verify_password(old_password, user.password_hash):
                raise E.AuthError(text("store.old_password_wrong"))
            user.password_hash = auth.hash_password(new_password)
            record_event(session, at=self.now(), user_id=actor.id, action="user.password",
                         entity="user", entity_id=str(user.id))

    def set_active(self, actor: Actor, username: str, active: bool) -> None:
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.MANAGE_USERS)
            user = self._target(session, username)
            if not active:
                self._keep_an_admin(session, user)
            user.active = active
            record_event(session, at=self.now(), user_id=actor.id,
                         action="user.activate" if active else "user.deactivate",
                         entity="user", entity_id=str(user.id))

    def set_role(self, actor: Actor, username: str, role: str) -> None:
        if role not in {r.value for r in Role}:
            raise E.InvalidInput(text("store.role_unknown", role=role))
        with self.db.write() as session:
            require(current_user(session, actor).role, Action.MANAGE_USERS)
            user = self._target(session, username)
            if role != Role.ADMIN:
                self._keep_an_admin(session, user)
            old = user.role
            user.role = role
            record_event(session, at=self.now(), user_id=actor.id, action="user.role",
                         entity="user", entity_id=str(user.id),
                         detail={"from": old, "to": role})


__all__ = ["ROLE_LABELS", "Actor", "UserInfo", "Users"]
