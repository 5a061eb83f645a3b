#!/usr/bin/env python3
"""Foundation benchmarks against the release binary (issue 2). Standard library + wrk only.

  1. start-up: spawn `agentdesk serve` on an empty SQLite database, time until /healthz answers 200
  2. idle RSS of the server a moment after start
  3. login latency (p50/p99) with 50 concurrent sign-ins, and the p99 of GET /api/v1/me measured
     at the same time on a separate connection

Writes a Markdown table to stdout. Everything runs on 127.0.0.1 and stops by itself.
"""
import json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "agentdesk")
STARTS = int(os.environ.get("BENCH_STARTS", "15"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def spawn(data_dir, port, demo=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGENTDESK_")}
    env.update(AGENTDESK_DATA_DIR=data_dir, AGENTDESK_LISTEN=f"127.0.0.1:{port}", RUST_LOG="warn")
    args = [BIN, "serve"] + (["--demo"] if demo else [])
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
            return r.status == 200
    except Exception:
        return False


def wait_healthy(port, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if healthy(port):
            return True
        time.sleep(0.002)
    raise SystemExit("server did not become healthy")


def startup_times():
    times = []
    for _ in range(STARTS):
        d = tempfile.mkdtemp(); port = free_port()
        t0 = time.monotonic(); p = spawn(d, port); wait_healthy(port)
        times.append((time.monotonic() - t0) * 1000)
        p.terminate(); p.wait(); shutil.rmtree(d)
    return times


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def parse_wrk(out):
    """Latency percentiles (ms) and request count from `wrk --latency` output."""
    def ms(v):
        n, unit = float(re.match(r"([\d.]+)", v).group(1)), re.sub(r"[\d.]", "", v)
        return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
    pct = {m.group(1): ms(m.group(2)) for m in re.finditer(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
    reqs = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return pct, reqs, int(non2xx.group(1)) if non2xx else 0


def main():
    if not os.path.exists(BIN):
        raise SystemExit("build first: cargo build --release -p agentdesk")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    starts = startup_times()

    d = tempfile.mkdtemp(); port = free_port(); p = spawn(d, port); wait_healthy(port)
    time.sleep(2)  # idle
    idle_empty = rss_kib(p.pid) / 1024
    p.terminate(); p.wait(); shutil.rmtree(d)

    d = tempfile.mkdtemp(); port = free_port(); p = spawn(d, port, demo=True); wait_healthy(port)
    time.sleep(2)  # idle
    idle_rss = rss_kib(p.pid) / 1024

    base = f"http://127.0.0.1:{port}"
    req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                 data=json.dumps({"email": "agent1@demo.test", "password": "demo-password-1"}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
    lua = os.path.join(d, "login.lua")
    with open(lua, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                'wrk.body = \'{"email":"agent2@demo.test","password":"demo-password-1"}\'\n')
    single = subprocess.run(["wrk", "-t1", "-c1", "-d5s", "--latency", "-s", lua, base + "/api/v1/auth/login"],
                            stdout=subprocess.PIPE, text=True, check=True).stdout
    login = subprocess.Popen(["wrk", "-t2", "-c50", f"-d{SECONDS}s", "--timeout", "10s", "--latency", "-s", lua,
                              base + "/api/v1/auth/login"], stdout=subprocess.PIPE, text=True)
    time.sleep(1)  # let the login load build up first
    me = subprocess.run(["wrk", "-t1", "-c1", f"-d{SECONDS - 2}s", "--latency", "-H", f"Cookie: {cookie}",
                         base + "/api/v1/me"], stdout=subprocess.PIPE, text=True, check=True).stdout
    login_out = login.communicate()[0]
    peak_rss = rss_kib(p.pid) / 1024
    p.terminate(); p.wait(); shutil.rmtree(d)

    sp, sreqs, sbad = parse_wrk(single)
    lp, lreqs, lbad = parse_wrk(login_out)
    mp, mreqs, mbad = parse_wrk(me)
    cpu = os.cpu_count()
    print(f"| measure | result | goal |")
    print(f"|---|---|---|")
    print(f"| start → `/healthz` 200, empty SQLite ({STARTS} starts) | median {statistics.median(starts):.0f} ms, max {max(starts):.0f} ms | ≤ 300 ms |")
    print(f"| idle RSS after start, empty database | {idle_empty:.1f} MB | ≤ 30 MB |")
    print(f"| idle RSS after start with `--demo` | {idle_rss:.1f} MB | ≤ 30 MB |")
    print(f"| login, one at a time for 5 s ({sreqs} sign-ins, {sbad} non-2xx) | p50 {sp['50']:.0f} ms, p99 {sp['99']:.0f} ms | — |")
    print(f"| login, 50 concurrent for {SECONDS} s ({lreqs} sign-ins, {lreqs / SECONDS:.0f}/s, {lbad} non-2xx) | p50 {lp['50']:.0f} ms, p99 {lp['99']:.0f} ms | — |")
    print(f"| `GET /api/v1/me` during those logins ({mreqs} requests, {mbad} non-2xx) | p50 {mp['50']:.2f} ms, p99 {mp['99']:.2f} ms | p99 ≤ 20 ms |")
    print(f"| RSS at the end of the load | {peak_rss:.1f} MB | — |")
    print(f"\n{cpu} cores; argon2id m=19456 KiB t=2 p=1; wrk 2 threads × 50 connections for logins, 1 connection for /me.")


if __name__ == "__main__":
    main()
