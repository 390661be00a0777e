#!/usr/bin/env python3
"""`papergraph query` at a terminal, as a person types (issue #5: the prompt
with history and multi-line queries). Runs the command on a pseudo-terminal
over a database of the bundled examples and checks:

1. a query typed on one line answers;
2. a query continued over two lines with a trailing backslash answers;
3. the up arrow recalls the last query (the two-line one, now one line) and
   Enter runs it again;
4. the history is saved to $PAPERGRAPH_HISTORY on leaving, and a new session
   recalls the last query of the one before;
5. Ctrl-D leaves; the exit status is 0.

    tests/query_prompt_test.py build/cli/papergraph examples

Python 3 standard library only.
"""
import os
import pty
import select
import subprocess
import sys
import tempfile
import termios
import time

PG, EXAMPLES = sys.argv[1], sys.argv[2]
UP = "\x1b[A"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


class Session:
    """papergraph query on a pty. `out` is everything it printed since mark()."""

    def __init__(self, db, history):
        env = dict(os.environ, TERM="xterm", PAPERGRAPH_HISTORY=history, COLUMNS="200", LINES="50")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(PG, [PG, "--db", db, "query"], env)
        self.all = ""
        self.start = 0

    @property
    def out(self):
        return self.all[self.start:]

    def mark(self):
        self.start = len(self.all)

    def pump(self, seconds):
        """Reads what the program prints for up to `seconds`."""
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                self.all += os.read(self.fd, 65536).decode("utf-8", "replace")
            except OSError:  # the child closed the terminal
                time.sleep(seconds)

    def read_until(self, pattern, timeout=20):
        deadline = time.time() + timeout
        while pattern not in self.out and time.time() < deadline:
            self.pump(0.2)
        return pattern in self.out

    def at_prompt(self, timeout=20):
        """True once the last line shown is a prompt and editline has put the
        terminal in raw mode to read it. editline prints the prompt a moment
        before it leaves cooked mode; a Ctrl-D typed in that moment is taken
        by the cooked terminal and lost (CI's loaded machine hit it). No hand
        is that fast, so every key is typed when editline is reading."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            last = self.all[self.all.rfind("\n") + 1:]
            shown = "papergraph> " in last or "...> " in last
            if shown and not termios.tcgetattr(self.fd)[3] & termios.ICANON:
                return True
            self.pump(0.05)
        return False

    def type(self, keys):
        check(self.at_prompt(), f"a prompt before typing {keys!r}")
        self.mark()
        os.write(self.fd, keys.encode())

    def wait(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self.pump(0.2)  # keep the terminal drained
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        return None


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "db")
    history = os.path.join(tmp, "history")
    subprocess.run([PG, "--db", db, "import", EXAMPLES, "--site-root", os.path.join(EXAMPLES, "site")],
                   check=True, capture_output=True)
    count = subprocess.run([PG, "--db", db, "query", "org | count"], check=True, capture_output=True,
                           text=True).stdout.split()[2]  # "count", "-----", N, "(1 row)"

    s = Session(db, history)
    check(s.read_until("papergraph> "), "the prompt appears")
    s.type("org | count\r")
    check(s.read_until("(1 row)"), "a one-line query answers")
    s.type("topic \\\r")
    check(s.read_until("...> "), "a trailing backslash asks for more")
    s.type("| count\r")
    check(s.read_until("(1 row)"), "a query over two lines answers")
    topics = s.out
    s.type(UP)
    check(s.read_until("topic | count"), "the up arrow recalls the last query, on one line")
    s.type("\r")
    check(s.read_until("(1 row)"), "Enter runs the recalled query")
    check(s.out.count("(1 row)") == 1 and topics.split("-----")[-1].split()[0] in s.out,
          "the recalled query gives the same answer")
    s.type("\x04")  # Ctrl-D
    check(s.wait() == 0, "Ctrl-D leaves with status 0")
    # editline's file format writes a space as \\040.
    saved = open(history, encoding="utf-8").read().replace("\\040", " ") if os.path.exists(history) else ""
    check("org | count" in saved and "topic | count" in saved, f"the history is saved ({saved!r})")

    s = Session(db, history)
    check(s.read_until("papergraph> "), "a second session starts")
    s.type(UP + UP + "\r")
    check(s.read_until("(1 row)") and count in s.out.split("-----")[-1],
          "a new session recalls the queries of the last one")
    s.type(":quit\r")
    check(s.wait() == 0, ":quit leaves with status 0")

if failures:
    print(f"query_prompt: {len(failures)} check(s) failed")
    sys.exit(1)
print("query_prompt: every check passed")
