#!/usr/bin/env python3
"""The command line beside a running import (issue #8, DESIGN §3), with
separate processes as a user runs them:

1. Readers during imports. While `papergraph import` replaces every post
   again and again (version A, then B, with other papers and labs),
   `papergraph export`, `papergraph query` (one-shot, and a stdin session
   that catches up before each query) and `papergraph check` run in a loop:
   every post they show is wholly in A or wholly in B, and check passes.
2. Two importers on an existing database: the second exits 1 at once,
   naming the first (pid and command), creates no file (not even a rotated
   RocksDB info log), and the database ends as the first import alone makes
   it (`papergraph export`, byte for byte).
3. Two importers started together on a new database: one creates and
   imports, the other exits 1 saying the database is in use; the result is
   the winner's import alone.

    tests/concurrency_cli_test.py build/cli/papergraph

Python 3 standard library only; prints the figures docs/reliability.md quotes.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time

PG = sys.argv[1]
POSTS = 120
ROUNDS = 12  # imports during part 1: B, A, B, ...
ORGS = ["google", "nvidia", "bytedance", "meta", "microsoft", "alibaba", "deepmind", "openai"]
TOPICS = ["looped transformer", "speculative decoding", "mixture of experts", "sparse attention",
          "linear attention", "rotary position embedding"]

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def papers(i, version):
    """(arxiv id, title, org) of post i in a version."""
    if version == "A":
        return [(f"2601.{10000 + i:05d}", f"Alpha Study {i} One", ORGS[i % 8]),
                (f"2601.{20000 + i:05d}", f"Alpha Study {i} Two", ORGS[(i + 1) % 8])]
    return [(f"2602.{10000 + i:05d}", f"Beta Study {i} One", ORGS[(i + 3) % 8]),
            (f"2602.{30000 + i:05d}", f"Beta Study {i} Three", ORGS[(i + 6) % 8])]


def doc(i):
    return f"docs/papers/y2025/oct/post-{i:04d}.md"


def write_posts(root, count, version):
    for i in range(count):
        text = f"# 2025-10-{1 + i % 28:02d} papers review\n\n"
        for k, (arxiv, title, org) in enumerate(papers(i, version)):
            text += f"## {k + 1}. [{title}](https://huggingface.co/papers/{arxiv}) `{org}`\n\n"
            text += (f"This paper studies {TOPICS[(i + k) % 6]} and {TOPICS[(i + k + 2) % 6]}. "
                     "It reports results on reasoning benchmarks.\n\n")
            if k == 0 and i > 0:
                prev = papers(i - 1, version)[0]
                slug = f"1-{prev[1]}-{prev[2]}".lower().replace(" ", "-")
                text += f"[이전 글](/{doc(i - 1)[:-3]}#{slug}) 의 후속 연구.\n\n"
        path = os.path.join(root, doc(i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def expected(i, version):
    return sorted((f"arxiv:{a}", f"org:{o}") for a, _, o in papers(i, version))


def pg(*args, **kw):
    return subprocess.run([PG, *args], capture_output=True, text=True, **kw)


def import_cmd(db, root):
    return [PG, "--db", db, "import", "-q", "--root", root, root]


def labs_in_export(export):
    """post id -> sorted (paper, org) pairs, from a plain JSON export."""
    reviews, affiliated = {}, {}
    for e in export["edges"]:
        if e["kind"] == "reviews":
            reviews.setdefault(e["source"], []).append(e["target"])
        elif e["kind"] == "affiliated":
            affiliated.setdefault(e["source"], []).append(e["target"])
    out = {}
    for post, ps in reviews.items():
        out[post] = sorted((p, o) for p in ps for o in affiliated.get(p, []))
    return out


def labs_in_rows(result):
    return sorted((row[-2]["id"], row[-1]["id"]) for row in result["rows"])


def part1(work, a, b):
    db = os.path.join(work, "live.db")
    subprocess.run(import_cmd(db, a), check=True, capture_output=True)
    done = threading.Event()
    counts = {"exports": 0, "export_docs": 0, "mixed_exports": 0, "queries": 0, "session_queries": 0,
              "checks": 0, "a": 0, "b": 0}
    lock = threading.Lock()

    def judge(i, labs, where):
        if labs == expected(i, "A"):
            return "a"
        if labs == expected(i, "B"):
            return "b"
        check(False, f"{where}: post {i} is neither version: {labs}")
        return None

    def exporter():
        while not done.is_set():
            r = pg("--db", db, "export", "--format", "json")
            if r.returncode != 0:
                check(False, f"export failed: {r.stderr[-300:]}")
                continue
            labs = labs_in_export(json.loads(r.stdout))
            seen = set()
            for i in range(POSTS):
                seen.add(judge(i, labs.get("post:" + doc(i), []), "export"))
            with lock:
                counts["exports"] += 1
                counts["export_docs"] += POSTS
                counts["mixed_exports"] += len(seen - {None}) > 1

    def querier():
        rnd = random.Random(1)
        while not done.is_set():
            i = rnd.randrange(POSTS)
            r = pg("--db", db, "query", f'post:"{doc(i)}" -reviews-> paper -affiliated-> org', "--format", "json")
            if r.returncode != 0:
                check(False, f"query failed: {r.stderr[-300:]}")
                continue
            v = judge(i, labs_in_rows(json.loads(r.stdout)), "query")
            r = pg("--db", db, "check")
            check(r.returncode == 0, f"check during an import: {r.stdout[-300:]}{r.stderr[-300:]}")
            with lock:
                counts["queries"] += 1
                counts["checks"] += 1
                if v:
                    counts[v] += 1

    def session():
        # One process, many queries: it catches up before each one.
        p = subprocess.Popen([PG, "--db", db, "query", "--format", "json"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        decoder = json.JSONDecoder()
        rnd = random.Random(2)
        buf = ""
        while not done.is_set():
            i = rnd.randrange(POSTS)
            p.stdin.write(f'post:"{doc(i)}" -reviews-> paper -affiliated-> org\n')
            p.stdin.flush()
            obj = None
            while obj is None:
                line = p.stdout.readline()
                if not line:
                    check(False, f"query session ended: {p.stderr.read()[-300:]}")
                    return
                buf += line
                try:
                    obj, end = decoder.raw_decode(buf.lstrip())
                    buf = ""
                except ValueError:
                    pass
            v = judge(i, labs_in_rows(obj), "query session")
            with lock:
                counts["session_queries"] += 1
                if v:
                    counts[v] += 1
        p.stdin.close()
        p.wait(timeout=30)

    readers = [threading.Thread(target=f) for f in (exporter, querier, session)]
    for t in readers:
        t.start()
    t0 = time.monotonic()
    for r in range(ROUNDS):
        res = subprocess.run(import_cmd(db, b if r % 2 == 0 else a), capture_output=True, text=True)
        check(res.returncode == 0, f"import round {r}: {res.stderr[-300:]}")
    done.set()
    for t in readers:
        t.join()
    print(f"1. {ROUNDS} imports of {POSTS} posts in {time.monotonic() - t0:.1f} s; meanwhile "
          f"{counts['exports']} exports ({counts['export_docs']} posts judged, {counts['mixed_exports']} exports "
          f"taken half way through an import), {counts['queries']} one-shot queries, {counts['session_queries']} "
          f"session queries ({counts['a']} answers in A, {counts['b']} in B), {counts['checks']} checks: "
          f"every post wholly A or B", flush=True)
    check(counts["exports"] > 0 and counts["queries"] > 0 and counts["session_queries"] > 0, "readers ran")


def part2(work, big, small):
    db = os.path.join(work, "two.db")
    subprocess.run(import_cmd(db, small), check=True, capture_output=True)  # an existing database
    clean = os.path.join(work, "clean-big.db")
    subprocess.run(import_cmd(clean, small), check=True, capture_output=True)
    subprocess.run(import_cmd(clean, big), check=True, capture_output=True)
    want = pg("--db", clean, "export", "--format", "json").stdout
    first = subprocess.Popen(import_cmd(db, big), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    owner = os.path.join(db, "OWNER")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and first.poll() is None:
        try:
            with open(owner) as f:
                if f.read().startswith(f"pid {first.pid}:"):
                    break
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    check(first.poll() is None, "the first import finished before the second could start: make it longer")
    before = sorted(os.listdir(db))
    t0 = time.monotonic()
    second = pg("--db", db, "import", "-q", os.path.join(work, "a"))
    secs = time.monotonic() - t0
    after = sorted(os.listdir(db))
    still_running = first.poll() is None
    out, err = first.communicate(timeout=300)
    print(f"2. second importer: exit {second.returncode} in {secs * 1000:.0f} ms: {second.stderr.strip()}",
          flush=True)
    check(still_running, "the first import was still running when the second was refused")
    check(second.returncode == 1, f"second importer exit status {second.returncode}")
    check(f"in use by another writer (pid {first.pid}: papergraph import)" in second.stderr,
          f"second importer message: {second.stderr!r}")
    new_files = [f for f in after if f not in before and (f.startswith("LOG") or not f[0].isdigit())]
    check(not new_files, f"the second importer created {new_files}")
    check(first.returncode == 0, f"first import: {err[-300:]}")
    got = pg("--db", db, "export", "--format", "json").stdout
    check(got == want, "the database after both equals the first import alone")
    check(pg("--db", db, "check").returncode == 0, "check after two importers")


def part3(work, a, b):
    want = {}
    for name, root in (("A", a), ("B", b)):
        db = os.path.join(work, f"clean-{name}.db")
        subprocess.run(import_cmd(db, root), check=True, capture_output=True)
        want[name] = pg("--db", db, "export", "--format", "json").stdout
    wins = {"A": 0, "B": 0}
    trials = 6
    for t in range(trials):
        db = os.path.join(work, f"new-{t}.db")
        procs = {name: subprocess.Popen(import_cmd(db, root), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True) for name, root in (("A", a), ("B", b))}
        results = {name: (p.wait(timeout=300), p.stderr.read()) for name, p in procs.items()}
        winners = [n for n, (code, _) in results.items() if code == 0]
        losers = [n for n, (code, _) in results.items() if code != 0]
        if len(winners) == 2:
            # The first finished before the second opened: a valid outcome, both imported in turn.
            continue
        check(len(winners) == 1, f"trial {t}: exit statuses {[(n, c, e[-200:]) for n, (c, e) in results.items()]}")
        if len(winners) != 1:
            continue
        code, err = results[losers[0]]
        check(code == 1 and "in use by another writer" in err, f"trial {t}: the loser said {err!r}")
        check(pg("--db", db, "check").returncode == 0, f"trial {t}: check")
        check(pg("--db", db, "export", "--format", "json").stdout == want[winners[0]],
              f"trial {t}: the database is not the winner's import alone")
        wins[winners[0]] += 1
    print(f"3. two importers started together on a new database, {trials} trials: one won each time "
          f"(A {wins['A']}, B {wins['B']}, the rest ran in turn); the other exited 1, in use", flush=True)


def main():
    with tempfile.TemporaryDirectory(prefix="papergraph-cli-concurrency-") as work:
        a, b, big = (os.path.join(work, n) for n in ("a", "b", "big"))
        write_posts(a, POSTS, "A")
        write_posts(b, POSTS, "B")
        write_posts(big, 1500, "B")
        part1(work, a, b)
        part2(work, big, os.path.join(work, "a"))
        part3(work, a, b)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("cli concurrency: all checks passed")


if __name__ == "__main__":
    main()
