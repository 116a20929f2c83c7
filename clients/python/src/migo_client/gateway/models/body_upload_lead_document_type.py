from enum import StrEnum


class BodyUploadLeadDocumentType(StrEnum):
    ADDRESS_PROOF = "ADDRESS_PROOF"
    BANK_PROOF = "BANK_PROOF"
    ID_BACK = "ID_BACK"
    ID_FRONT = "ID_FRONT"
    TAX_CERTIFICATE = "TAX_CERTIFICATE"

    def __str__(self) -> str:
        return str(self.value)
