"""The database tables, as SQLAlchemy 2 models.

Portable on purpose: plain types, JSON, string UUIDs, no SQLite-only SQL (that lives in
:mod:`desa_app.core.store.sqlite`), so a later server can hold many villages in
PostgreSQL with the same models. Every change of these models needs an Alembic
migration in ``migrations/versions``; a test fails when they differ.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "enumerator", "verifier", "pembina", "viewer")
STATUSES = ("draft", "submitted", "returned", "verified", "entered")


def one_of(column: str, values: tuple[str, ...]) -> str:
    """SQL for a CHECK that a text column holds one of the given words."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Village(Base):
    """The one village this database belongs to (a later server holds many)."""

    __tablename__ = "village"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(13), unique=True)  # 35.01.01.2001
    name: Mapped[str] = mapped_column(String(120))
    kecamatan: Mapped[str] = mapped_column(String(120))
    kabupaten: Mapped[str] = mapped_column(String(120))
    provinsi: Mapped[str] = mapped_column(String(120))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL
    __table_args__ = (
        CheckConstraint(one_of("role", ROLES), name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Record(Base):
    """One household (DDK) or one village-level instrument for one period.

    ``answers`` is the FormState JSON of the newest revision; the key fields beside it are
    copies for fast lists and search, rebuilt on every save.
    """

    __tablename__ = "record"
    __table_args__ = (
        CheckConstraint(one_of("status", STATUSES), name="status"),
        Index("ix_record_list", "deleted", "status", "nama_kk"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID4 text
    instrument_id: Mapped[str] = mapped_column(String(40))
    instrument_version: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))  # household | village
    period: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    no_kk: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    nama_kk: Mapped[str | None] = mapped_column(String(200), nullable=True)
    dusun: Mapped[str | None] = mapped_column(String(120), nullable=True)
    rt: Mapped[str | None] = mapped_column(String(8), nullable=True)
    rw: Mapped[str | None] = mapped_column(String(8), nullable=True)
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    warning_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64))
    head_hash: Mapped[str] = mapped_column(String(64))  # hash of the newest revision
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    entered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    delete_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    export_answers: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """Relevant answers and calculated values as of the newest save (what the exports
    write): evaluating the questionnaire again for 10,000 households at export time
    would take a minute. None for records saved before schema 0004: computed then."""


class RecordRevision(Base):
    """Every saved state of a record, chained by hash to the one before it."""

    __tablename__ = "record_revision"
    __table_args__ = (UniqueConstraint("record_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))  # of the answers alone
    parent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class Person(Base):
    """One household member, indexed for duplicate-NIK checks and name search."""

    __tablename__ = "person"
    __table_args__ = (
        UniqueConstraint("record_id", "position"),
        Index("ix_person_nik", "nik"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 0-based instance index
    nik: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(8), nullable=True)
    birth_date: Mapped[str | None] = mapped_column(String(10), nullable=True)


class ReviewNote(Base):
    """A verifier's or pembina's note; never edited or deleted, only resolved."""

    __tablename__ = "review_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("record.id"), index=True)
    field_path: Mapped[str | None] = mapped_column(String(200), nullable=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AuditEvent(Base):
    """One change (data, status, user, setting) in a hash chain: tampering shows."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class VillageNote(Base):
    """A pembina's note on the village as a whole (catatan pembinaan); only resolved."""

    __tablename__ = "village_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Visit(Base):
    """A pembina's visit to the village: when, about what, whom they met."""

    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_date: Mapped[date] = mapped_column(Date)
    topics: Mapped[str] = mapped_column(Text)
    people_met: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class FollowUp(Base):
    """Something agreed during a visit, with a due date, ticked off when done."""

    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)


AGENT_KINDS = ("kaur", "kasi", "staf", "mitra")


class Agent(Base):
    """An Agen Statistik of the Desa Cantik programme (from the Kepala Desa's SK)."""

    __tablename__ = "agent"
    __table_args__ = (CheckConstraint(one_of("kind", AGENT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(8))  # kaur/kasi/staf = aparat; mitra statistik
    experience: Mapped[str] = mapped_column(Text, default="")  # census/survey experience
    it_competence: Mapped[str] = mapped_column(String(120), default="")
    sk_number: Mapped[str] = mapped_column(String(120), default="")
    sk_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    training: Mapped[str] = mapped_column(Text, default="")
    active_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    active_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


ACTIVITY_KINDS = ("koordinasi", "sosialisasi", "pembinaan", "monev")


class Activity(Base):
    """A Desa Cantik activity: coordination, socialisation, coaching, monitoring."""

    __tablename__ = "activity"
    __table_args__ = (CheckConstraint(one_of("kind", ACTIVITY_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    participants: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Attachment(Base):
    """A photo or PDF kept inside the village file (so backups carry it), by SHA-256."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_kind: Mapped[str] = mapped_column(String(16))  # activity | sop_step | visit
    owner_id: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(80))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class SopStep(Base):
    """One step of the Profil Desa SOP in a year: planned and actual dates."""

    __tablename__ = "sop_step"
    __table_args__ = (UniqueConstraint("year", "step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(40))  # key of the SOP step (see core/sop.py)
    planned_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    planned_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    actual_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    actual_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Target(Base):
    """How many households a dusun / RT is expected to have (progress on Beranda)."""

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("dusun", "rt"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dusun: Mapped[str] = mapped_column(String(120))
    rt: Mapped[str] = mapped_column(String(8), default="")  # "" = the whole dusun
    households: Mapped[int] = mapped_column(Integer)


class SigningKey(Base):
    """The village's Ed25519 key that signs exported packages (made at set-up).

    The private key lives only here, so it is as protected as the database itself
    (encrypted with SQLCipher when the village chose a passphrase) and travels with its
    backups; Diskominfo checks packages against the public key's fingerprint printed on
    the Berita Acara and shown in Pengaturan.
    """

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime)
