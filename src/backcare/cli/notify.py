"""Desktop notifications for break reminders: freedesktop notifications over the session D-Bus
through jeepney (a maintained, pure-Python D-Bus library; the optional extra
``backcare[notify]``), falling back to the terminal bell. Never a hard dependency: without
jeepney, without a session bus or without a notification server, the bell rings instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable

NOTIFY_TIMEOUT_S = 2.0
"""Longest wait for the notification server's reply."""

EXPIRE_MS = 10_000
APP_NAME = "backcare"


def desktop_notify(title: str, body: str) -> bool:
    """Send one notification; ``True`` when the desktop's notification server accepted it."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    try:
        from jeepney import DBusAddress, MessageType, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:
        return False
    address = DBusAddress(
        "/org/freedesktop/Notifications",
        bus_name="org.freedesktop.Notifications",
        interface="org.freedesktop.Notifications",
    )
    message = new_method_call(
        address,
        "Notify",
        "susssasa{sv}i",
        (APP_NAME, 0, "", title, body, [], {}, EXPIRE_MS),
    )
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(message, timeout=NOTIFY_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError, KeyError):
        return False
    return bool(reply.header.message_type == MessageType.method_return)


class Notifier:
    """A desktop notification where the desktop offers one, the terminal bell otherwise."""

    def __init__(
        self,
        *,
        bell: Callable[[], None],
        sound: bool,
        send: Callable[[str, str], bool] = desktop_notify,
    ) -> None:
        self.bell = bell
        self.sound = sound
        self.send = send
        self.sent: list[str] = []
        """Messages the desktop accepted (for the summary and tests)."""

    def __call__(self, message: str) -> None:
        if self.send("backcare", message):
            self.sent.append(message)
        elif self.sound:
            self.bell()
