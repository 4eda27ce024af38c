#!/usr/bin/python3
"""Generate slide-deck PDFs with known truth, from random specs (see README.md).

Usage (through scripts/gen-decks.sh, which installs the tools):
  gendecks.py --split dev|heldout [--out DIR] [--seeds A-B] [--producers p1,p2] [-j N]
              [--from-specs] [--write-specs] [--specs-only] [--verify] [--no-build]
"""
import argparse
import concurrent.futures as cf
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import HERE, PRODUCERS, ROOT, write_json  # noqa: E402
import spec as specmod  # noqa: E402
import truth  # noqa: E402

SPECS = os.path.join(HERE, "specs")


def parse_seeds(s, split):
    if not s:
        return list(range(specmod.SPLITS[split][0], specmod.SPLITS[split][1] + 1))
    out = []
    for part in s.split(","):
        if "-" in part:
            a, b = part.split("-")
            out += list(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def load_spec(split, seed):
    folder = os.path.join(SPECS, split)
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.endswith("-%d.spec.json" % seed):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    return json.load(f)
    return None


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ builders
def build_impress(kind, decks, out, srcdir, jobs_note=""):
    """Write the sources of a batch and convert them with one soffice call per filter."""
    import odp
    import pptx
    ext = "fodp" if kind == "impress-odp" else "pptx"
    groups = {}
    for d in decks:
        src = os.path.join(srcdir, d["id"] + "." + ext)
        (odp if ext == "fodp" else pptx).write(d, src)
        groups.setdefault(bool(d["notes_pages"]), []).append(src)
    profile = tempfile.mkdtemp(prefix="gen-decks-lo-")
    try:
        for notes, files in groups.items():
            flt = "pdf:impress_pdf_Export"
            if notes:
                flt += (':{"ExportNotesPages":{"type":"boolean","value":"true"},'
                        '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}')
            tmpout = tempfile.mkdtemp(prefix="gen-decks-pdf-")
            cmd = ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                   "--convert-to", flt, "--outdir", tmpout] + files
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
            for f in files:
                base = os.path.splitext(os.path.basename(f))[0]
                pdf = os.path.join(tmpout, base + ".pdf")
                if os.path.exists(pdf):
                    shutil.move(pdf, os.path.join(out, base + ".pdf"))
                else:
                    log("gen-decks: soffice made no PDF for %s: %s" % (base, p.stderr.strip()[-400:]))
            shutil.rmtree(tmpout, ignore_errors=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [d["id"] for d in decks]


def build_one(d, out, srcdir):
    p = d["producer"]
    if p.startswith("beamer"):
        import beamer
        beamer.build(d, out, srcdir)
    elif p == "cairo":
        import cairodeck
        cairodeck.build(d, os.path.join(out, d["id"] + ".pdf"))
    return [d["id"]]


def main():
    ap = argparse.ArgumentParser(description="generate slide decks with known truth")
    ap.add_argument("--split", required=True, choices=sorted(specmod.SPLITS))
    ap.add_argument("--out")
    ap.add_argument("--seeds")
    ap.add_argument("--producers")
    ap.add_argument("-j", type=int, default=1)
    ap.add_argument("--from-specs", action="store_true", help="rebuild from the committed specs (scripts/gen-decks/specs/SPLIT/)")
    ap.add_argument("--spec", action="append", default=[],
                    help="build this spec file instead of seeds (repeatable; e.g. scripts/gen-decks/specs/cases/*.spec.json)")
    ap.add_argument("--write-specs", action="store_true", help="also write the specs into scripts/gen-decks/specs/SPLIT/")
    ap.add_argument("--specs-only", action="store_true", help="write specs and truth, build no PDF")
    ap.add_argument("--verify", action="store_true", help="check every PDF against its truth (see verify.py)")
    ap.add_argument("--verify-only", action="store_true", help="check existing PDFs, build nothing")
    ap.add_argument("--regenerate", action="store_true",
                    help="with --verify: make the spec of a deck that fails again with the next variant (recorded in "
                         "specs/regenerate.json with the reason), up to 3 times")
    a = ap.parse_args()
    jobs = max(1, min(2, a.j))
    out = a.out or os.path.join(ROOT, "build", "gen-decks", a.split)
    os.makedirs(out, exist_ok=True)
    srcdir = os.path.join(out, ".src")
    os.makedirs(srcdir, exist_ok=True)
    seeds = parse_seeds(a.seeds, a.split)
    producers = a.producers.split(",") if a.producers else PRODUCERS
    for p in producers:
        if p not in PRODUCERS:
            sys.exit("gen-decks: error: unknown producer %r (known: %s)" % (p, ", ".join(PRODUCERS)))
    t0 = time.time()
    decks = []
    for path in a.spec:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        decks.append(d)
        write_json(os.path.join(out, d["id"] + ".spec.json"), d)
        write_json(os.path.join(out, d["id"] + ".expected.json"), truth.expected(d))
    for seed in ([] if a.spec else seeds):
        if a.from_specs:
            d = load_spec(a.split, seed)
            if d is None:
                sys.exit("gen-decks: error: no committed spec for seed %d in %s" % (seed, os.path.join(SPECS, a.split)))
        else:
            d = specmod.make_spec(seed)
        if d["producer"] not in producers:
            continue
        decks.append(d)
        write_json(os.path.join(out, d["id"] + ".spec.json"), d)
        write_json(os.path.join(out, d["id"] + ".expected.json"), truth.expected(d))
        if a.write_specs:
            os.makedirs(os.path.join(SPECS, a.split), exist_ok=True)
            write_json(os.path.join(SPECS, a.split, d["id"] + ".spec.json"), d)
    log("gen-decks: %d decks (%d slides) for %s" % (len(decks), sum(len(d["slides"]) for d in decks), a.split))
    if a.specs_only:
        return
    if not a.verify_only:
        build_all(decks, out, srcdir, jobs, t0)
    if a.verify or a.verify_only:
        import verify
        ok, reports = verify.verify_all(decks, out, jobs)
        rounds = 0
        while not ok and a.regenerate and not a.from_specs and rounds < 3:
            rounds += 1
            bad = {r["id"]: r["problems"] for r in reports if r["problems"]}
            table = {}
            if os.path.exists(specmod.REGEN_FILE):
                with open(specmod.REGEN_FILE, encoding="utf-8") as f:
                    table = json.load(f)
            redo = []
            for i, d in enumerate(decks):
                if d["id"] in bad:
                    v = d.get("variant", 0) + 1
                    table[str(d["seed"])] = {"variant": v, "id": d["id"], "why": (table.get(str(d["seed"]), {}).get("why", []) +
                                                                                  ["variant %d: %s" % (v - 1, bad[d["id"]][0])])}
                    for ext in (".pdf", ".expected.json", ".spec.json"):
                        if os.path.exists(os.path.join(out, d["id"] + ext)):
                            os.remove(os.path.join(out, d["id"] + ext))
                    nd = specmod.make_spec(d["seed"], v)
                    decks[i] = nd
                    redo.append(nd)
                    write_json(os.path.join(out, nd["id"] + ".spec.json"), nd)
                    write_json(os.path.join(out, nd["id"] + ".expected.json"), truth.expected(nd))
                    if a.write_specs:
                        old = os.path.join(SPECS, a.split, d["id"] + ".spec.json")
                        if os.path.exists(old):
                            os.remove(old)
                        write_json(os.path.join(SPECS, a.split, nd["id"] + ".spec.json"), nd)
            os.makedirs(os.path.dirname(specmod.REGEN_FILE), exist_ok=True)
            with open(specmod.REGEN_FILE, "w", encoding="utf-8") as f:
                json.dump(dict(sorted(table.items(), key=lambda kv: int(kv[0]))), f, ensure_ascii=False, indent=1)
                f.write("\n")
            log("gen-decks: regenerating %d decks (round %d)" % (len(redo), rounds))
            build_all(redo, out, srcdir, jobs, time.time())
            ok, reports = verify.verify_all(decks, out, jobs)
        log("gen-decks: verification %s (%.0f s in all)" % ("passed" if ok else "FAILED", time.time() - t0))
        if not ok:
            sys.exit(1)


def build_all(decks, out, srcdir, jobs, t0):
    tasks = []
    for kind in ("impress-odp", "impress-pptx"):
        batch = [d for d in decks if d["producer"] == kind]
        n = max(1, (len(batch) + jobs - 1) // jobs) if batch else 1
        n = min(n, 20)
        for k in range(0, len(batch), n):
            tasks.append(("impress", kind, batch[k:k + n]))
    for d in decks:
        if not d["producer"].startswith("impress"):
            tasks.append(("one", d["producer"], [d]))
    done = 0
    with cf.ProcessPoolExecutor(max_workers=jobs) as ex:
        futs = []
        for t, kind, batch in tasks:
            if t == "impress":
                futs.append(ex.submit(build_impress, kind, batch, out, srcdir))
            else:
                futs.append(ex.submit(build_one, batch[0], out, srcdir))
        for f in cf.as_completed(futs):
            try:
                ids = f.result()
                done += len(ids)
            except Exception as e:  # report and go on: verification lists what is missing
                log("gen-decks: build failed: %r" % (e,))
            if done and done % 20 == 0:
                log("gen-decks: %d/%d built (%.0f s)" % (done, len(decks), time.time() - t0))
    log("gen-decks: built %d decks in %.0f s" % (len(decks), time.time() - t0))


if __name__ == "__main__":
    main()
