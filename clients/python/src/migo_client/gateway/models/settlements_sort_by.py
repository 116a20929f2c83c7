from enum import StrEnum


class SettlementsSortBy(StrEnum):
    CREATEDAT = "createdAt"
    CUTOFFDATE = "cutoffDate"
    NET = "net"

    def __str__(self) -> str:
        return str(self.value)
