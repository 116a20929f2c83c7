"""Where deliveries may go: http(s) only; in production never a private, loopback, link-local or otherwise
internal address (SSRF), checked when an endpoint is registered and again, after DNS, before every attempt.
The sandbox allows loopback so integrators can test against a local receiver."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from migo.platform.settings import get_settings


class TargetRefused(ValueError):
    """The URL may not receive deliveries."""


def _internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _allowed(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if not _internal(address):
        return True
    return get_settings().is_sandbox and address.is_loopback


def check_url(url: str) -> str:
    """The URL if it may be registered, else TargetRefused with the reason."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as error:
        raise TargetRefused("url: not a valid URL") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefused("url: must be an http(s) URL with a host")
    if parts.username or parts.password:
        raise TargetRefused("url: must not carry credentials; use the authentication header")
    host = parts.hostname
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        internal_name = host == "localhost" or host.endswith((".localhost", ".local", ".internal"))
        if internal_name and not get_settings().is_sandbox:
            raise TargetRefused("url: internal hosts are not allowed") from None
        return url
    if not _allowed(literal):
        raise TargetRefused("url: private, loopback and link-local addresses are not allowed")
    return url


async def check_resolved(url: str) -> None:
    """Refuse the attempt when the host now resolves to an internal address (production)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise TargetRefused(f"cannot resolve {host}") from error
    for info in infos:
        if not _allowed(ipaddress.ip_address(info[4][0])):
            raise TargetRefused(f"{host} resolves to an internal address")
