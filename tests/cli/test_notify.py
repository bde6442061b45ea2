"""Desktop notifications over a real session D-Bus (a private ``dbus-daemon``) to a small
notification server on that bus, and the terminal bell when there is no bus or no server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from backcare.cli.notify import Notifier, desktop_notify

DBUS_DAEMON = shutil.which("dbus-daemon")


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if DBUS_DAEMON is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        [
            DBUS_DAEMON,
            "--session",
            "--nofork",
            "--print-address=1",
            "--address",
            f"unix:path={tmp_path / 'bus'}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        if daemon.stdout is not None:
            daemon.stdout.close()


def serve_notifications(received: list[tuple[str, str]], ready: threading.Event) -> None:
    """A freedesktop notification server: owns the name, answers one ``Notify`` with an id."""
    from jeepney import HeaderFields, MessageType, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus="SESSION") as connection:
        connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
        ready.set()
        while True:
            message = connection.receive(timeout=10)
            fields = message.header.fields
            if (
                message.header.message_type == MessageType.method_call
                and fields.get(HeaderFields.member) == "Notify"
            ):
                _, _, _, title, body, *_ = message.body
                received.append((title, body))
                connection.send(new_method_return(message, "u", (1,)))
                return


def test_a_notification_reaches_the_desktop_over_d_bus(session_bus: str) -> None:
    received: list[tuple[str, str]] = []
    ready = threading.Event()
    server = threading.Thread(target=serve_notifications, args=(received, ready), daemon=True)
    server.start()
    assert ready.wait(10)
    rings: list[str] = []
    notify = Notifier(bell=lambda: rings.append("bell"), sound=True)
    notify("Time for a movement break: Neck stretch")
    server.join(10)
    assert received == [("backcare", "Time for a movement break: Neck stretch")]
    assert notify.sent == ["Time for a movement break: Neck stretch"]
    assert rings == []


def test_without_a_notification_server_the_bell_rings(session_bus: str) -> None:
    assert desktop_notify("backcare", "hello") is False
    rings: list[str] = []
    Notifier(bell=lambda: rings.append("bell"), sound=True)("Time for a break")
    assert rings == ["bell"]


def test_without_a_session_bus_the_bell_rings_and_no_sound_means_silence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert desktop_notify("backcare", "hello") is False
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert desktop_notify("backcare", "hello") is False
    rings: list[str] = []
    Notifier(bell=lambda: rings.append("bell"), sound=False)("quiet")
    assert rings == []


def test_jeepney_is_optional() -> None:
    """The reminder module imports without jeepney: it is only imported inside the call."""
    code = "import sys; sys.modules['jeepney'] = None; import backcare.cli.breaks"
    env = os.environ | {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            code + "; from backcare.cli.notify import desktop_notify; "
            "assert desktop_notify('a', 'b') is False",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
