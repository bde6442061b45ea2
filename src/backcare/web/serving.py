"""``HTTP_PROTOCOL``: the HTTP protocol ``backcare serve`` (and the load benchmark) gives uvicorn:
uvicorn's own, with Nagle's algorithm off on every connection.

asyncio turns Nagle off (``TCP_NODELAY``) only on sockets it knows to be TCP. With
``--workers`` uvicorn makes the listening socket itself as ``socket.socket(family)``, whose
protocol number reads 0, so the connections it accepts keep Nagle on. uvicorn writes a
response's headers and its body separately; with Nagle on, a small body then waits for the
client to acknowledge the headers, and clients delay that acknowledgement by up to 40 ms. So
every small answer on a kept-alive connection took about 40 ms more than its work (measured:
``GET /api/health`` 44 ms with two workers, 4 ms with this protocol).
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

HTTP_PROTOCOL = "backcare.web.serving:NoDelayH11Protocol"
"""For ``uvicorn.run(http=…)`` and ``uvicorn --http``."""


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol that turns Nagle's algorithm off on its TCP connection."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        no_delay(transport)
        super().connection_made(transport)


def no_delay(transport: asyncio.BaseTransport) -> None:
    """``TCP_NODELAY`` on the transport's socket, if it is an internet socket (not Unix)."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
