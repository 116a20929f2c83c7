from enum import StrEnum


class PermissionCode(StrEnum):
    AUDIT_READ = "audit.read"
    CARDHOLDERS_BATCH = "cardholders.batch"
    CARDHOLDERS_BLOCK = "cardholders.block"
    CARDHOLDERS_READ = "cardholders.read"
    CARDHOLDERS_WRITE = "cardholders.write"
    CARDS_BLOCK = "cards.block"
    CARDS_EMBOSSING = "cards.embossing"
    CARDS_MANAGE = "cards.manage"
    CARDS_READ = "cards.read"
    CLIENTS_MANAGE = "clients.manage"
    CLIENTS_READ = "clients.read"
    COMPANIES_MANAGE = "companies.manage"
    COMPANIES_READ = "companies.read"
    CONCILIATION_UPLOAD = "conciliation.upload"
    MERCHANTS_MANAGE = "merchants.manage"
    MERCHANTS_READ = "merchants.read"
    MERCHANTS_REVIEW = "merchants.review"
    OPERATORS_MANAGE = "operators.manage"
    OPERATORS_READ = "operators.read"
    PARTNERS_MANAGE = "partners.manage"
    PARTNERS_READ = "partners.read"
    PAYMENTS_CAPTURE = "payments.capture"
    PAYMENTS_REFUND = "payments.refund"
    PAYMENT_LINKS_CREATE = "payment_links.create"
    RBAC_READ = "rbac.read"
    ROLES_MANAGE = "roles.manage"
    SETTLEMENTS_READ = "settlements.read"
    SUBSCRIPTIONS_MANAGE = "subscriptions.manage"
    SUBSCRIPTIONS_READ = "subscriptions.read"
    TRANSACTIONS_READ = "transactions.read"
    WEBHOOKS_MANAGE = "webhooks.manage"
    WEBHOOKS_READ = "webhooks.read"

    def __str__(self) -> str:
        return str(self.value)
