#!/usr/bin/env python3
"""Pseudo-terminal smoke test of segmenta's line editing (GNU readline): completion, Ctrl-C, Ctrl-D, history.

Usage: python3 Tests/EndToEndTests/pty_smoke.py PATH/TO/segmenta [options] [-- extra segmenta arguments]

Drives the real binary in a pseudo-terminal with a temporary HOME (so history goes to a throw-away
~/.segmenta_history) as a user would:

  run 1: the prompt appears; "hel" + TAB completes to "help"; Enter runs it and a new prompt appears;
         "datas" + Ctrl-C gives a fresh prompt and the process lives; "datasets" + Enter is accepted
         (so the half-typed line really was discarded); Ctrl-D on the empty line exits with status 0;
         the history file holds "help" and "datasets" and not the interrupted "datas".
  run 2: Up-arrow recalls "datasets" from the history file; Ctrl-U; each --long command (after the --setup
         commands) is stopped by Ctrl-C within 3 s, the process lives, the journal records it as
         "# interrupted:", and each --unchanged command prints the same before and after; Ctrl-D exits with 0.

Output is matched after removing terminal escape sequences (readline 8 wraps prompts in bracketed-paste
codes). Every wait has a timeout. Prints one line per check and an "N passed, M failed" summary;
exits 1 if any check failed. Standard library only.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x07")

KEY_TAB = b"\t"
KEY_ENTER = b"\r"
KEY_CTRL_C = b"\x03"
KEY_CTRL_D = b"\x04"
KEY_CTRL_U = b"\x15"
KEY_UP = b"\x1b[A"


class Terminal:
    """One run of the binary in a pseudo-terminal, with everything it printed so far."""

    def __init__(self, argv, env, timeout, rows=40, cols=132):
        self.timeout = timeout
        self.raw = b""
        self.status = None
        self.closed = False
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child: becomes segmenta
            try:
                os.chdir(env["HOME"])  # the REPL journals to ./sessions/: keep that out of the checkout
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def text(self, start=0):
        """What was printed from byte offset `start`, without escape sequences and carriage returns."""
        return ESCAPES.sub(b"", self.raw[start:]).replace(b"\r", b"").decode("utf-8", "replace")

    def mark(self):
        """The current end of the output, to search only what comes after an action."""
        self.pump(0)
        return len(self.raw)

    def pump(self, seconds):
        """Reads whatever the child prints for up to `seconds`; returns False once the pty is closed."""
        end = time.monotonic() + seconds
        while True:
            left = max(0.0, end - time.monotonic())
            if self.closed:  # still let the time pass: the child may not have exited yet
                time.sleep(left)
                return False
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    self.closed = True
                    continue
                self.raw += chunk
            elif time.monotonic() >= end:
                return True

    def send(self, data, pause=0.05):
        os.write(self.fd, data)
        self.pump(pause)

    def wait_for(self, needle, start, count=1, timeout=None):
        """Waits until `needle` occurs `count` times in the output after `start`; returns whether it did."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            if self.text(start).count(needle) >= count:
                return True
            if time.monotonic() >= deadline or not self.pump(0.05):
                return self.text(start).count(needle) >= count

    def alive(self):
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def wait_exit(self, timeout=None):
        """Waits for the child to exit; returns its exit code, -signal, or None on timeout."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while self.alive():
            if time.monotonic() >= deadline:
                return None
            self.pump(0.05)
        self.pump(0)
        if os.WIFEXITED(self.status):
            return os.WEXITSTATUS(self.status)
        return -os.WTERMSIG(self.status)

    def kill(self):
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.status = 0
        try:
            os.close(self.fd)
        except OSError:
            pass


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail="", term=None, start=0):
        if ok:
            self.passed += 1
            print(f"PASS  {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
            if term is not None:
                tail = term.text(start)[-600:]
                print("      terminal output (escapes removed):")
                for line in tail.splitlines() or [""]:
                    print("      | " + line)
        return ok


def describe(status):
    if status is None:
        return "still running"
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.WEXITSTATUS(status)}"


def history_lines(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return [line.rstrip("\n").strip() for line in handle if not line.startswith("#")]
    except FileNotFoundError:
        return None


def run(options):
    checks = Checks()
    home = tempfile.mkdtemp(prefix="segmenta-pty-")
    history = os.path.join(home, ".segmenta_history")
    env = {
        "HOME": home,
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": options.term,
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "INPUTRC": os.path.join(home, "inputrc"),  # empty: the user's ~/.inputrc must not change keys
    }
    open(env["INPUTRC"], "w").close()
    argv = [os.path.abspath(options.binary)] + options.args
    prompt = options.prompt
    terminals = []

    def start():
        term = Terminal(argv, env, options.timeout)
        terminals.append(term)
        return term

    try:
        # ---- run 1 -----------------------------------------------------------------------------------
        term = start()
        if not checks.check("run 1: prompt appears", term.wait_for(prompt, 0),
                            f"no {prompt!r} within {options.timeout}s", term):
            return checks

        mark = term.mark()
        term.send(options.partial.encode() + KEY_TAB, pause=0.2)
        checks.check(f"completion: {options.partial!r}+TAB shows {options.completed!r}",
                     term.wait_for(options.completed, mark),
                     "completed text not echoed", term, mark)

        mark = term.mark()
        term.send(KEY_ENTER)
        checks.check(f"submitting {options.completed!r} gives a new prompt",
                     term.wait_for(prompt, mark), "no prompt after Enter", term, mark)

        mark = term.mark()
        term.send(options.half_typed.encode(), pause=0.2)
        term.send(KEY_CTRL_C, pause=0.1)
        checks.check(f"Ctrl-C at half-typed {options.half_typed!r} gives a fresh prompt",
                     term.wait_for(prompt, mark), "no fresh prompt after Ctrl-C", term, mark)
        term.pump(0.3)
        checks.check("process survives Ctrl-C", term.alive(),
                     f"process ended ({describe(term.status)})", term, mark)

        mark = term.mark()
        term.send(options.second.encode() + KEY_ENTER)
        checks.check(f"submitting {options.second!r} after Ctrl-C gives a new prompt",
                     term.wait_for(prompt, mark), "no prompt after Enter", term, mark)

        mark = term.mark()
        term.send(KEY_CTRL_D)
        status = term.wait_exit()
        checks.check("Ctrl-D on an empty line exits with status 0", status == 0,
                     "timed out" if status is None else f"exit status {status}", term, mark)
        term.kill()

        lines = history_lines(history)
        if checks.check("history file written", lines is not None, f"{history} missing"):
            checks.check(f"history holds {options.completed!r} and {options.second!r}",
                         options.completed in lines and options.second in lines, f"history: {lines!r}")
            checks.check(f"history does not hold the interrupted {options.half_typed!r}",
                         options.half_typed not in lines
                         and (options.half_typed + options.second) not in lines,
                         f"history: {lines!r}")

        # ---- run 2 -----------------------------------------------------------------------------------
        term = start()
        if not checks.check("run 2: prompt appears", term.wait_for(prompt, 0),
                            f"no {prompt!r} within {options.timeout}s", term):
            return checks
        mark = term.mark()
        term.send(KEY_UP, pause=0.2)
        checks.check(f"Up-arrow recalls {options.second!r} from the history file",
                     term.wait_for(options.second, mark), "not recalled", term, mark)

        term.send(KEY_CTRL_U, pause=0.1)
        for long_command in options.long:
            for command in options.setup:
                mark = term.mark()
                term.send(command.encode() + KEY_ENTER)
                checks.check(f"setup {command!r} gives a new prompt", term.wait_for(prompt, mark),
                             "no prompt after the setup command", term, mark)
            before = [printed(term, command, prompt) for command in options.unchanged]
            mark = term.mark()
            term.send(long_command.encode() + KEY_ENTER, pause=1.0)
            started = time.monotonic()
            term.send(KEY_CTRL_C)
            stopped = term.wait_for("interrupted", mark) and term.wait_for(prompt, mark)
            checks.check(f"Ctrl-C stops {long_command.split()[0]!r} and returns to the prompt",
                         stopped and time.monotonic() - started < 3.0,
                         f"not stopped within 3 s ({time.monotonic() - started:.1f} s)", term, mark)
            for command, earlier in zip(options.unchanged, before):
                later = printed(term, command, prompt)
                checks.check(f"{command!r} prints the same after the stopped {long_command.split()[0]!r}",
                             later == earlier, f"before {earlier!r}, after {later!r}")
            checks.check("the process survives stopping a command", term.alive(),
                         f"process ended ({describe(term.status)})", term, mark)
            journals = [os.path.join(home, "sessions", f) for f in sorted(os.listdir(os.path.join(home, "sessions")))
                        ] if os.path.isdir(os.path.join(home, "sessions")) else []
            text = "".join(open(j, encoding="utf-8").read() for j in journals)
            checks.check("the journal records the stopped command as '# interrupted:'",
                         "# interrupted: " + long_command in text, f"journals {journals!r}: {text[-400:]!r}")

        mark = term.mark()
        term.send(KEY_CTRL_D)
        status = term.wait_exit()
        checks.check("run 2: Ctrl-D exits with status 0", status == 0,
                     "timed out" if status is None else f"exit status {status}", term, mark)
        return checks
    finally:
        for term in terminals:
            term.kill()
        if options.keep_home:
            print(f"(temporary HOME kept: {home})")
        else:
            shutil.rmtree(home, ignore_errors=True)


def printed(term, command, prompt):
    """Runs `command` and returns what it printed before the next prompt."""
    mark = term.mark()
    term.send(command.encode() + KEY_ENTER)
    term.wait_for(prompt, mark)
    text = term.text(mark)
    return text[: text.find(prompt)]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Arguments after -- are passed to segmenta.")
    parser.add_argument("binary", help="path to the built segmenta executable")
    parser.add_argument("--prompt", default="segmenta> ", help="the REPL prompt (default: %(default)r)")
    parser.add_argument("--partial", default="hel", help="text typed before TAB (default: %(default)r)")
    parser.add_argument("--completed", default="help",
                        help="command TAB must complete to, then submitted (default: %(default)r)")
    parser.add_argument("--half-typed", default="datas",
                        help="text typed before Ctrl-C (default: %(default)r)")
    parser.add_argument("--second", default="datasets",
                        help="command submitted after Ctrl-C, recalled by Up (default: %(default)r)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds to wait for each expected output (default: %(default)s)")
    parser.add_argument("--term", default="xterm-256color", help="TERM for the child (default: %(default)s)")
    parser.add_argument("--setup", action="append", default=[],
                        help="command run before --long (repeatable)")
    parser.add_argument("--long", action="append", default=[],
                        help="a command that runs for seconds; Ctrl-C must stop it within 3 s (repeatable)")
    parser.add_argument("--unchanged", action="append", default=[],
                        help="a command whose output must be the same before a --long command and after it was "
                             "stopped, such as 'datasets' (repeatable)")
    parser.add_argument("--keep-home", action="store_true", help="keep the temporary HOME for inspection")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:  # everything after "--" goes to segmenta
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    options = parser.parse_args(argv)
    options.args = extra

    if not (os.path.isfile(options.binary) and os.access(options.binary, os.X_OK)):
        print(f"FAIL  {options.binary!r} is not an executable file")
        print("0 passed, 1 failed")
        return 1
    checks = run(options)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
