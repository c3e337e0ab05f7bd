"""`marsad serve [--db URL] [--host H] [--port P]`: the REST API and the Arabic web interface."""
from __future__ import annotations

import argparse
import os

from ..errors import MarsadError


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the REST API and the web interface over a corpus")
    p.add_argument("--db", metavar="URL", default="marsad.db",
                   help="corpus to serve: a SQLite file (default marsad.db), sqlite:///PATH (created if missing) "
                        "or postgresql://…")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise MarsadError(f"--port {args.port} is not a TCP port")
    db = args.db
    if "://" not in db and not os.path.exists(db):
        raise MarsadError(f"{db}: no such database (fill one with `marsad ingest PATH --db {db}`, "
                          f"or start an empty one with --db sqlite:///{db})")
    _check_listen(args.host, args.port)
    import uvicorn

    from ..web.app import create_app

    app = create_app(db=db)
    where = db
    token = "writes enabled (MARSAD_API_TOKEN)" if os.environ.get("MARSAD_API_TOKEN") else "read-only (set MARSAD_API_TOKEN to allow POST /api/articles)"
    print(f"marsad: serving {where} on http://{args.host}:{args.port}/ — {token}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _check_listen(host: str, port: int) -> None:
    """Fail with one line now, rather than through the server's log, when the address is taken or bad."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as e:
        raise MarsadError(f"--host {host!r}: {e.strerror or e}") from None
    family, kind, proto, _name, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as e:
            raise MarsadError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
