#!/usr/bin/python3
"""Issue 19, point 10: the documentation says what the program does.

usage: issue19_docs.py DECKHAND ROOT

- (the exit codes and warning codes of docs/exit-codes.md and the man page against the
  registry, src/core/codes.hpp, and the source's use of it: the unit test
  tests/unit/codes_test.cpp, Codes.*)
- no string of src/ cites a document by a source-tree path;
- for the program and every command, the long options `deckhand [COMMAND] --help` lists
  are those the man page lists for it (OPTIONS; COMMANDS, one subsection a command), both ways;
- the man page renders without a warning (groff -man -ww, when groff is installed).
Prints one line a check; exits 1 on any failure.
"""
import os
import re
import shutil
import subprocess
import sys

DECKHAND, ROOT = sys.argv[1], sys.argv[2]
fails = 0


def check(ok, what, detail=""):
    global fails
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok else ": " + detail))
    if not ok:
        fails += 1


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# --- the source ---------------------------------------------------------------------------
# no message cites a document by a path only a source tree has: a string literal of src/
# that names docs/NAME.md (comments aside) should go through doc_path() (core/docs.hpp),
# which names the installed copy
def literals(line):
    """The string literals of a line of C++, up to a // comment."""
    out, i, n = [], 0, len(line)
    while i < n:
        if line.startswith("//", i):
            break
        if line[i] in "\"'":
            q, j = line[i], i + 1
            while j < n and line[j] != q:
                j += 2 if line[j] == "\\" else 1
            if q == '"':
                out.append(line[i:j + 1])
            i = j + 1
            continue
        i += 1
    return out


cites = []
for d, _, files in os.walk(os.path.join(ROOT, "src")):
    for f in files:
        if f.endswith((".cpp", ".hpp", ".in")):
            p = os.path.join(d, f)
            for n, line in enumerate(read(p).splitlines(), 1):
                if any(re.search(r"docs/[a-z0-9-]+\.md", lit) for lit in literals(line)):
                    cites.append(f"{os.path.relpath(p, ROOT)}:{n}")
check(not cites, "no string in src/ cites docs/*.md by a source-tree path (doc_path() names the installed copy)", ", ".join(cites))

# --- docs/deckhand.1 ----------------------------------------------------------------------
man = read(os.path.join(ROOT, "docs/deckhand.1"))


def section(name):
    m = re.search(r"^\.SH \"?" + re.escape(name) + r"\"?\n(.*?)(?=^\.SH |\Z)", man, re.S | re.M)
    return m.group(1) if m else ""


def unroff(s):
    return s.replace("\\-", "-")


def tp_options(text):
    """The long options of the .TP entries of a piece of the man page."""
    names = set()
    for m in re.finditer(r"^\.TP\n(.*)$", text, re.M):
        names |= set(re.findall(r"--[a-z][a-z0-9-]*", unroff(m.group(1))))
    return names


man_cmds = {}
for m in re.finditer(r"^\.SS \"([a-z ]+?)(?: \\fI[^\n]*)?\"\n(.*?)(?=^\.S[SH] |\Z)", section("COMMANDS"), re.S | re.M):
    man_cmds[m.group(1)] = tp_options(m.group(2))
man_cmds[""] = tp_options(section("OPTIONS"))


def help_options(cmd):
    out = subprocess.run([DECKHAND] + cmd.split() + ["--help"], capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        m = re.match(r"^  (?:-[A-Za-z],)?(--[a-z][a-z0-9-]*)", line)
        if m:
            names.add(m.group(1))
    return names, out


# the commands, from the program's own help ("Subcommands:"), and "strings"/"fonts"'s
_, top = help_options("")
commands = re.findall(r"^  ([a-z]+) {2,}", top.split("Subcommands:")[-1], re.M)
check(len(commands) >= 9, f"{len(commands)} commands in 'deckhand --help'", str(commands))
every = []
for c in commands:
    _, h = help_options(c)
    subs = re.findall(r"^  ([a-z]+) {2,}", h.split("Subcommands:")[-1], re.M) if "Subcommands:" in h else []
    every += [c + " " + s for s in subs] if subs else [c]
for c in [""] + every:
    opts, _ = help_options(c)
    opts.discard("--help")
    mine = set(man_cmds.get(c, set()))
    mine.discard("--help")
    where = f"'deckhand {c} --help'" if c else "'deckhand --help'"
    check(c in man_cmds, f"the man page has a section for {c or 'the global options'}", "none")
    check(opts == mine, f"{where} and the man page list the same options ({len(opts)})",
          f"only in --help: {sorted(opts - mine)}; only in the man page: {sorted(mine - opts)}")
for c in sorted(set(man_cmds) - set(every) - {""}):
    check(False, f"the man page's section '{c}'", "no such command")

version = subprocess.run([DECKHAND, "--version"], capture_output=True, text=True).stdout.strip()
th = re.search(r'^\.TH DECKHAND 1 "[^"]*" "([^"]*)"', man, re.M)
check(th is not None and th.group(1) == version, f"the man page is of '{version}'", th.group(1) if th else "no .TH line")

# --- rendering ------------------------------------------------------------------------------
if shutil.which("groff"):
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", os.path.join(ROOT, "docs/deckhand.1")],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    check(r.returncode == 0 and not r.stderr.strip(), "groff -man -ww renders docs/deckhand.1 without a warning", r.stderr.strip())
else:
    print("note: groff is not installed (Debian: groff-base): the man page's rendering is not checked")
if shutil.which("man"):
    r = subprocess.run(["man", "--warnings", "-l", os.path.join(ROOT, "docs/deckhand.1")], capture_output=True, text=True,
                       env=dict(os.environ, LC_ALL="C.UTF-8", MANPAGER="cat", PAGER="cat", MANWIDTH="80"))
    check(r.returncode == 0 and not r.stderr.strip() and "deckhand" in r.stdout, "man -l docs/deckhand.1 shows the page without a warning",
          r.stderr.strip()[:300])

print(f"{fails} failed")
sys.exit(1 if fails else 0)
