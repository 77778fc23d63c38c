"""Which network addresses newsgraph may connect to: no server-side request forgery.

A URL from a feed, a redirect or a user is untrusted: it may name this machine, the intranet or
the cloud metadata service (``169.254.169.254``) and turn newsgraph into a probe. Every host is
resolved and every address it resolves to checked, before connecting, on every redirect, and again
by the transport at the moment it connects (to the very address checked, so a name that resolves
to a public address once and a private one the next time cannot slip through).

``allow_private`` lifts the refusal of loopback and private ranges (this machine, RFC 1918, IPv6
unique-local, carrier-grade NAT), for tests and intranets. Link-local addresses (where cloud
metadata services live), multicast, reserved and "this network" addresses are refused always.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

__all__ = ["AddressPolicy", "AddressRefused", "IPAddress"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata services outside the link-local range: refused even with allow_private.
_METADATA = frozenset(
    ipaddress.ip_address(address) for address in ("fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)
_THIS_NETWORK = ipaddress.ip_network("0.0.0.0/8")


class AddressRefused(Exception):
    """A host that must not be connected to, with the reason (raised before any connection)."""

    def __init__(self, host: str, reason: str, *, private: bool) -> None:
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason
        self.private = private
        """True when ``allow_private`` would have allowed it."""


@dataclass(frozen=True)
class AddressPolicy:
    """Decides whether an address may be connected to; see the module's description."""

    allow_private: bool = False

    def refusal(self, address: IPAddress) -> tuple[str, bool] | None:
        """Why ``address`` is refused and whether it is a private-kind refusal, or None if allowed."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address in _METADATA:
            return "a cloud metadata address", False
        if address.is_link_local:
            return "a link-local address (cloud metadata services live there)", False
        if address.is_multicast:
            return "a multicast address", False
        if address.is_unspecified or (isinstance(address, ipaddress.IPv4Address) and address in _THIS_NETWORK):
            return "an unspecified address", False
        if address.is_loopback:
            kind = "a loopback address (this machine)"
        elif address.is_reserved:
            return "a reserved address", False
        elif address.is_private or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local):
            kind = "a private address"
        elif not address.is_global:
            kind = "a private address"
        else:
            return None
        return None if self.allow_private else (kind, True)

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to, every one of them allowed; raises
        :class:`AddressRefused` if any is refused (a name that resolves to both a public and a
        private address is refused too) and ``OSError`` when the name does not resolve."""
        bare = host.strip("[]")
        try:
            literal: IPAddress | None = ipaddress.ip_address(bare)
        except ValueError:
            literal = None
        if literal is not None:
            found = [literal]
        else:
            infos = socket.getaddrinfo(bare, port, type=socket.SOCK_STREAM)
            found = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
        addresses: list[str] = []
        for address in found:
            refused = self.refusal(address)
            if refused is not None:
                reason, private = refused
                shown = f"{bare} is" if literal is not None else f"{bare} resolves to {address},"
                raise AddressRefused(bare, f"{shown} {reason}", private=private)
            if str(address) not in addresses:
                addresses.append(str(address))
        return addresses
