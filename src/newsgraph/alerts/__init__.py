"""Alerts: named criteria over new events and quotations, matched after each ``watch`` poll and
reported once each, to the terminal, a JSON Lines file, a webhook and the web pages."""

from __future__ import annotations

from newsgraph.alerts.delivery import Delivery
from newsgraph.alerts.matching import AlertMatch, check_alerts, recent_matches
from newsgraph.alerts.rules import Alert, AlertError, add_alert, list_alerts, remove_alert

__all__ = [
    "Alert",
    "AlertError",
    "AlertMatch",
    "Delivery",
    "add_alert",
    "check_alerts",
    "list_alerts",
    "recent_matches",
    "remove_alert",
]
