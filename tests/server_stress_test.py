#!/usr/bin/env python3
"""`papergraph serve` under stress (issue #8): slow clients, many connections,
huge requests, expensive queries. The server must stay up, answer every
well-formed request within a bound while all this goes on, refuse what is
too big at once, time out what is too slow, keep its memory bounded, and
still give the right /api/stats at the end. Prints the figures that
docs/reliability.md quotes.

    tests/server_stress_test.py build/cli/papergraph SOURCE_DIR SHARED_DIR

Python 3 standard library only. The database: 300 generated posts when
SHARED_DIR/tools/gen_corpus.py exists, else SOURCE_DIR/examples.
"""
import http.client
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PG, SOURCE, SHARED = sys.argv[1], sys.argv[2], sys.argv[3]
# AddressSanitizer keeps freed memory in quarantine (256 MB) and shadows the rest.
SANITIZED = "--sanitized" in sys.argv[4:]
RSS_GROWTH_MB = 600 if SANITIZED else 150
RSS_PEAK_MB = 1500 if SANITIZED else 600
RSS_REPEAT_MB = 300 if SANITIZED else 30
SLOW_HALF = 150        # connections that send half a request and stall
SLOW_TRICKLE = 50      # connections that send a request one byte at a time
IDLE = 100             # connections that send nothing
MANY = 400             # concurrent connections, each with a full request
ANSWER_BOUND = 3.0     # seconds for a cheap request while the server is under attack
EXPENSIVE_BOUND = 12.0  # seconds for a query that hits a bound (5 s query timeout + margin)
REQUEST_TIMEOUT = 5.0  # the server's default (ServerOptions::request_timeout_ms)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def rss(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:", "Threads:")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0])
    return out


def open_fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def get(port, path, timeout=30.0, headers=None):
    """One GET on a new connection: (status, body, seconds); status is a string on failure."""
    start = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        body = r.read()
        return r.status, body, time.monotonic() - start
    except (OSError, http.client.HTTPException) as e:
        return f"no answer ({e})", b"", time.monotonic() - start
    finally:
        conn.close()


def raw(port, data, timeout=10.0):
    """Sends raw bytes, returns (status line, seconds) of the answer."""
    start = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before taking it all
        buf = b""
        while b"\r\n" not in buf:
            chunk = s.recv(4096)
            if not chunk:
                break
            buf += chunk
        return buf.split(b"\r\n", 1)[0].decode("latin-1"), time.monotonic() - start
    except (ConnectionResetError, socket.timeout) as e:
        return f"error: {e}", time.monotonic() - start
    finally:
        s.close()


def q(text):
    return "/api/query?q=" + urllib.parse.quote(text)


def burst(port):
    """MANY connections at once, each with one request: (answered 200, seconds)."""
    sel = selectors.DefaultSelector()
    t0 = time.monotonic()
    conns = []
    for i in range(MANY):
        s = socket.create_connection(("127.0.0.1", port))
        path = "/api/stats" if i % 2 == 0 else "/api/search?prefix=" + "abcdefghij"[i % 10]
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, [b""])
        conns.append(s)
    done, ok200 = 0, 0
    deadline = time.monotonic() + 30
    while done < MANY and time.monotonic() < deadline:
        for key, _ in sel.select(timeout=1):
            try:
                chunk = key.fileobj.recv(65536)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                chunk = b""
            if chunk:
                key.data[0] += chunk
                continue
            sel.unregister(key.fileobj)
            done += 1
            if key.data[0].startswith(b"HTTP/1.1 200"):
                ok200 += 1
    secs = time.monotonic() - t0
    for s in conns:
        s.close()
    sel.close()
    return ok200, secs


def build_db(work):
    db = os.path.join(work, "db")
    gen = os.path.join(SHARED, "tools", "gen_corpus.py")
    if os.path.isfile(gen):
        subprocess.run([sys.executable, gen, "--posts", "300", "--seed", "7", "--out", os.path.join(work, "gen")],
                       check=True, stdout=subprocess.DEVNULL)
        posts = os.path.join(work, "gen", "posts")
    else:
        posts = os.path.join(SOURCE, "examples")
    subprocess.run([PG, "--db", db, "import", "-q", posts], check=True, stderr=subprocess.DEVNULL)
    return db


def main():
    work = tempfile.mkdtemp(prefix="papergraph-stress-")
    db = build_db(work)
    env = dict(os.environ)
    if SANITIZED:
        # ASan keeps freed memory in a quarantine (256 MB by default) before reusing it, so RSS
        # after a burst measured ASan, not the server: keep the quarantine small.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "quarantine_size_mb=16"]))
    server = subprocess.Popen([PG, "--db", db, "serve", "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = server.stdout.readline()
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        run(server.pid, port)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
            check(code == 0, f"serve exited with {code}: {server.stderr.read()[-500:]}")
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "serve did not stop on SIGTERM within 20 s")
        subprocess.run(["rm", "-rf", work])
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("server stress: all checks passed")


def run(pid, port):
    status, body, _ = get(port, "/api/stats")
    check(status == 200, "/api/stats answers")
    stats0 = json.loads(body)
    # Warm up: the graph snapshot, the caches, the thread pool.
    for path in ["/", "/app.js", q("org - paper | count by org"), "/api/search?prefix=a",
                 q("related paper | top 3")]:
        get(port, path)
    mem0 = rss(pid)
    fds0 = open_fds(pid)
    print(f"server pid {pid} port {port}: {stats0['documents']} documents; RSS {mem0['VmRSS']} kB "
          f"(peak {mem0['VmHWM']} kB), {mem0['Threads']} threads, {fds0} fds", flush=True)
    t_start = time.monotonic()

    # 1. Slow clients: half requests, byte-at-a-time requests, idle connections. They stay
    #    open during phases 2-4, which must be answered as if they were not there.
    half, trickle, idle = [], [], []
    for i in range(SLOW_HALF):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        half.append(s)
    for i in range(SLOW_TRICKLE):
        trickle.append(socket.create_connection(("127.0.0.1", port)))
    for i in range(IDLE):
        idle.append(socket.create_connection(("127.0.0.1", port)))
    held_at = time.monotonic()
    stop_trickle = threading.Event()
    trickled = [0]

    def trickler():
        request = b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Pad: " + b"a" * 200 + b"\r\n\r\n"
        k = 0
        while not stop_trickle.is_set() and k < len(request):
            for s in trickle:
                try:
                    s.send(request[k:k + 1])
                    trickled[0] += 1
                except OSError:
                    pass
            k += 1
            stop_trickle.wait(0.25)

    tt = threading.Thread(target=trickler)
    tt.start()
    time.sleep(0.5)
    slow_total = SLOW_HALF + SLOW_TRICKLE + IDLE
    status, body, secs = get(port, "/api/stats", timeout=ANSWER_BOUND + 5)
    print(f"1. {slow_total} slow connections held ({SLOW_HALF} half requests, {SLOW_TRICKLE} trickling, "
          f"{IDLE} idle): /api/stats answered {status} in {secs * 1000:.0f} ms", flush=True)
    check(status == 200 and secs < ANSWER_BOUND, f"answer beside slow clients: {status} in {secs:.2f} s")

    # 2. Many connections at once, each with a whole request.
    ok200, many_secs = burst(port)
    print(f"2. {MANY} concurrent connections, one request each: {ok200} answered 200 in {many_secs:.2f} s "
          f"({MANY / many_secs:.0f} requests/s), beside the slow ones", flush=True)
    check(ok200 == MANY, f"{MANY - ok200} of {MANY} concurrent requests not answered 200")
    check(many_secs < 20, f"{MANY} concurrent requests took {many_secs:.1f} s")

    # 3. Huge requests: refused at once, without reading them whole.
    cases = [
        ("URL of 9 KB", b"GET /api/query?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "414"),
        ("URL of 512 KB", b"GET /api/query?q=" + b"a" * (512 << 10) + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "414"),
        ("100 KB of headers", b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
         b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 1000) for i in range(100)) + b"\r\n", "431"),
        ("body of 100 MB declared", b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 104857600\r\n\r\n" +
         b"x" * 65536, "413"),
        ("chunked body", b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
         "413"),
        ("query of 5 KB", b"GET " + q("org:" + "x" * 5000).encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "400"),
        ("garbage request line", b"\x00\x01\x02 nonsense\r\n\r\n", "400"),
    ]
    for name, data, want in cases:
        line, secs = raw(port, data)
        print(f"3. {name}: {line!r} in {secs * 1000:.0f} ms", flush=True)
        check(want in line and secs < ANSWER_BOUND, f"{name}: wanted {want} within {ANSWER_BOUND} s, got {line!r} "
                                                   f"in {secs:.2f} s")

    # 4. Deep paths and expensive queries: a bounded error or a bounded answer.
    _, found, _ = get(port, "/api/search?prefix=a&kind=paper")
    paper = json.loads(found)["results"][0]["id"]
    queries = [
        ("neighbors depth 50", "/api/neighbors?id=org:google&depth=50", {400}),
        ("links_to*1..1000", q("paper -links_to*1..1000-> paper"), {400}),
        ("*1..6 over every edge", q("paper -*1..6- * | count"), {200, 400}),
        ("four-way join", q("paper -- org -- paper -- topic -- paper | count"), {200, 400}),
        ("path between far nodes", q("path org:google to topic:\"speculative decoding\""), {200, 400, 404}),
        ("path max 100000 all", q("path org:google to org:nvidia max 100000 all"), {200, 400}),
        ("related with top 100", f"/api/related?id={urllib.parse.quote(paper)}&top=100", {200}),
        ("export of everything", "/api/export?format=json", {200}),
        ("node with an 8 KB id", "/api/node/" + "x" * 8000, {400, 404, 414}),
        ("path 4000 segments deep", "/" + "a/" * 4000, {404, 414}),
        ("API path 2000 segments deep", "/api/node/" + "a/" * 2000, {400, 404, 414}),
    ]
    results = [None] * len(queries)

    def run_query(i, path):
        try:
            results[i] = get(port, path, timeout=EXPENSIVE_BOUND + 10)
        except Exception as e:  # noqa: BLE001 - reported as a failure below
            results[i] = (f"error {e}", b"", 99)

    threads = [threading.Thread(target=run_query, args=(i, p)) for i, (_, p, _) in enumerate(queries)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    # A cheap request while they all run.
    status, _, secs = get(port, "/api/stats", timeout=EXPENSIVE_BOUND + 10)
    print(f"4. while {len(queries)} expensive requests run: /api/stats {status} in {secs * 1000:.0f} ms", flush=True)
    check(status == 200 and secs < EXPENSIVE_BOUND, f"cheap request beside expensive ones: {secs:.2f} s")
    for t in threads:
        t.join()
    for (name, _, allowed), (status, body, secs) in zip(queries, results):
        msg = ""
        if status != 200 and body:
            try:
                msg = json.loads(body).get("code", "")
            except ValueError:
                msg = body[:60]
        print(f"   {name}: {status} {msg} in {secs * 1000:.0f} ms", flush=True)
        check(status in allowed and secs < EXPENSIVE_BOUND, f"{name}: {status} in {secs:.2f} s")

    # 5. The slow clients: timed out (408) or closed by now, none served.
    stop_trickle.set()
    tt.join()
    wait = REQUEST_TIMEOUT + 2 - (time.monotonic() - held_at)
    if wait > 0:
        time.sleep(wait)
    closed, got408 = 0, 0
    for s in half + trickle + idle:
        s.settimeout(2)
        try:
            data = s.recv(4096)
            closed += 1
            if data.startswith(b"HTTP/1.1 408"):
                got408 += 1
        except socket.timeout:
            pass
        except OSError:
            closed += 1
        s.close()
    print(f"5. slow connections closed by the server after {REQUEST_TIMEOUT:.0f} s: {closed} of {slow_total} "
          f"({got408} with 408 Request Timeout; {trickled[0]} bytes trickled)", flush=True)
    check(closed == slow_total, f"{slow_total - closed} slow connections still open after the timeout")
    check(got408 >= SLOW_HALF, f"only {got408} half requests got 408")

    # 6. Memory and the final answer.
    mem1 = rss(pid)
    fds1 = open_fds(pid)
    status, body, secs = get(port, "/api/stats")
    stats1 = json.loads(body)
    server_counts = stats1.pop("server", {})
    stats0.pop("server", None)
    elapsed = time.monotonic() - t_start
    print(f"6. after {elapsed:.1f} s: RSS {mem0['VmRSS']} -> {mem1['VmRSS']} kB, peak {mem1['VmHWM']} kB, "
          f"{mem1['Threads']} threads, fds {fds0} -> {fds1}; server counters {json.dumps(server_counts)}", flush=True)
    check(status == 200 and stats1 == stats0, "/api/stats after the stress equals the one before")
    # Generous: the data set is a few MB; ASan builds double what they hold.
    check(mem1["VmRSS"] < mem0["VmRSS"] + RSS_GROWTH_MB * 1024, f"RSS grew by more than {RSS_GROWTH_MB} MB")
    check(mem1["VmHWM"] < RSS_PEAK_MB * 1024, f"peak RSS above {RSS_PEAK_MB} MB")
    check(fds1 <= fds0 + 5, f"{fds1 - fds0} file descriptors more than before: connections leak")

    # 7. Memory stays put under repeated bursts: what one burst leaves, the next reuses.
    for _ in range(3):
        ok200, _ = burst(port)
        check(ok200 == MANY, f"a later burst: {MANY - ok200} of {MANY} not answered 200")
    mem2 = rss(pid)
    print(f"7. three more bursts of {MANY} connections: RSS {mem1['VmRSS']} -> {mem2['VmRSS']} kB, "
          f"peak {mem2['VmHWM']} kB", flush=True)
    check(mem2["VmRSS"] < mem1["VmRSS"] + RSS_REPEAT_MB * 1024,
          f"RSS grew by more than {RSS_REPEAT_MB} MB over three more bursts")


if __name__ == "__main__":
    main()
