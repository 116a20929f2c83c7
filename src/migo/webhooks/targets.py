"""Where deliveries may go (SSRF): http(s) URLs of public addresses, never this machine or its networks.

A URL is checked when an endpoint is registered or changed, and again before every attempt (no DNS, so it
costs microseconds), which also catches an endpoint stored under older rules. A name is checked where it is
resolved: the dispatcher's connections resolve through `CheckingResolver`, which refuses a name when any of
its addresses is internal, so the addresses checked are the very ones connected to and a DNS answer that
changes after a check (rebinding) cannot slip through. A refused attempt disables the endpoint (dispatcher).

The sandbox also delivers to loopback, so integrators can receive on their own machine, but only when the URL
names it plainly: `127.0.0.1`, `localhost` or `[::1]`, written exactly so (and not when
MIGO_SANDBOX_LOOPBACK_WEBHOOKS=false, for a sandbox hosted for the public).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

from aiohttp import DefaultResolver
from aiohttp.abc import AbstractResolver, ResolveResult

from migo.platform.settings import get_settings


class TargetRefused(ValueError):
    """The URL may not receive deliveries; the message says why."""


# What parsers read differently (a backslash is a slash to a browser, not to Python; CR/LF split a request
# line), so a URL holding any of these is refused rather than interpreted.
_AMBIGUOUS = re.compile(r"[\\\s\x00-\x1f\x7f]")
# The authority as accepted: a host of ASCII letters, digits, hyphens, underscores and dots, or a bracketed
# IPv6 address, then an optional port. Credentials, percent escapes, zone ids and non-ASCII names are left out
# so that urlsplit, yarl (aiohttp's parser) and the C library all read the same host: IDNA would turn
# full-width digits (U+FF10 to U+FF19) into ASCII ones, and so four full-width numbers into 127.0.0.1.
_AUTHORITY = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::[0-9]{1,5})?")
_SANDBOX_LOOPBACK = frozenset({"127.0.0.1", "localhost", "[::1]"})
# Names that stay on the machine or its network: localhost (RFC 6761), .local (mDNS, RFC 6762) and the private
# top-level names of its appendix G, home.arpa (RFC 8375), and /etc/hosts' localhost.localdomain.
_INTERNAL_NAMES = (
    "localhost",
    "localdomain",
    "local",
    "internal",
    "intranet",
    "private",
    "corp",
    "home",
    "lan",
    "home.arpa",
)
# The IPv6 unicast the internet routes. Outside it lie, among others, the forms that embed an IPv4 address
# (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, IPv4-translated ::ffff:0:0:0/96, NAT64 64:ff9b::/96 and
# 64:ff9b:1::/48), the deprecated site-local fec0::/10, unique local, link-local and multicast.
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
# Inside it, 6to4 and Teredo embed an IPv4 address that relays forward to.
_RELAYED_TO_IPV4 = (ipaddress.IPv6Network("2002::/16"), ipaddress.IPv6Network("2001::/32"))


def _internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Anything but a public unicast address. An IPv6 form that embeds an IPv4 address is internal whichever
    IPv4 address it carries: where its packets land depends on the network's translators and relays, and a
    public IPv4 address can be written as itself. (`is_global` alone calls NAT64, 6to4, IPv4-compatible and
    site-local addresses global.)"""
    if isinstance(address, ipaddress.IPv6Address) and (
        address not in _GLOBAL_UNICAST or any(address in prefix for prefix in _RELAYED_TO_IPV4)
    ):
        return True
    return not address.is_global or address.is_multicast


def _refused(reason: str) -> TargetRefused:
    if get_settings().webhooks_to_loopback:
        reason += " (the sandbox also accepts loopback written as 127.0.0.1, localhost or [::1])"
    return TargetRefused(reason)


def check_url(url: str) -> str:
    """The URL if deliveries may go there, else TargetRefused saying why."""
    if _AMBIGUOUS.search(url):
        raise TargetRefused("must not contain spaces, control characters or backslashes")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as error:
        raise TargetRefused("not a valid URL") from error
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TargetRefused("must be an http(s) URL with a host")
    if "@" in parts.netloc:
        raise TargetRefused("must not carry credentials; use the authentication header")
    authority = _AUTHORITY.fullmatch(parts.netloc)
    if authority is None:
        raise TargetRefused(
            "the host must be a domain name in ASCII (xn-- for an international one), an IPv4 address, "
            "or an IPv6 address in brackets, with an optional port"
        )
    host = authority["host"]
    if not (get_settings().webhooks_to_loopback and host in _SANDBOX_LOOPBACK):
        _check_host(host)
    return url


def _check_host(host: str) -> None:
    if host.startswith("["):
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise TargetRefused(f"{host} is not an IPv6 address") from None
    else:
        name = host.lower().removesuffix(".")
        try:
            # Whatever inet_aton reads is an IPv4 address to getaddrinfo, hence to aiohttp: 2852039166,
            # 0xa9.0xfe.0xa9.0xfe, 0251.0376.0251.0376 and 169.254.43518 are all 169.254.169.254.
            address = ipaddress.IPv4Address(socket.inet_aton(name))
        except OSError:
            _check_name(host, name)
            return
        if str(address) != host:
            raise TargetRefused(f"{host} is read as the IPv4 address {address}; write it as four decimal numbers")
    if _internal(address):
        raise _refused(
            f"{host} is not a public address: private, loopback, link-local, reserved and multicast addresses, "
            "and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo), are refused"
        )


def _check_name(host: str, name: str) -> None:
    """`name` is the host in lower case without its trailing dot."""
    labels = name.split(".")
    if "" in labels:
        raise TargetRefused(f"{host} is not a valid host name")
    if any(name == internal or name.endswith("." + internal) for internal in _INTERNAL_NAMES):
        raise _refused(f"{host} is an internal name")
    # A single label is completed with the resolver's search domains (`metadata` may become
    # metadata.google.internal); every top-level domain begins with a letter, and browsers read a numeric
    # last label as an IPv4 form.
    if len(labels) == 1 or not labels[-1][0].isalpha():
        raise _refused(f"{host} is not a public domain name")


class CheckingResolver(AbstractResolver):
    """aiohttp's resolver, refusing a name when any of its addresses is internal (in the sandbox, `localhost`
    may resolve to loopback)."""

    def __init__(self) -> None:
        self._resolver = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._resolver.resolve(host, port, family)
        loopback_allowed = get_settings().webhooks_to_loopback and host in _SANDBOX_LOOPBACK
        for result in found:
            address = ipaddress.ip_address(result["host"])
            if _internal(address) and not (loopback_allowed and address.is_loopback):
                # The address itself stays out of the message: it may be one of our own network's.
                raise TargetRefused(f"{host} resolves to an internal address")
        return found

    async def close(self) -> None:
        await self._resolver.close()
