"""The relational model: documents, their sections and sentences, places,
metrics, claims, the relations between claims, and the flags raised on them.

The schema is made only by the Alembic migrations in ``migrations/``; these
models describe it for the ORM and for ``alembic check``.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Now, in UTC, as stored in the ``*_at`` columns."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention for constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Place(Base):
    """An administrative place; ``parent`` makes the hierarchy country → province → city → county → town."""

    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("name", "parent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(16), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"), index=True)

    parent: Mapped[Place | None] = relationship(remote_side=[id])


class Metric(Base):
    """A measured quantity of the vocabulary, with the wordings that mean it."""

    __tablename__ = "metrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    unit_family: Mapped[str | None] = mapped_column(String(16))
    higher_is_better: Mapped[bool | None] = mapped_column(Boolean)


class Document(Base):
    """One ingested file: its bytes' hash, the text read from it and what was found about it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    byte_size: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(32))
    raw_text: Mapped[str] = mapped_column(Text)
    clean_text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    year: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    place: Mapped[Place | None] = relationship()
    sections: Mapped[list[Section]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    claims: Mapped[list[Claim]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Section(Base):
    """One speech or report inside a document, with its own place and years."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String(255))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    year: Mapped[int | None] = mapped_column(Integer)
    reviewed_year: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="sections")
    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="section", cascade="all, delete-orphan", passive_deletes=True
    )


class Sentence(Base):
    """A sentence of a document's cleaned text, with its span there."""

    __tablename__ = "sentences"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    section: Mapped[Section | None] = relationship(back_populates="sentences")


class Claim(Base):
    """One stated amount: where it stands, what it reads, and what it is about.

    ``value_exact`` keeps the amount as a decimal string (SQLite's Numeric
    loses digits past 15); ``value`` is the same amount as a float, for sorting.
    """

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_metric_place_year", "metric_id", "place_id", "year"),
        Index("ix_claims_place_year", "place_id", "year"),
        Index("ix_claims_label_year", "metric_label", "year"),
        Index("ix_claims_year", "year"),
        Index("ix_claims_unit", "unit"),
        Index("ix_claims_metric_id_aspect", "metric_id", "aspect"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    raw_start: Mapped[int] = mapped_column(Integer)
    raw_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(255))
    value_exact: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[float | None] = mapped_column(Float)
    value_high_exact: Mapped[str | None] = mapped_column(String(64))
    value_high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32))
    approx: Mapped[str] = mapped_column(String(16))
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)
    metric_label: Mapped[str | None] = mapped_column(String(255))
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("metrics.id", ondelete="SET NULL"))
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(16))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(8))
    # level, or what the claim states of a level: change, growth, cagr, pp_change.
    aspect: Mapped[str] = mapped_column(String(16), server_default="level", default="level")

    document: Mapped[Document] = relationship(back_populates="claims")
    sentence: Mapped[Sentence] = relationship()
    place: Mapped[Place | None] = relationship()
    metric: Mapped[Metric | None] = relationship()


class ClaimLink(Base):
    """A typed relation between two claims of one sentence or passage (level → change, total → part, ...)."""

    __tablename__ = "claim_links"
    __table_args__ = (UniqueConstraint("relation", "head_claim_id", "tail_claim_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    relation: Mapped[str] = mapped_column(String(32))
    head_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    tail_claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    base_year: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict | None] = mapped_column(JSON)


class Flag(Base):
    """An inconsistency raised by a check, with its evidence and its review.

    ``fingerprint`` is the flag's identity (its check and its claims), so a
    review survives re-running the checks.
    """

    __tablename__ = "flags"
    __table_args__ = (Index("ix_flags_status_check", "status", "check"), Index("ix_flags_scope", "scope"))

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    check: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # What a change must touch for the flag to be checked again: its document, or for
    # checks across documents its metric, place and unit (see tracker.checking).
    scope: Mapped[str | None] = mapped_column(String(64))


class CheckState(Base):
    """How far the last complete run of every check went: the documents it covered
    (ids up to ``last_document_id``, ``documents`` of them), so the next run checks
    only what came after."""

    __tablename__ = "check_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_document_id: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
