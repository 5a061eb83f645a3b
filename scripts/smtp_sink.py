#!/usr/bin/env python3
"""A real SMTP server for the delivery tests (aiosmtpd): accepts every message and writes it to
OUTDIR as a JSON file {"mail_from", "rcpt_tos", "data"} (written to a temporary name, then renamed,
so a reader never sees half a file). Runs until killed.

    smtp_sink.py OUTDIR [--host 127.0.0.1] [--port 0]

The first line on standard output is "listening HOST:PORT" (with port 0 the system picks one).
"""

import argparse
import asyncio
import itertools
import json
import os
import signal

from aiosmtpd.smtp import SMTP


class FileSink:
    def __init__(self, outdir):
        self.outdir = outdir
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": raw.decode("utf-8", "replace"),
        }
        final = os.path.join(self.outdir, f"{n:06d}.json")
        temp = os.path.join(self.outdir, f".{n:06d}.json.tmp")
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, final)
        return "250 Message accepted for delivery"


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)

    handler = FileSink(args.outdir)
    loop = asyncio.get_running_loop()
    # A fixed server hostname: the default looks up the machine's FQDN, which can be slow.
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink.test"), args.host, args.port
    )
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening {host}:{port}", flush=True)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
