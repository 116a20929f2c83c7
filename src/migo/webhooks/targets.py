"""Where deliveries may go: http(s) only, never a private, link-local or otherwise internal address (SSRF),
checked when an endpoint is registered and again, after DNS, before every attempt. The sandbox also allows
loopback so integrators can test against a local receiver. (The attempt resolves the name again when it
connects: a DNS answer that changes between the check and the connection is not caught.)"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from urllib.parse import urlsplit

from migo.platform.settings import get_settings


class TargetRefused(ValueError):
    """The URL may not receive deliveries."""


def _internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Anything not globally routable: private, loopback, link-local, shared (100.64/10), NAT64, reserved."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


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


_RESOLVED_TTL = 60.0
_resolved: dict[tuple[str, int], tuple[float, str | None]] = {}  # (host, port) -> (checked at, refusal)


async def check_resolved(url: str) -> None:
    """Refuse the attempt when the host is, or now resolves to, an internal address. Answers for a name
    are kept a minute, as the connection's own DNS cache keeps them."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        if not _allowed(literal):
            raise TargetRefused(f"{host} is an internal address")
        return
    now = time.monotonic()
    cached = _resolved.get((host, port))
    if cached is None or now - cached[0] > _RESOLVED_TTL:
        cached = (now, await _refusal(host, port))
        _resolved[(host, port)] = cached
    if cached[1] is not None:
        raise TargetRefused(cached[1])


async def _refusal(host: str, port: int) -> str | None:
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return f"cannot resolve {host}"
    if any(not _allowed(ipaddress.ip_address(info[4][0])) for info in infos):
        return f"{host} resolves to an internal address"
    return None
