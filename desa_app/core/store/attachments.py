"""Photos and PDF minutes kept inside the village file, checked by content and SHA-256.

Attachments belong to an activity, an SOP step or a visit; the permission to add or
remove one is the permission that governs its owner. Keeping them in the database means
every backup carries them and the SHA-256 shows if one was altered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desa_app.core import errors as E
from desa_app.core.clock import Clock
from desa_app.core.messages import text
from desa_app.core.store.audit import record_event
from desa_app.core.store.database import Database
from desa_app.core.store.models import (
    Activity,
    Attachment,
    SopStep,
    User,
    Visit,
)
from desa_app.core.store.users import Actor, current_user
from desa_app.core.workflow import Action, require

MAX_ATTACHMENT = 10 * 1024 * 1024
MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
         (b"%PDF-", "application/pdf"))
OWNER_ACTIONS = {"activity": Action.LOG_ACTIVITY, "sop_step": Action.MANAGE_SOP,
                 "visit": Action.MANAGE_VISITS}
OWNER_MODELS: dict[str, type[Activity | SopStep | Visit]] = {
    "activity": Activity, "sop_step": SopStep, "visit": Visit}


class AttachmentDamaged(E.StoreError):
    """The stored bytes no longer match their SHA-256: the file was damaged or altered."""


def authorise(session: Session, actor: Actor, action: Action) -> User:
    """The actor's current row, after checking the role may do ``action`` (in core)."""
    user = current_user(session, actor)
    require(user.role, action)
    return user


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    owner_kind: str
    owner_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: int
    added_at: datetime


def _attachment(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.owner_kind, row.owner_id, row.filename, row.media_type,
                          row.size, row.sha256, row.added_by, row.added_at)


@dataclass(frozen=True)
class Upload:
    """A file read from disk and checked, ready to be stored."""

    filename: str
    media_type: str
    content: bytes
    sha256: str


def read_upload(path: Path) -> Upload:
    """Read and check a file: at most 10 MB, and really a JPEG, PNG or PDF by its content."""
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT:
            raise E.InvalidInput(text("store.attachment_too_big_size",
                                      name=path.name, size=size / 2 ** 20))
        with path.open("rb") as handle:
            content = handle.read(MAX_ATTACHMENT + 1)
    except OSError as exc:
        raise E.InvalidInput(text("store.attachment_unreadable",
                                  name=path.name, strerror=exc.strerror)) from exc
    if len(content) > MAX_ATTACHMENT:
        raise E.InvalidInput(text("store.attachment_too_big", name=path.name))
    media = next((kind for magic, kind in MAGIC if content.startswith(magic)), None)
    if media is None:
        raise E.InvalidInput(text("store.attachment_wrong_kind", name=path.name))
    return Upload(path.name[-255:], media, content, hashlib.sha256(content).hexdigest())


def insert_attachment(session: Session, actor: Actor, owner_kind: str, owner_id: int,
                      upload: Upload, now: datetime) -> AttachmentInfo:
    """Store a checked file on its owner, in the caller's transaction (permission checked)."""
    if owner_kind not in OWNER_ACTIONS:
        raise E.InvalidInput(text("store.attachment_bad_owner", owner_kind=owner_kind))
    authorise(session, actor, OWNER_ACTIONS[owner_kind])
    if session.get(OWNER_MODELS[owner_kind], owner_id) is None:
        raise E.NotFound(text("store.attachment_owner_missing",
                              owner_kind=owner_kind, owner_id=owner_id))
    same = session.execute(select(Attachment.filename).where(
        Attachment.owner_kind == owner_kind, Attachment.owner_id == owner_id,
        Attachment.sha256 == upload.sha256)).scalar()
    if same is not None:
        raise E.InvalidInput(text("store.attachment_same", same=same))
    row = Attachment(owner_kind=owner_kind, owner_id=owner_id, filename=upload.filename,
                     media_type=upload.media_type, size=len(upload.content),
                     sha256=upload.sha256, content=upload.content, added_by=actor.id,
                     added_at=now)
    session.add(row)
    session.flush()
    record_event(session, at=now, user_id=actor.id, action="attachment.add",
                 entity="attachment", entity_id=str(row.id),
                 detail={"owner": f"{owner_kind}:{owner_id}", "file": row.filename,
                         "sha256": row.sha256, "size": row.size})
    return _attachment(row)


class AttachmentMethods:
    """Listing, reading and removing attachments, for the services that own them
    (``DesaCantik``); they provide ``db`` and ``now``."""

    db: Database
    now: Clock

    def add_attachment(self, actor: Actor, owner_kind: str, owner_id: int,
                       path: Path) -> AttachmentInfo:
        """Attach a photo/PDF; allowed to whoever may change the owner (see OWNER_ACTIONS)."""
        upload = read_upload(path)  # before the transaction: no lock held while reading
        with self.db.write() as session:
            return insert_attachment(session, actor, owner_kind, owner_id, upload, self.now())

    def attachments(self, actor: Actor, owner_kind: str, owner_id: int) -> list[AttachmentInfo]:
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            return [_attachment(r) for r in session.execute(
                select(Attachment).where(Attachment.owner_kind == owner_kind,
                                         Attachment.owner_id == owner_id)
                .order_by(Attachment.id)).scalars()]

    def attachment_content(self, actor: Actor, attachment_id: int) -> bytes:
        """The file's bytes, after checking they still match the SHA-256 taken when added."""
        with self.db.read() as session:
            authorise(session, actor, Action.VIEW)
            row = self._attachment_row(session, attachment_id)
            content = bytes(row.content)
            if hashlib.sha256(content).hexdigest() != row.sha256 or len(content) != row.size:
                raise AttachmentDamaged(
                    text("store.attachment_damaged", filename=row.filename))
            return content

    def remove_attachment(self, actor: Actor, attachment_id: int) -> None:
        with self.db.write() as session:
            row = self._attachment_row(session, attachment_id)
            authorise(session, actor, OWNER_ACTIONS[row.owner_kind])
            record_event(session, at=self.now(), user_id=actor.id, action="attachment.remove",
                         entity="attachment", entity_id=str(row.id),
                         detail={"owner": f"{row.owner_kind}:{row.owner_id}",
                                 "file": row.filename, "sha256": row.sha256})
            session.delete(row)

    @staticmethod
    def _attachment_row(session: Session, attachment_id: int) -> Attachment:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise E.NotFound(text("store.attachment_not_found", attachment_id=attachment_id))
        return row
