"""KYC documents: recognised by their content, kept in the file storage, listed on their lead.

A file is what its first bytes say, never what its name or its Content-Type claim: an executable renamed
`id.pdf` is refused. PDF, JPEG and PNG only, at most 10 MB. Identity papers are personal data: a file is
sealed (AES-GCM, bound to its document's id) before it reaches the storage, so a copy of the store alone reads
as noise.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.storage import Storage

from .access import readable
from .errors import MERCHANT_ERRORS
from .leads import find_lead, require_editable
from .models import LeadDocument

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# (magic bytes at offset 0, the content type they mean)
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)

SEAL = "kyc-document"  # the key purpose documents are sealed under


def content_type_of(data: bytes) -> str:
    """The content type the file's first bytes prove, or a refusal (7409 too large, 7408 anything else)."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ApiError(MERCHANT_ERRORS.DOCUMENT_TOO_LARGE, f"At most {MAX_DOCUMENT_BYTES} bytes.")
    for magic, content_type in _SIGNATURES:
        if data.startswith(magic):
            return content_type
    raise ApiError(MERCHANT_ERRORS.DOCUMENT_TYPE_NOT_ACCEPTED, "The file is not a PDF, JPEG or PNG file.")


async def add_document(
    session: AsyncSession,
    storage: Storage,
    company_id: uuid.UUID,
    lead_id: uuid.UUID,
    kind: str | None,
    data: bytes | None,
) -> LeadDocument:
    """Store the file and list it on the lead (a NEW lead now waits for documents). A second file of a type
    stands beside the first; either satisfies the requirement until a reviewer rejects it. The lead is found
    before the upload is judged, so another company's lead answers 404 whatever was sent."""
    lead = await find_lead(session, company_id, lead_id, lock=True)
    require_editable(lead)
    if kind is None or data is None:
        raise ApiError(MERCHANT_ERRORS.DOCUMENT_FILE_REQUIRED)
    content_type = content_type_of(data)
    document = LeadDocument(
        id=new_id(),
        lead_id=lead.id,
        company_id=lead.company_id,
        type=kind,
        status="PENDING",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content_type=content_type,
    )
    document.storage_key = f"leads/{lead.id}/{document.id}"
    # Written before the row commits: a rolled-back upload leaves an orphan file (harmless, unreferenced),
    # never a row without its file.
    await storage.put(document.storage_key, security.encrypt(data, purpose=SEAL, context=document.id.bytes))
    session.add(document)
    await session.flush()
    if lead.status == "NEW":
        lead.status = "DOCUMENTS_PENDING"
    lead.updated_at = clock.now()
    return document


async def document_file(
    session: AsyncSession, storage: Storage, company_id: uuid.UUID, lead_id: uuid.UUID, document_id: uuid.UUID
) -> tuple[LeadDocument, bytes]:
    lead = await find_lead(session, company_id, lead_id)
    statement = readable(company_id, LeadDocument).where(
        LeadDocument.id == document_id, LeadDocument.lead_id == lead.id
    )
    document = await session.scalar(statement)
    if document is None:
        raise ApiError(MERCHANT_ERRORS.DOCUMENT_NOT_FOUND)
    sealed = await storage.get(document.storage_key)
    return document, security.decrypt(sealed, purpose=SEAL, context=document.id.bytes)
