"""A client library for accessing Migo CMS Backoffice"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
