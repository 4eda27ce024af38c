#!/usr/bin/python3
"""Does `deckhand slides --check` see what a reader sees? (issue 18)

usage: slides_oracle.py DECKHAND WORKDIR NAME:PDF:PO [NAME:PDF:PO ...] [--jobs N]

For each case: `deckhand slides PDF --translations PO -o WORKDIR/NAME.pdf`, then `--check`
(its list: slide, unit, what), then the oracle tests/e2e/overlap_check.py on the output PDF
(independent of the layout code: glyph boxes from `mutool trace`, ink from Ghostscript's
render of the page without text). Each oracle finding (a translated line over ink, over text
that stays, or outside the page) is matched to its unit by its text (the line's characters,
white space aside, in the unit's target, read forwards or backwards) and must be among the
units --check listed on that slide: else it is MISSED. A unit --check lists for a collision
(not a cut) with no oracle finding on its slide is a FALSE ALARM. Cuts (units that do not fit
even at the minimum size) are listed apart: the oracle cannot see text that is not drawn.

Prints one line per missed finding and per false alarm, then per case and in total: units
translated, units listed by --check (collisions, cuts), oracle findings, missed, false
alarms. Exit 0 when nothing is missed and false alarms are at most 2 % of the units --check
lists for collisions; 1 otherwise; 2 on a tool error.
"""
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def po_units(path):
    """msgctxt -> msgstr (plain text, inline markup tags dropped)."""
    units, ctx, cur, field = {}, None, {}, None
    text = open(path, encoding="utf-8").read()
    for line in text.splitlines() + [""]:
        line = line.strip()
        m = re.match(r'^(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
        if m:
            field = m.group(1)
            if field == "msgctxt":
                if cur.get("msgctxt"):
                    units[cur["msgctxt"]] = cur.get("msgstr", "")
                cur = {}
            cur[field] = unescape(m.group(2))
        elif line.startswith('"') and field:
            cur[field] = cur.get(field, "") + unescape(line[1:-1])
        elif not line:
            field = None
    if cur.get("msgctxt"):
        units[cur["msgctxt"]] = cur.get("msgstr", "")
    return {k: re.sub(r"<[^>]*>", "", v) for k, v in units.items()}


def unescape(s):
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")


def squash(s):
    s = unicodedata.normalize("NFC", s)
    return "".join(c for c in s if not c.isspace() and unicodedata.category(c) not in ("Cf", "Mn") and c not in "-\u00ad")


def run_case(deckhand, workdir, name, pdf, po):
    out = os.path.join(workdir, name + ".pdf")
    r = subprocess.run([deckhand, "slides", pdf, "--translations", po, "-o", out, "-q"], capture_output=True)
    if r.returncode != 0:
        return name, None, "slides: exit %d: %s" % (r.returncode, r.stderr.decode()[:300])
    c = subprocess.run([deckhand, "slides", pdf, "--translations", po, "--check", "-q"], capture_output=True)
    if c.returncode not in (0, 12):
        return name, None, "slides --check: exit %d: %s" % (c.returncode, c.stderr.decode()[:300])
    listed = collections.defaultdict(set)  # slide -> unit ids (collisions)
    cuts = set()
    not_pairs = set()  # (slide, unit) listed for something else than another unit's translation
    for line in c.stdout.decode().splitlines():
        f = line.split("\t")
        if len(f) < 3 or not f[0].startswith("slide "):
            continue
        slide = int(f[0].split()[1])
        if f[2].startswith("needs "):
            cuts.add((slide, f[1]))
        else:
            listed[slide].add(f[1])
            if not f[2].startswith("overlaps the translation of "):
                not_pairs.add((slide, f[1]))
    o = subprocess.run([sys.executable, os.path.join(HERE, "overlap_check.py"), out, "--source", pdf], capture_output=True)
    if o.returncode not in (0, 1):
        return name, None, "oracle: exit %d: %s" % (o.returncode, o.stderr.decode()[:300])
    findings = []
    summary = ""
    for line in o.stdout.decode().splitlines():
        f = line.split("\t")
        if len(f) == 4 and f[0].isdigit():
            findings.append((int(f[0]), f[1], f[2], f[3]))
        else:
            summary = line
    return name, (listed, cuts, findings, summary, po_units(po), not_pairs), None


def main(argv):
    jobs = 2
    if "--jobs" in argv:
        i = argv.index("--jobs")
        jobs = int(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    deckhand, workdir, cases = argv[0], argv[1], [a.split(":") for a in argv[2:]]
    os.makedirs(workdir, exist_ok=True)
    total = collections.Counter()
    failed = False
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = [ex.submit(run_case, deckhand, workdir, n, p, po) for n, p, po in cases]
        for fut in futs:
            name, res, err = fut.result()
            if err:
                print("%s: error: %s" % (name, err))
                return 2
            listed, cuts, findings, summary, units, not_pairs = res
            # slides where the oracle saw two translations drawn over each other: a unit listed
            # only for overlapping another unit's translation is confirmed there
            pair_slides = {p for p, kind, amount, _ in findings if "translated" in amount}
            by_text = {k: squash(v) for k, v in units.items()}
            found_units = collections.defaultdict(set)  # slide -> units the oracle found
            unmatched = set()  # slides with a finding not matched to a unit
            missed = 0
            for page, kind, amount, text in findings:
                t = squash(text)
                cands = [k for k, v in by_text.items() if t and (t in v or t[::-1] in v)]
                if not cands:  # a line of two units (drawn over each other): units holding its words
                    words = [squash(w) for w in text.split() if len(squash(w)) >= 3]
                    cands = [k for k, v in by_text.items() if k.startswith("s%d." % page) and any(w in v or w[::-1] in v for w in words)]
                # its units on that slide; none found (a build step's text, the unit of another
                # slide): judged by the slide, missed only when --check listed nothing there
                cands = [k for k in cands if k.startswith("s%d." % page)]
                for k in cands:
                    found_units[page].add(k)
                if not cands:
                    unmatched.add(page)
                    ok = listed[page] or any(p == page for p, _ in cuts)
                else:
                    ok = any(k in listed[page] for k in cands) or any((page, k) in cuts for k in cands)
                if not ok:
                    missed += 1
                    print("%s: MISSED slide %d: %s %s: %s (units %s; --check listed %s)" % (
                        name, page, kind, amount, text[:60], ",".join(cands) or "?", ",".join(sorted(listed[page])) or "none"))
            alarms = 0
            nlisted = sum(len(v) for v in listed.values())
            for slide, ks in sorted(listed.items()):
                for k in sorted(ks):
                    if k not in found_units[slide] and slide not in unmatched and not (slide in pair_slides and (slide, k) not in not_pairs):
                        alarms += 1
                        print("%s: FALSE ALARM slide %d: %s (the oracle found nothing of it)" % (name, slide, k))
            print("%s: %d units listed for collisions, %d cut; oracle: %d findings; missed %d, false alarms %d [%s]" % (
                name, nlisted, len(cuts), len(findings), missed, alarms, summary))
            total["listed"] += nlisted
            total["cuts"] += len(cuts)
            total["findings"] += len(findings)
            total["missed"] += missed
            total["alarms"] += alarms
    ratio = total["alarms"] / total["listed"] if total["listed"] else 0.0
    print("total: %d cases; --check listed %d units for collisions and %d cuts; oracle findings %d; missed %d; "
          "false alarms %d (%.1f %% of the units listed)" % (len(cases), total["listed"], total["cuts"], total["findings"],
                                                          total["missed"], total["alarms"], ratio * 100))
    failed = total["missed"] > 0 or ratio > 0.02
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
