from enum import StrEnum


class ListLeadsStatusType0(StrEnum):
    APPROVED = "APPROVED"
    DOCUMENTS_PENDING = "DOCUMENTS_PENDING"
    IN_REVIEW = "IN_REVIEW"
    NEW = "NEW"
    REJECTED = "REJECTED"

    def __str__(self) -> str:
        return str(self.value)
