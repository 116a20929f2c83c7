"""Contains all the data models used in inputs/outputs"""

from .advance_request import AdvanceRequest
from .attempt_out import AttemptOut
from .batch_accepted import BatchAccepted
from .batch_progress import BatchProgress
from .batch_progress_status import BatchProgressStatus
from .billing_settings_body import BillingSettingsBody
from .billing_settings_request import BillingSettingsRequest
from .bin_out import BinOut
from .bin_out_type import BinOutType
from .bin_verification import BinVerification
from .bin_verify_request import BinVerifyRequest
from .body_upload_bulk_charges import BodyUploadBulkCharges
from .cancel_request import CancelRequest
from .capture_request import CaptureRequest
from .card_input import CardInput
from .card_summary import CardSummary
from .charge_request import ChargeRequest
from .checkout_field_config import CheckoutFieldConfig
from .client_config import ClientConfig
from .client_config_capturemode import ClientConfigCapturemode
from .client_credentials import ClientCredentials
from .create_hook_link_request import CreateHookLinkRequest
from .create_hook_link_request_custom_keys_type_0 import (
    CreateHookLinkRequestCustomKeysType0,
)
from .create_hook_link_request_processor_amount_type_0 import (
    CreateHookLinkRequestProcessorAmountType0,
)
from .create_hook_link_request_subscription_data_type_0 import (
    CreateHookLinkRequestSubscriptionDataType0,
)
from .create_link_request import CreateLinkRequest
from .create_link_request_custom_keys_type_0 import CreateLinkRequestCustomKeysType0
from .create_link_request_processor_amount_type_0 import (
    CreateLinkRequestProcessorAmountType0,
)
from .create_link_request_subscription_data_type_0 import (
    CreateLinkRequestSubscriptionDataType0,
)
from .created_hook_link import CreatedHookLink
from .created_link import CreatedLink
from .delivery_out import DeliveryOut
from .delivery_out_page import DeliveryOutPage
from .delivery_out_status import DeliveryOutStatus
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_out_page import EndpointOutPage
from .endpoint_out_status import EndpointOutStatus
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .endpoint_with_secret_status import EndpointWithSecretStatus
from .error_response_dto import ErrorResponseDto
from .event_out import EventOut
from .event_out_data import EventOutData
from .event_out_page import EventOutPage
from .event_type_filter import EventTypeFilter
from .events_sort_by import EventsSortBy
from .lift_request import LiftRequest
from .line_error import LineError
from .link_notification import LinkNotification
from .link_notification_channel import LinkNotificationChannel
from .link_notification_status import LinkNotificationStatus
from .list_subscriptions_status_type_0 import ListSubscriptionsStatusType0
from .list_transactions_status_type_0 import ListTransactionsStatusType0
from .merchant_identity import MerchantIdentity
from .merchant_identity_environment import MerchantIdentityEnvironment
from .merchant_token_out import MerchantTokenOut
from .merchant_token_out_page import MerchantTokenOutPage
from .merchant_token_out_status import MerchantTokenOutStatus
from .merchant_tokens_sort_by import MerchantTokensSortBy
from .new_merchant_token_out import NewMerchantTokenOut
from .new_merchant_token_out_status import NewMerchantTokenOutStatus
from .page_meta import PageMeta
from .payment_outcome import PaymentOutcome
from .payment_outcome_outcome import PaymentOutcomeOutcome
from .payment_outcome_threeds import PaymentOutcomeThreeds
from .plan_out import PlanOut
from .plan_out_interval import PlanOutInterval
from .plan_out_page import PlanOutPage
from .plan_request import PlanRequest
from .plan_request_interval import PlanRequestInterval
from .plan_update import PlanUpdate
from .plans_sort_by import PlansSortBy
from .processor_config import ProcessorConfig
from .refresh_request import RefreshRequest
from .refund import Refund
from .refund_out import RefundOut
from .refund_out_status import RefundOutStatus
from .refund_page import RefundPage
from .refund_request import RefundRequest
from .refund_status import RefundStatus
from .refunds_sort_by import RefundsSortBy
from .renewal import Renewal
from .replace_card_request import ReplaceCardRequest
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .sandbox_pay_request import SandboxPayRequest
from .subscription_out import SubscriptionOut
from .subscription_out_interval import SubscriptionOutInterval
from .subscription_out_metadata_type_0 import SubscriptionOutMetadataType0
from .subscription_out_page import SubscriptionOutPage
from .subscription_out_status import SubscriptionOutStatus
from .subscriptions_sort_by import SubscriptionsSortBy
from .suspension_out import SuspensionOut
from .suspension_out_page import SuspensionOutPage
from .suspension_out_source import SuspensionOutSource
from .suspension_request import SuspensionRequest
from .suspension_request_type import SuspensionRequestType
from .suspensions_sort_by import SuspensionsSortBy
from .test_event_out import TestEventOut
from .test_event_request import TestEventRequest
from .test_event_type import TestEventType
from .token_pair import TokenPair
from .transaction_detail import TransactionDetail
from .transaction_detail_additionaldata import TransactionDetailAdditionaldata
from .transaction_detail_capturemode import TransactionDetailCapturemode
from .transaction_detail_custom_keys_type_0 import TransactionDetailCustomKeysType0
from .transaction_detail_processor_amount_type_0 import (
    TransactionDetailProcessorAmountType0,
)
from .transaction_detail_status import TransactionDetailStatus
from .transaction_out import TransactionOut
from .transaction_out_additionaldata import TransactionOutAdditionaldata
from .transaction_out_capturemode import TransactionOutCapturemode
from .transaction_out_custom_keys_type_0 import TransactionOutCustomKeysType0
from .transaction_out_page import TransactionOutPage
from .transaction_out_processor_amount_type_0 import TransactionOutProcessorAmountType0
from .transaction_out_status import TransactionOutStatus
from .transactions_sort_by import TransactionsSortBy
from .unauthorized_response import UnauthorizedResponse
from .verified_card import VerifiedCard
from .verify_card_out import VerifyCardOut
from .verify_card_request import VerifyCardRequest
from .verify_card_request_metadata_type_0 import VerifyCardRequestMetadataType0
from .webhook_deliveries_sort_by import WebhookDeliveriesSortBy
from .webhook_endpoints_sort_by import WebhookEndpointsSortBy

__all__ = (
    "AdvanceRequest",
    "AttemptOut",
    "BatchAccepted",
    "BatchProgress",
    "BatchProgressStatus",
    "BillingSettingsBody",
    "BillingSettingsRequest",
    "BinOut",
    "BinOutType",
    "BinVerification",
    "BinVerifyRequest",
    "BodyUploadBulkCharges",
    "CancelRequest",
    "CaptureRequest",
    "CardInput",
    "CardSummary",
    "ChargeRequest",
    "CheckoutFieldConfig",
    "ClientConfig",
    "ClientConfigCapturemode",
    "ClientCredentials",
    "CreateHookLinkRequest",
    "CreateHookLinkRequestCustomKeysType0",
    "CreateHookLinkRequestProcessorAmountType0",
    "CreateHookLinkRequestSubscriptionDataType0",
    "CreateLinkRequest",
    "CreateLinkRequestCustomKeysType0",
    "CreateLinkRequestProcessorAmountType0",
    "CreateLinkRequestSubscriptionDataType0",
    "CreatedHookLink",
    "CreatedLink",
    "DeliveryOut",
    "DeliveryOutPage",
    "DeliveryOutStatus",
    "EndpointCreate",
    "EndpointOut",
    "EndpointOutPage",
    "EndpointOutStatus",
    "EndpointUpdate",
    "EndpointWithSecret",
    "EndpointWithSecretStatus",
    "ErrorResponseDto",
    "EventOut",
    "EventOutData",
    "EventOutPage",
    "EventTypeFilter",
    "EventsSortBy",
    "LiftRequest",
    "LineError",
    "LinkNotification",
    "LinkNotificationChannel",
    "LinkNotificationStatus",
    "ListSubscriptionsStatusType0",
    "ListTransactionsStatusType0",
    "MerchantIdentity",
    "MerchantIdentityEnvironment",
    "MerchantTokenOut",
    "MerchantTokenOutPage",
    "MerchantTokenOutStatus",
    "MerchantTokensSortBy",
    "NewMerchantTokenOut",
    "NewMerchantTokenOutStatus",
    "PageMeta",
    "PaymentOutcome",
    "PaymentOutcomeOutcome",
    "PaymentOutcomeThreeds",
    "PlanOut",
    "PlanOutInterval",
    "PlanOutPage",
    "PlanRequest",
    "PlanRequestInterval",
    "PlanUpdate",
    "PlansSortBy",
    "ProcessorConfig",
    "RefreshRequest",
    "Refund",
    "RefundOut",
    "RefundOutStatus",
    "RefundPage",
    "RefundRequest",
    "RefundStatus",
    "RefundsSortBy",
    "Renewal",
    "ReplaceCardRequest",
    "ReplayOut",
    "ReplayRequest",
    "SandboxPayRequest",
    "SubscriptionOut",
    "SubscriptionOutInterval",
    "SubscriptionOutMetadataType0",
    "SubscriptionOutPage",
    "SubscriptionOutStatus",
    "SubscriptionsSortBy",
    "SuspensionOut",
    "SuspensionOutPage",
    "SuspensionOutSource",
    "SuspensionRequest",
    "SuspensionRequestType",
    "SuspensionsSortBy",
    "TestEventOut",
    "TestEventRequest",
    "TestEventType",
    "TokenPair",
    "TransactionDetail",
    "TransactionDetailAdditionaldata",
    "TransactionDetailCapturemode",
    "TransactionDetailCustomKeysType0",
    "TransactionDetailProcessorAmountType0",
    "TransactionDetailStatus",
    "TransactionOut",
    "TransactionOutAdditionaldata",
    "TransactionOutCapturemode",
    "TransactionOutCustomKeysType0",
    "TransactionOutPage",
    "TransactionOutProcessorAmountType0",
    "TransactionOutStatus",
    "TransactionsSortBy",
    "UnauthorizedResponse",
    "VerifiedCard",
    "VerifyCardOut",
    "VerifyCardRequest",
    "VerifyCardRequestMetadataType0",
    "WebhookDeliveriesSortBy",
    "WebhookEndpointsSortBy",
)
