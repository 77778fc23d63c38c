"""The address policy: what may be connected to, with and without --allow-private."""

from __future__ import annotations

import ipaddress

import pytest

from newsgraph.fetch import AddressPolicy, AddressRefused

ALWAYS_REFUSED = ["169.254.169.254", "169.254.1.1", "fe80::1", "fd00:ec2::254", "100.100.100.200", "224.0.0.1",
                  "ff02::1", "0.0.0.0", "0.1.2.3", "::", "240.0.0.1", "::ffff:169.254.169.254"]
PRIVATE = ["127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fd12:3456::1", "100.64.0.1",
           "::ffff:127.0.0.1", "::ffff:10.0.0.1"]
PUBLIC = ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]


@pytest.mark.parametrize("address", ALWAYS_REFUSED)
@pytest.mark.parametrize("allow_private", [False, True])
def test_link_local_metadata_multicast_and_reserved_are_always_refused(address: str, allow_private: bool) -> None:
    assert AddressPolicy(allow_private=allow_private).refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", PRIVATE)
def test_loopback_and_private_are_refused_unless_allowed(address: str) -> None:
    reason = AddressPolicy().refusal(ipaddress.ip_address(address))
    assert reason is not None and reason[1] is True
    assert AddressPolicy(allow_private=True).refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert AddressPolicy().refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]", "2130706433", "0x7f.0.0.1", "127.1"])
def test_every_spelling_of_this_machine_is_refused(host: str) -> None:
    with pytest.raises(AddressRefused, match="loopback"):
        AddressPolicy().resolve(host, 80)


def test_resolve_gives_the_checked_addresses() -> None:
    assert AddressPolicy(allow_private=True).resolve("127.0.0.1", 80) == ["127.0.0.1"]
