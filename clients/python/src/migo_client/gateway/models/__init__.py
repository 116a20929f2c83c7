"""Contains all the data models used in inputs/outputs"""

from .activate_card_request import ActivateCardRequest
from .attempt_out import AttemptOut
from .bank_account_in import BankAccountIn
from .bank_account_out import BankAccountOut
from .body_upload_lead_document import BodyUploadLeadDocument
from .body_upload_lead_document_type import BodyUploadLeadDocumentType
from .branch_create import BranchCreate
from .branch_out import BranchOut
from .branch_out_page import BranchOutPage
from .branch_out_page_response import BranchOutPageResponse
from .branch_out_response import BranchOutResponse
from .branches_sort_by import BranchesSortBy
from .business_client_link import BusinessClientLink
from .business_out import BusinessOut
from .business_out_response import BusinessOutResponse
from .business_out_status import BusinessOutStatus
from .card_out import CardOut
from .card_out_list_response import CardOutListResponse
from .card_out_permissions_type_0_item import CardOutPermissionsType0Item
from .card_out_response import CardOutResponse
from .card_out_status import CardOutStatus
from .card_user_out import CardUserOut
from .card_user_out_list_response import CardUserOutListResponse
from .card_user_out_permissions_item import CardUserOutPermissionsItem
from .card_user_out_response import CardUserOutResponse
from .cardholder import Cardholder
from .cardholder_create import CardholderCreate
from .cardholder_page import CardholderPage
from .cardholder_page_response import CardholderPageResponse
from .cardholder_registrationmode import CardholderRegistrationmode
from .cardholder_response import CardholderResponse
from .cardholder_status import CardholderStatus
from .cardholder_update import CardholderUpdate
from .cardholder_update_status import CardholderUpdateStatus
from .cardholders_sort_by import CardholdersSortBy
from .catalog_entry import CatalogEntry
from .client_credentials import ClientCredentials
from .contact import Contact
from .contact_out import ContactOut
from .cvv_out import CvvOut
from .cvv_out_response import CvvOutResponse
from .deleted import Deleted
from .deleted_response import DeletedResponse
from .delivery_out import DeliveryOut
from .delivery_out_page import DeliveryOutPage
from .delivery_out_page_response import DeliveryOutPageResponse
from .delivery_out_status import DeliveryOutStatus
from .document_out import DocumentOut
from .document_out_response import DocumentOutResponse
from .document_out_status import DocumentOutStatus
from .document_out_type import DocumentOutType
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_out_page import EndpointOutPage
from .endpoint_out_page_response import EndpointOutPageResponse
from .endpoint_out_response import EndpointOutResponse
from .endpoint_out_status import EndpointOutStatus
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .endpoint_with_secret_response import EndpointWithSecretResponse
from .endpoint_with_secret_status import EndpointWithSecretStatus
from .error_body import ErrorBody
from .error_catalog import ErrorCatalog
from .error_catalog_response import ErrorCatalogResponse
from .error_envelope import ErrorEnvelope
from .event_out import EventOut
from .event_out_data import EventOutData
from .event_out_page import EventOutPage
from .event_out_page_response import EventOutPageResponse
from .event_type_filter import EventTypeFilter
from .events_sort_by import EventsSortBy
from .external_card_out import ExternalCardOut
from .external_card_out_list_response import ExternalCardOutListResponse
from .external_card_out_response import ExternalCardOutResponse
from .external_card_request import ExternalCardRequest
from .funds_request import FundsRequest
from .funds_request_type import FundsRequestType
from .grant_request import GrantRequest
from .grant_request_permissions_item import GrantRequestPermissionsItem
from .lead_create import LeadCreate
from .lead_out import LeadOut
from .lead_out_page import LeadOutPage
from .lead_out_page_response import LeadOutPageResponse
from .lead_out_response import LeadOutResponse
from .lead_out_status import LeadOutStatus
from .lead_update import LeadUpdate
from .leads_sort_by import LeadsSortBy
from .list_business_payments_status_type_0 import ListBusinessPaymentsStatusType0
from .list_leads_status_type_0 import ListLeadsStatusType0
from .list_settlements_status_type_0 import ListSettlementsStatusType0
from .list_terminal_payments_status_type_0 import ListTerminalPaymentsStatusType0
from .login_request import LoginRequest
from .movement_out import MovementOut
from .movement_out_page import MovementOutPage
from .movement_out_page_response import MovementOutPageResponse
from .movements_sort_by import MovementsSortBy
from .new_signing_key_out import NewSigningKeyOut
from .new_signing_key_out_response import NewSigningKeyOutResponse
from .new_signing_key_out_status import NewSigningKeyOutStatus
from .notice_receipt import NoticeReceipt
from .notice_receipt_response import NoticeReceiptResponse
from .otp_request_body import OtpRequestBody
from .otp_request_body_purpose import OtpRequestBodyPurpose
from .otp_sent import OtpSent
from .otp_sent_response import OtpSentResponse
from .outbox_message import OutboxMessage
from .outbox_message_page import OutboxMessagePage
from .outbox_message_page_response import OutboxMessagePageResponse
from .outbox_messages_sort_by import OutboxMessagesSortBy
from .page_meta import PageMeta
from .password_reset import PasswordReset
from .password_reset_request import PasswordResetRequest
from .password_reset_response import PasswordResetResponse
from .payment_card import PaymentCard
from .payout_out import PayoutOut
from .payout_out_status import PayoutOutStatus
from .pin_result import PinResult
from .pin_result_response import PinResultResponse
from .pricing import Pricing
from .reason_request import ReasonRequest
from .refresh_request import RefreshRequest
from .replay_out import ReplayOut
from .replay_out_response import ReplayOutResponse
from .replay_request import ReplayRequest
from .reset_pin_request import ResetPinRequest
from .rotate_keys_request import RotateKeysRequest
from .rotate_keys_request_algorithm import RotateKeysRequestAlgorithm
from .rotate_pin_request import RotatePinRequest
from .sandbox_settlement_run import SandboxSettlementRun
from .set_pin_request import SetPinRequest
from .settle_to_balance import SettleToBalance
from .settle_to_out import SettleToOut
from .settle_to_out_type import SettleToOutType
from .settle_to_prepaid_card import SettleToPrepaidCard
from .settlement_credit_out import SettlementCreditOut
from .settlement_credit_out_type import SettlementCreditOutType
from .settlement_detail import SettlementDetail
from .settlement_detail_response import SettlementDetailResponse
from .settlement_detail_status import SettlementDetailStatus
from .settlement_line_out import SettlementLineOut
from .settlement_line_out_kind import SettlementLineOutKind
from .settlement_line_out_source import SettlementLineOutSource
from .settlement_notice import SettlementNotice
from .settlement_out import SettlementOut
from .settlement_out_list_response import SettlementOutListResponse
from .settlement_out_page import SettlementOutPage
from .settlement_out_page_response import SettlementOutPageResponse
from .settlement_out_status import SettlementOutStatus
from .settlements_sort_by import SettlementsSortBy
from .signature_check import SignatureCheck
from .signature_check_response import SignatureCheckResponse
from .signing_key_out import SigningKeyOut
from .signing_key_out_page import SigningKeyOutPage
from .signing_key_out_page_response import SigningKeyOutPageResponse
from .signing_key_out_response import SigningKeyOutResponse
from .signing_key_out_status import SigningKeyOutStatus
from .signing_keys_sort_by import SigningKeysSortBy
from .statement_out import StatementOut
from .statement_out_response import StatementOutResponse
from .statement_out_status import StatementOutStatus
from .statement_request import StatementRequest
from .terminal_card import TerminalCard
from .terminal_create import TerminalCreate
from .terminal_created import TerminalCreated
from .terminal_created_response import TerminalCreatedResponse
from .terminal_created_status import TerminalCreatedStatus
from .terminal_credentials import TerminalCredentials
from .terminal_operation_out import TerminalOperationOut
from .terminal_operation_out_kind import TerminalOperationOutKind
from .terminal_operation_out_response import TerminalOperationOutResponse
from .terminal_operation_out_status import TerminalOperationOutStatus
from .terminal_out import TerminalOut
from .terminal_out_response import TerminalOutResponse
from .terminal_out_status import TerminalOutStatus
from .terminal_payment_create import TerminalPaymentCreate
from .terminal_payment_create_entrymode import TerminalPaymentCreateEntrymode
from .terminal_payment_out import TerminalPaymentOut
from .terminal_payment_out_entrymode import TerminalPaymentOutEntrymode
from .terminal_payment_out_page import TerminalPaymentOutPage
from .terminal_payment_out_page_response import TerminalPaymentOutPageResponse
from .terminal_payment_out_response import TerminalPaymentOutResponse
from .terminal_payment_out_status import TerminalPaymentOutStatus
from .terminal_payments_sort_by import TerminalPaymentsSortBy
from .terminal_refund_create import TerminalRefundCreate
from .test_event_out import TestEventOut
from .test_event_out_response import TestEventOutResponse
from .test_event_request import TestEventRequest
from .test_event_type import TestEventType
from .token_pair import TokenPair
from .token_pair_response import TokenPairResponse
from .transaction_out import TransactionOut
from .transaction_out_response import TransactionOutResponse
from .transaction_out_status import TransactionOutStatus
from .transaction_out_type import TransactionOutType
from .transfer_request import TransferRequest
from .update_card_request import UpdateCardRequest
from .verify_signature_body import VerifySignatureBody
from .view_token import ViewToken
from .view_token_response import ViewTokenResponse
from .volcan_notice import VolcanNotice
from .volcan_notice_type import VolcanNoticeType
from .wallet_card_out import WalletCardOut
from .wallet_card_out_permissions_item import WalletCardOutPermissionsItem
from .wallet_card_out_status import WalletCardOutStatus
from .wallet_movement_out import WalletMovementOut
from .wallet_out import WalletOut
from .wallet_out_response import WalletOutResponse
from .webhook_deliveries_sort_by import WebhookDeliveriesSortBy
from .webhook_endpoints_sort_by import WebhookEndpointsSortBy

__all__ = (
    "ActivateCardRequest",
    "AttemptOut",
    "BankAccountIn",
    "BankAccountOut",
    "BodyUploadLeadDocument",
    "BodyUploadLeadDocumentType",
    "BranchCreate",
    "BranchOut",
    "BranchOutPage",
    "BranchOutPageResponse",
    "BranchOutResponse",
    "BranchesSortBy",
    "BusinessClientLink",
    "BusinessOut",
    "BusinessOutResponse",
    "BusinessOutStatus",
    "CardOut",
    "CardOutListResponse",
    "CardOutPermissionsType0Item",
    "CardOutResponse",
    "CardOutStatus",
    "CardUserOut",
    "CardUserOutListResponse",
    "CardUserOutPermissionsItem",
    "CardUserOutResponse",
    "Cardholder",
    "CardholderCreate",
    "CardholderPage",
    "CardholderPageResponse",
    "CardholderRegistrationmode",
    "CardholderResponse",
    "CardholderStatus",
    "CardholderUpdate",
    "CardholderUpdateStatus",
    "CardholdersSortBy",
    "CatalogEntry",
    "ClientCredentials",
    "Contact",
    "ContactOut",
    "CvvOut",
    "CvvOutResponse",
    "Deleted",
    "DeletedResponse",
    "DeliveryOut",
    "DeliveryOutPage",
    "DeliveryOutPageResponse",
    "DeliveryOutStatus",
    "DocumentOut",
    "DocumentOutResponse",
    "DocumentOutStatus",
    "DocumentOutType",
    "EndpointCreate",
    "EndpointOut",
    "EndpointOutPage",
    "EndpointOutPageResponse",
    "EndpointOutResponse",
    "EndpointOutStatus",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EndpointWithSecretResponse",
    "EndpointWithSecretStatus",
    "ErrorBody",
    "ErrorCatalog",
    "ErrorCatalogResponse",
    "ErrorEnvelope",
    "EventOut",
    "EventOutData",
    "EventOutPage",
    "EventOutPageResponse",
    "EventTypeFilter",
    "EventsSortBy",
    "ExternalCardOut",
    "ExternalCardOutListResponse",
    "ExternalCardOutResponse",
    "ExternalCardRequest",
    "FundsRequest",
    "FundsRequestType",
    "GrantRequest",
    "GrantRequestPermissionsItem",
    "LeadCreate",
    "LeadOut",
    "LeadOutPage",
    "LeadOutPageResponse",
    "LeadOutResponse",
    "LeadOutStatus",
    "LeadUpdate",
    "LeadsSortBy",
    "ListBusinessPaymentsStatusType0",
    "ListLeadsStatusType0",
    "ListSettlementsStatusType0",
    "ListTerminalPaymentsStatusType0",
    "LoginRequest",
    "MovementOut",
    "MovementOutPage",
    "MovementOutPageResponse",
    "MovementsSortBy",
    "NewSigningKeyOut",
    "NewSigningKeyOutResponse",
    "NewSigningKeyOutStatus",
    "NoticeReceipt",
    "NoticeReceiptResponse",
    "OtpRequestBody",
    "OtpRequestBodyPurpose",
    "OtpSent",
    "OtpSentResponse",
    "OutboxMessage",
    "OutboxMessagePage",
    "OutboxMessagePageResponse",
    "OutboxMessagesSortBy",
    "PageMeta",
    "PasswordReset",
    "PasswordResetRequest",
    "PasswordResetResponse",
    "PaymentCard",
    "PayoutOut",
    "PayoutOutStatus",
    "PinResult",
    "PinResultResponse",
    "Pricing",
    "ReasonRequest",
    "RefreshRequest",
    "ReplayOut",
    "ReplayOutResponse",
    "ReplayRequest",
    "ResetPinRequest",
    "RotateKeysRequest",
    "RotateKeysRequestAlgorithm",
    "RotatePinRequest",
    "SandboxSettlementRun",
    "SetPinRequest",
    "SettleToBalance",
    "SettleToOut",
    "SettleToOutType",
    "SettleToPrepaidCard",
    "SettlementCreditOut",
    "SettlementCreditOutType",
    "SettlementDetail",
    "SettlementDetailResponse",
    "SettlementDetailStatus",
    "SettlementLineOut",
    "SettlementLineOutKind",
    "SettlementLineOutSource",
    "SettlementNotice",
    "SettlementOut",
    "SettlementOutListResponse",
    "SettlementOutPage",
    "SettlementOutPageResponse",
    "SettlementOutStatus",
    "SettlementsSortBy",
    "SignatureCheck",
    "SignatureCheckResponse",
    "SigningKeyOut",
    "SigningKeyOutPage",
    "SigningKeyOutPageResponse",
    "SigningKeyOutResponse",
    "SigningKeyOutStatus",
    "SigningKeysSortBy",
    "StatementOut",
    "StatementOutResponse",
    "StatementOutStatus",
    "StatementRequest",
    "TerminalCard",
    "TerminalCreate",
    "TerminalCreated",
    "TerminalCreatedResponse",
    "TerminalCreatedStatus",
    "TerminalCredentials",
    "TerminalOperationOut",
    "TerminalOperationOutKind",
    "TerminalOperationOutResponse",
    "TerminalOperationOutStatus",
    "TerminalOut",
    "TerminalOutResponse",
    "TerminalOutStatus",
    "TerminalPaymentCreate",
    "TerminalPaymentCreateEntrymode",
    "TerminalPaymentOut",
    "TerminalPaymentOutEntrymode",
    "TerminalPaymentOutPage",
    "TerminalPaymentOutPageResponse",
    "TerminalPaymentOutResponse",
    "TerminalPaymentOutStatus",
    "TerminalPaymentsSortBy",
    "TerminalRefundCreate",
    "TestEventOut",
    "TestEventOutResponse",
    "TestEventRequest",
    "TestEventType",
    "TokenPair",
    "TokenPairResponse",
    "TransactionOut",
    "TransactionOutResponse",
    "TransactionOutStatus",
    "TransactionOutType",
    "TransferRequest",
    "UpdateCardRequest",
    "VerifySignatureBody",
    "ViewToken",
    "ViewTokenResponse",
    "VolcanNotice",
    "VolcanNoticeType",
    "WalletCardOut",
    "WalletCardOutPermissionsItem",
    "WalletCardOutStatus",
    "WalletMovementOut",
    "WalletOut",
    "WalletOutResponse",
    "WebhookDeliveriesSortBy",
    "WebhookEndpointsSortBy",
)
