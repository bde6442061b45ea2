"""The HTTP protocol ``backcare serve`` gives uvicorn turns Nagle's algorithm off on every
connection, also on the kind of listening socket uvicorn makes for ``--workers`` (where
asyncio's own default does not reach)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from backcare.web.serving import HTTP_PROTOCOL, NoDelayH11Protocol

WAIT_S = 30.0


async def _tiny_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Any ASGI app will do: what is tested is the connection under it."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


@contextmanager
def _served(protocol: type[H11Protocol]) -> Iterator[tuple[uvicorn.Server, int]]:
    """uvicorn on a listening socket made the way uvicorn makes it for ``--workers``."""
    sock = socket.socket(family=socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(_tiny_app, http=protocol, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    started = threading.Event()
    while not server.started and thread.is_alive():
        started.wait(0.02)
    try:
        yield server, sock.getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(WAIT_S)
        sock.close()


def _server_side_no_delay(protocol: type[H11Protocol]) -> set[int]:
    """TCP_NODELAY on the server's end of each kept-alive connection after one request."""
    with _served(protocol) as (server, port), httpx.Client() as client:
        assert client.get(f"http://127.0.0.1:{port}/").text == "ok"
        return {
            connection.transport.get_extra_info("socket").getsockopt(
                socket.IPPROTO_TCP, socket.TCP_NODELAY
            )
            for connection in server.server_state.connections
        }


def test_every_connection_has_nagle_off() -> None:
    assert _server_side_no_delay(NoDelayH11Protocol) == {1}


def test_uvicorns_own_protocol_leaves_nagle_on_there() -> None:
    """Why the protocol exists: on this socket uvicorn's default keeps Nagle on (if a later
    uvicorn fixes that, this fails and the protocol can go)."""
    assert _server_side_no_delay(H11Protocol) == {0}


def test_the_import_string_names_the_protocol() -> None:
    """``backcare serve`` and the load benchmark pass the string, not the class."""
    module, _, attribute = HTTP_PROTOCOL.partition(":")
    assert getattr(__import__(module, fromlist=[attribute]), attribute) is NoDelayH11Protocol
