"""Contains all the data models used in inputs/outputs"""

from .amount_mismatch import AmountMismatch
from .amount_mismatch_channel import AmountMismatchChannel
from .amount_mismatch_status import AmountMismatchStatus
from .audit_record_out import AuditRecordOut
from .audit_record_out_changes_type_0 import AuditRecordOutChangesType0
from .audit_record_out_outcome import AuditRecordOutOutcome
from .audit_record_out_page import AuditRecordOutPage
from .audit_record_out_page_response import AuditRecordOutPageResponse
from .audit_record_out_resource import AuditRecordOutResource
from .audit_records_sort_by import AuditRecordsSortBy
from .bank_account_out import BankAccountOut
from .batch_accepted import BatchAccepted
from .batch_accepted_response import BatchAcceptedResponse
from .batch_progress import BatchProgress
from .batch_progress_response import BatchProgressResponse
from .batch_progress_status import BatchProgressStatus
from .body_upload_cardholder_batch import BodyUploadCardholderBatch
from .body_upload_conciliation_file import BodyUploadConciliationFile
from .callback_endpoint_in import CallbackEndpointIn
from .card_program_out import CardProgramOut
from .card_status_change import CardStatusChange
from .card_status_out import CardStatusOut
from .card_status_out_response import CardStatusOutResponse
from .card_stock_batch_out import CardStockBatchOut
from .card_stock_batch_out_page import CardStockBatchOutPage
from .card_stock_batch_out_page_response import CardStockBatchOutPageResponse
from .card_stock_batch_out_response import CardStockBatchOutResponse
from .card_stock_batch_out_status import CardStockBatchOutStatus
from .card_stock_batches_sort_by import CardStockBatchesSortBy
from .card_stock_request import CardStockRequest
from .card_transaction_detail import CardTransactionDetail
from .card_transaction_detail_type import CardTransactionDetailType
from .cardholder_block_out import CardholderBlockOut
from .cardholder_block_out_response import CardholderBlockOutResponse
from .catalog_entry import CatalogEntry
from .checkout_field_in import CheckoutFieldIn
from .checkout_field_out import CheckoutFieldOut
from .client_callback_out import ClientCallbackOut
from .client_callback_out_status import ClientCallbackOutStatus
from .client_credentials import ClientCredentials
from .client_processor_in import ClientProcessorIn
from .client_processor_out import ClientProcessorOut
from .client_velocity_in import ClientVelocityIn
from .client_velocity_out import ClientVelocityOut
from .conciliation_report import ConciliationReport
from .conciliation_report_response import ConciliationReportResponse
from .contact_out import ContactOut
from .document_out import DocumentOut
from .document_out_status import DocumentOutStatus
from .document_out_type import DocumentOutType
from .document_rejection import DocumentRejection
from .error_body import ErrorBody
from .error_catalog import ErrorCatalog
from .error_catalog_response import ErrorCatalogResponse
from .error_envelope import ErrorEnvelope
from .held_card_out import HeldCardOut
from .lead_out import LeadOut
from .lead_out_page import LeadOutPage
from .lead_out_page_response import LeadOutPageResponse
from .lead_out_response import LeadOutResponse
from .lead_out_status import LeadOutStatus
from .lead_rejection import LeadRejection
from .leads_sort_by import LeadsSortBy
from .line_error import LineError
from .link_payment_detail import LinkPaymentDetail
from .list_leads_status_type_0 import ListLeadsStatusType0
from .list_operators_status_type_0 import ListOperatorsStatusType0
from .list_partner_cardholders_status_type_0 import ListPartnerCardholdersStatusType0
from .list_partner_transactions_kind_type_0 import ListPartnerTransactionsKindType0
from .list_partner_transactions_status_type_0 import ListPartnerTransactionsStatusType0
from .login_request import LoginRequest
from .merchant_token_out import MerchantTokenOut
from .merchant_token_out_page import MerchantTokenOutPage
from .merchant_token_out_page_response import MerchantTokenOutPageResponse
from .merchant_token_out_response import MerchantTokenOutResponse
from .merchant_token_out_status import MerchantTokenOutStatus
from .merchant_tokens_sort_by import MerchantTokensSortBy
from .missing_on_our_side import MissingOnOurSide
from .missing_on_our_side_status import MissingOnOurSideStatus
from .missing_on_theirs import MissingOnTheirs
from .missing_on_theirs_channel import MissingOnTheirsChannel
from .movement_out import MovementOut
from .new_merchant_token_out import NewMerchantTokenOut
from .new_merchant_token_out_response import NewMerchantTokenOutResponse
from .new_merchant_token_out_status import NewMerchantTokenOutStatus
from .new_partner_application_out import NewPartnerApplicationOut
from .new_partner_application_out_kind import NewPartnerApplicationOutKind
from .new_partner_application_out_response import NewPartnerApplicationOutResponse
from .operator_create import OperatorCreate
from .operator_out import OperatorOut
from .operator_out_page import OperatorOutPage
from .operator_out_page_response import OperatorOutPageResponse
from .operator_out_response import OperatorOutResponse
from .operator_out_scope import OperatorOutScope
from .operator_out_status import OperatorOutStatus
from .operator_password_reset import OperatorPasswordReset
from .operator_password_reset_response import OperatorPasswordResetResponse
from .operator_profile import OperatorProfile
from .operator_profile_response import OperatorProfileResponse
from .operator_profile_scope import OperatorProfileScope
from .operator_update import OperatorUpdate
from .operator_update_status import OperatorUpdateStatus
from .operators_sort_by import OperatorsSortBy
from .otp_sent import OtpSent
from .otp_sent_response import OtpSentResponse
from .outbox_message import OutboxMessage
from .outbox_message_page import OutboxMessagePage
from .outbox_message_page_response import OutboxMessagePageResponse
from .outbox_messages_sort_by import OutboxMessagesSortBy
from .page_meta import PageMeta
from .partner_application_create import PartnerApplicationCreate
from .partner_application_create_kind import PartnerApplicationCreateKind
from .partner_application_out import PartnerApplicationOut
from .partner_application_out_kind import PartnerApplicationOutKind
from .partner_cardholder_detail import PartnerCardholderDetail
from .partner_cardholder_detail_response import PartnerCardholderDetailResponse
from .partner_cardholder_out import PartnerCardholderOut
from .partner_cardholder_out_page import PartnerCardholderOutPage
from .partner_cardholder_out_page_response import PartnerCardholderOutPageResponse
from .partner_cardholders_sort_by import PartnerCardholdersSortBy
from .partner_client_out import PartnerClientOut
from .partner_client_out_allowed_card_types_item import (
    PartnerClientOutAllowedCardTypesItem,
)
from .partner_client_out_capturemode import PartnerClientOutCapturemode
from .partner_client_out_channels_item import PartnerClientOutChannelsItem
from .partner_client_out_page import PartnerClientOutPage
from .partner_client_out_page_response import PartnerClientOutPageResponse
from .partner_client_out_response import PartnerClientOutResponse
from .partner_client_update import PartnerClientUpdate
from .partner_client_update_allowed_card_types_item import (
    PartnerClientUpdateAllowedCardTypesItem,
)
from .partner_client_update_capturemode import PartnerClientUpdateCapturemode
from .partner_client_update_channels_item import PartnerClientUpdateChannelsItem
from .partner_clients_sort_by import PartnerClientsSortBy
from .partner_company_create import PartnerCompanyCreate
from .partner_company_out import PartnerCompanyOut
from .partner_company_out_response import PartnerCompanyOutResponse
from .partner_create import PartnerCreate
from .partner_detail import PartnerDetail
from .partner_detail_response import PartnerDetailResponse
from .partner_out import PartnerOut
from .partner_out_page import PartnerOutPage
from .partner_out_page_response import PartnerOutPageResponse
from .partner_out_response import PartnerOutResponse
from .partner_transaction_detail import PartnerTransactionDetail
from .partner_transaction_detail_kind import PartnerTransactionDetailKind
from .partner_transaction_detail_response import PartnerTransactionDetailResponse
from .partner_transaction_detail_status import PartnerTransactionDetailStatus
from .partner_transaction_out import PartnerTransactionOut
from .partner_transaction_out_kind import PartnerTransactionOutKind
from .partner_transaction_out_page import PartnerTransactionOutPage
from .partner_transaction_out_page_response import PartnerTransactionOutPageResponse
from .partner_transaction_out_status import PartnerTransactionOutStatus
from .partner_transactions_sort_by import PartnerTransactionsSortBy
from .partner_update import PartnerUpdate
from .partners_sort_by import PartnersSortBy
from .password_reset_request import PasswordResetRequest
from .permission_code import PermissionCode
from .permission_out import PermissionOut
from .permission_out_list_response import PermissionOutListResponse
from .refresh_request import RefreshRequest
from .role_create import RoleCreate
from .role_out import RoleOut
from .role_out_page import RoleOutPage
from .role_out_page_response import RoleOutPageResponse
from .role_out_response import RoleOutResponse
from .role_update import RoleUpdate
from .roles_sort_by import RolesSortBy
from .terminal_payment_detail import TerminalPaymentDetail
from .token_pair import TokenPair
from .token_pair_response import TokenPairResponse
from .transaction_capture_create import TransactionCaptureCreate
from .transaction_card_out import TransactionCardOut
from .transaction_owner import TransactionOwner
from .transaction_refund_create import TransactionRefundCreate
from .transaction_refund_out import TransactionRefundOut
from .transaction_refund_out_response import TransactionRefundOutResponse
from .transaction_refund_out_status import TransactionRefundOutStatus

__all__ = (
    "AmountMismatch",
    "AmountMismatchChannel",
    "AmountMismatchStatus",
    "AuditRecordOut",
    "AuditRecordOutChangesType0",
    "AuditRecordOutOutcome",
    "AuditRecordOutPage",
    "AuditRecordOutPageResponse",
    "AuditRecordOutResource",
    "AuditRecordsSortBy",
    "BankAccountOut",
    "BatchAccepted",
    "BatchAcceptedResponse",
    "BatchProgress",
    "BatchProgressResponse",
    "BatchProgressStatus",
    "BodyUploadCardholderBatch",
    "BodyUploadConciliationFile",
    "CallbackEndpointIn",
    "CardProgramOut",
    "CardStatusChange",
    "CardStatusOut",
    "CardStatusOutResponse",
    "CardStockBatchOut",
    "CardStockBatchOutPage",
    "CardStockBatchOutPageResponse",
    "CardStockBatchOutResponse",
    "CardStockBatchOutStatus",
    "CardStockBatchesSortBy",
    "CardStockRequest",
    "CardTransactionDetail",
    "CardTransactionDetailType",
    "CardholderBlockOut",
    "CardholderBlockOutResponse",
    "CatalogEntry",
    "CheckoutFieldIn",
    "CheckoutFieldOut",
    "ClientCallbackOut",
    "ClientCallbackOutStatus",
    "ClientCredentials",
    "ClientProcessorIn",
    "ClientProcessorOut",
    "ClientVelocityIn",
    "ClientVelocityOut",
    "ConciliationReport",
    "ConciliationReportResponse",
    "ContactOut",
    "DocumentOut",
    "DocumentOutStatus",
    "DocumentOutType",
    "DocumentRejection",
    "ErrorBody",
    "ErrorCatalog",
    "ErrorCatalogResponse",
    "ErrorEnvelope",
    "HeldCardOut",
    "LeadOut",
    "LeadOutPage",
    "LeadOutPageResponse",
    "LeadOutResponse",
    "LeadOutStatus",
    "LeadRejection",
    "LeadsSortBy",
    "LineError",
    "LinkPaymentDetail",
    "ListLeadsStatusType0",
    "ListOperatorsStatusType0",
    "ListPartnerCardholdersStatusType0",
    "ListPartnerTransactionsKindType0",
    "ListPartnerTransactionsStatusType0",
    "LoginRequest",
    "MerchantTokenOut",
    "MerchantTokenOutPage",
    "MerchantTokenOutPageResponse",
    "MerchantTokenOutResponse",
    "MerchantTokenOutStatus",
    "MerchantTokensSortBy",
    "MissingOnOurSide",
    "MissingOnOurSideStatus",
    "MissingOnTheirs",
    "MissingOnTheirsChannel",
    "MovementOut",
    "NewMerchantTokenOut",
    "NewMerchantTokenOutResponse",
    "NewMerchantTokenOutStatus",
    "NewPartnerApplicationOut",
    "NewPartnerApplicationOutKind",
    "NewPartnerApplicationOutResponse",
    "OperatorCreate",
    "OperatorOut",
    "OperatorOutPage",
    "OperatorOutPageResponse",
    "OperatorOutResponse",
    "OperatorOutScope",
    "OperatorOutStatus",
    "OperatorPasswordReset",
    "OperatorPasswordResetResponse",
    "OperatorProfile",
    "OperatorProfileResponse",
    "OperatorProfileScope",
    "OperatorUpdate",
    "OperatorUpdateStatus",
    "OperatorsSortBy",
    "OtpSent",
    "OtpSentResponse",
    "OutboxMessage",
    "OutboxMessagePage",
    "OutboxMessagePageResponse",
    "OutboxMessagesSortBy",
    "PageMeta",
    "PartnerApplicationCreate",
    "PartnerApplicationCreateKind",
    "PartnerApplicationOut",
    "PartnerApplicationOutKind",
    "PartnerCardholderDetail",
    "PartnerCardholderDetailResponse",
    "PartnerCardholderOut",
    "PartnerCardholderOutPage",
    "PartnerCardholderOutPageResponse",
    "PartnerCardholdersSortBy",
    "PartnerClientOut",
    "PartnerClientOutAllowedCardTypesItem",
    "PartnerClientOutCapturemode",
    "PartnerClientOutChannelsItem",
    "PartnerClientOutPage",
    "PartnerClientOutPageResponse",
    "PartnerClientOutResponse",
    "PartnerClientUpdate",
    "PartnerClientUpdateAllowedCardTypesItem",
    "PartnerClientUpdateCapturemode",
    "PartnerClientUpdateChannelsItem",
    "PartnerClientsSortBy",
    "PartnerCompanyCreate",
    "PartnerCompanyOut",
    "PartnerCompanyOutResponse",
    "PartnerCreate",
    "PartnerDetail",
    "PartnerDetailResponse",
    "PartnerOut",
    "PartnerOutPage",
    "PartnerOutPageResponse",
    "PartnerOutResponse",
    "PartnerTransactionDetail",
    "PartnerTransactionDetailKind",
    "PartnerTransactionDetailResponse",
    "PartnerTransactionDetailStatus",
    "PartnerTransactionOut",
    "PartnerTransactionOutKind",
    "PartnerTransactionOutPage",
    "PartnerTransactionOutPageResponse",
    "PartnerTransactionOutStatus",
    "PartnerTransactionsSortBy",
    "PartnerUpdate",
    "PartnersSortBy",
    "PasswordResetRequest",
    "PermissionCode",
    "PermissionOut",
    "PermissionOutListResponse",
    "RefreshRequest",
    "RoleCreate",
    "RoleOut",
    "RoleOutPage",
    "RoleOutPageResponse",
    "RoleOutResponse",
    "RoleUpdate",
    "RolesSortBy",
    "TerminalPaymentDetail",
    "TokenPair",
    "TokenPairResponse",
    "TransactionCaptureCreate",
    "TransactionCardOut",
    "TransactionOwner",
    "TransactionRefundCreate",
    "TransactionRefundOut",
    "TransactionRefundOutResponse",
    "TransactionRefundOutStatus",
)
