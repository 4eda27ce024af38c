#!/usr/bin/env python3
"""Issue 17, sizes: helpers of tests/e2e/sizes.sh.

  sizes_check.py fill EXPORT.po TSV OUT.po
      Fill the msgstr of the units of an exported PO whose key (the '#:' line, s5.b1) is
      listed in TSV (lines 'key<TAB>translation'; '\\n' in a translation is a line break;
      '=' keeps the source text: code, names, addresses, which a translator leaves as they
      are, so the unit stays untranslated). Prints one line of figures on stdout.
  sizes_check.py check DECK.json LAYOUT.json PO NAME
      Check a 'slides --dump layout' of the deck translated with PO: every line of text
      starts in a unit's frame; a unit is set in one size; in a slide, the translated body
      units of one level whose source sizes were equal have one laid-out size (to 0.01 pt);
      a title has one size; no unit left untranslated was set again. Prints 'FAIL: ...'
      lines for violations and one 'ok:' / 'info:' line of figures; exit 1 on a violation.
      SIZES_NOTES=N prints the first N notes behind the informational figures.
  sizes_check.py units EXPORT.po
      (For translators) the slide titles and first blocks of an export, one a line.
"""
import json
import os
import sys
import unicodedata
from collections import defaultdict

EPS = 0.01


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    out, i, body = [], 0, s[1:-1]
    esc = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\'}
    while i < len(body):
        c = body[i]
        if c == '\\' and i + 1 < len(body):
            out.append(esc.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'


def parse_po(path):
    """Entries in file order: dict(key, comments, ctxt, id, str, lines=(first, last))."""
    lines = open(path, encoding='utf-8').read().split('\n')
    entries, cur, field = [], None, None

    def flush():
        nonlocal cur
        if cur is not None and 'id' in cur:
            entries.append(cur)
        cur = None

    for n, line in enumerate(lines):
        if not line.strip():
            flush()
            field = None
            continue
        if cur is None:
            cur = {'key': None, 'comments': [], 'start': n}
        cur['end'] = n
        if line.startswith('#:'):
            cur['key'] = line[2:].strip().split()[0] if line[2:].strip() else None
        elif line.startswith('#'):
            cur['comments'].append(line)
        elif line.startswith('msgctxt '):
            field = 'ctxt'; cur[field] = unquote(line[8:])
        elif line.startswith('msgid '):
            field = 'id'; cur[field] = unquote(line[6:])
        elif line.startswith('msgstr '):
            field = 'str'; cur[field] = unquote(line[7:])
        elif line.startswith('"') and field:
            cur[field] += unquote(line)
    flush()
    return lines, entries


def first_units(entries):
    """The keys of each exported slide's title and first block, in order."""
    out, seen_slide = [], set()
    for e in entries:
        k = e['key']
        if not k or '.' not in k:
            continue
        slide, part = k.split('.', 1)
        if part == 'title':
            out.append(e)
        elif part.startswith('b') and slide not in seen_slide:
            seen_slide.add(slide)
            out.append(e)
    return out


def read_tsv(path):
    m = {}
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        if '\t' not in line:
            raise SystemExit(f'{path}:{n}: no tab')
        k, v = line.split('\t', 1)
        if k in m:
            raise SystemExit(f'{path}:{n}: {k} listed twice')
        m[k] = v.replace('\\n', '\n')
    return m


def cmd_fill(export, tsv, out):
    lines, entries = parse_po(export)
    tr = read_tsv(tsv)
    by_key = {e['key']: e for e in entries if e['key']}
    filled = same = 0
    repl = {}
    for e in entries:
        k = e['key']
        if k not in tr:
            continue
        if tr[k] == '=':
            same += 1
            continue
        # replace the entry's msgstr (and its continuation lines)
        s = None
        for n in range(e['start'], e['end'] + 1):
            if lines[n].startswith('msgstr '):
                s = n
        assert s is not None, k
        t = s + 1
        while t <= e['end'] and lines[t].startswith('"'):
            t += 1
        repl[s] = (t, 'msgstr ' + quote(tr[k]))
        filled += 1
    res, n = [], 0
    while n < len(lines):
        if n in repl:
            t, text = repl[n]
            res.append(text)
            n = t
        else:
            res.append(lines[n])
            n += 1
    open(out, 'w', encoding='utf-8').write('\n'.join(res))
    wanted = first_units(entries)
    missing = [e['key'] for e in wanted if e['key'] not in tr]
    unknown = [k for k in tr if k not in by_key]
    print(f'{filled} units filled, {same} kept as in the source (code, names), '
          f'{len(missing)} titles or first blocks not in the list{(": " + " ".join(missing[:8])) if missing else ""}, '
          f'{len(unknown)} listed keys not in the export{(": " + " ".join(unknown[:8])) if unknown else ""}')
    return 0


def cmd_units(export):
    _, entries = parse_po(export)
    for e in first_units(entries):
        print(e['key'] + '\t' + e['id'].replace('\n', '⏎'))
    return 0


def norm(s):
    return ''.join(unicodedata.normalize('NFC', s).split())


def holds(text, t):
    """Does a unit's (normalized) text hold a run's, a word broken with a hyphen too?"""
    return t in text or (t.endswith(('-', '\u2010')) and t[:-1] in text)


def inside(pt, box, tol=0.5):
    x, y = pt
    bx, by, bw, bh = box
    return bx - tol <= x <= bx + bw + tol and by - tol <= y <= by + bh + tol


def frames_of(page):
    out = []
    for f in page.get('frames', []):
        if isinstance(f, dict):
            key = f.get('slide') or f.get('key') or f.get('unit')
            out.append((key, f['box']))
        else:  # [key, [x, y, w, h]]
            out.append((f[0], f[1]))
    return out


def cmd_check(deck_path, layout_path, po_path, name):
    deck = json.load(open(deck_path, encoding='utf-8'))
    lay = json.load(open(layout_path, encoding='utf-8'))
    _, entries = parse_po(po_path)
    translated = {e['key'] for e in entries if e['key'] and e.get('str') and e['str'] != e['id']}

    # the units of the deck: key -> (slide id, level (None: title), source size); overlays
    units, overlay_of = {}, {}
    for s in deck['slides']:
        overlay_of[s['id']] = s.get('overlay_of')
        if s.get('title'):
            units[s['id'] + '.title'] = (s['id'], None, round(float((s.get('title_style') or {}).get('size') or 0), 2))
        for b in s.get('blocks', []):
            units[b['id']] = (s['id'], b.get('level', 0), round(float((b.get('style') or {}).get('size') or 0), 2))
    # an overlay step (a build) shows the translations of its last step: of the unit of the
    # same number there (what deckhand does), or of the one with the same source text
    src_text = {}
    for s in deck['slides']:
        if s.get('title'):
            src_text[s['id'] + '.title'] = s['title']
        for b in s.get('blocks', []):
            src_text[b['id']] = b.get('text', '')
    source_by_key = {e['key']: e['id'] for e in entries if e['key']}
    text_by_key = {e['key']: e['str'] for e in entries if e['key'] and e.get('str')}

    def last_step_keys(key):
        """The last step's units whose translation an overlay step's unit may show: the one of
        the same number (what deckhand does now), the one with the same source text."""
        sid, part = key.split('.', 1)
        last = overlay_of.get(sid)
        if not last:
            return []
        same = [k for k, t in source_by_key.items() if k.startswith(last + '.') and t == src_text.get(key)]
        return [f'{last}.{part}'] + same

    def is_translated(key):
        return key in translated or any(k in translated for k in last_step_keys(key))

    def text_of(key, by_source):
        """The translated text a unit shows; an overlay step's unit, by number or by source."""
        if key in text_by_key or not overlay_of.get(key.split('.', 1)[0]):
            return text_by_key.get(key, '')
        ks = last_step_keys(key)
        k = ks[1] if by_source and len(ks) > 1 else ks[0]
        return text_by_key.get(k, '')

    def assign(frames, runs, texts):
        """Runs to frames. Runs set one after the other on a baseline make a line (a font
        change, a fallback font, the two directions of a line split one); a line goes to the
        frame that holds its first run's baseline point (an overfull line may reach out of
        it); when frames overlap, to the one whose text holds the line's; else (a marker,
        spaces, a word in two texts) to the frame of a placed line on its baseline, or else
        the nearest in the order lines come (they come frame by frame).
        Returns (lines, owner of each line or None, lines in no frame, lines placed by their
        baseline, lines not in their unit's text)."""
        lines = []
        for ri, r in enumerate(runs):
            p = runs[ri - 1] if ri else None
            if p and abs(p['at'][1] - r['at'][1]) < 0.01 and abs(p['at'][0] + p.get('width', 0) - r['at'][0]) < 0.05:
                lines[-1].append(r)
            else:
                lines.append([r])
        # a line's texts, each run's on its own (a right-to-left line comes in visual order)
        ltext = [[t for t in (norm(r.get('text', '')) for r in ln) if t] for ln in lines]
        cands, owner = [], [None] * len(lines)
        for li, ln in enumerate(lines):
            c = [i for i, (_, box) in enumerate(frames) if inside(ln[0]['at'], box)]
            t = ltext[li]
            if len(c) > 1 and t:
                c2 = [i for i in c if all(holds(texts[i], x) for x in t)]
                c = c2 or c
            cands.append(c)
            if len(c) == 1:
                owner[li] = c[0]
        stray, placed, foreign = [], 0, []
        for li, ln in enumerate(lines):
            c = cands[li]
            if not c:
                stray.append(li)
                continue
            if owner[li] is not None:
                continue
            placed += 1
            y = ln[0]['at'][1]
            near = sorted((abs(lines[lj][0]['at'][1] - y) >= 0.01, abs(lj - li), owner[lj])
                          for lj in range(len(lines)) if owner[lj] in c and lj != li)
            owner[li] = near[0][2] if near else c[0]
        for li in range(len(lines)):
            if owner[li] is not None and sum(map(len, ltext[li])) > 1 \
                    and not all(holds(texts[owner[li]], x) for x in ltext[li]):
                foreign.append(li)  # not its unit's text: a marker, or a line placed wrongly
        return lines, owner, stray, placed, foreign

    fails, notes = [], []
    sizes = {}  # key -> laid-out size
    stray = ambiguous = foreign = 0
    for pi, page in enumerate(lay['pages']):
        frames = frames_of(page)
        if not frames:
            continue
        runs = page.get('texts', [])
        # an overlay step: whichever reading of its units' texts (by number, by source
        # text) explains its lines better
        tries = []
        for by_source in (False, True):
            texts = [norm(text_of(k, by_source)) for k, _ in frames]
            tries.append((texts, assign(frames, runs, texts)))
            if not any(overlay_of.get(k.split('.', 1)[0]) for k, _ in frames):
                break
        texts, (lines, owner, st, placed, fo) = min(tries, key=lambda t: (len(t[1][4]), t[1][3]))
        stray += len(st)
        ambiguous += placed
        foreign += len(fo)
        for li in st:
            fails.append(f'{name}: page {pi + 1}: line "{lines[li][0].get("text", "")[:30]}" at {lines[li][0]["at"]} is in no frame')
        for li in fo:
            notes.append(f'page {pi + 1}: line "{"".join(r.get("text", "") for r in lines[li])[:40]}" '
                         f'set in {frames[owner[li]][0]} is not in its text')
        runs_of = defaultdict(list)
        for li, ln in enumerate(lines):
            if owner[li] is not None:
                runs_of[frames[owner[li]][0]].extend(ln)
        for key, _ in frames:
            rs = runs_of.get(key, [])
            if key not in units:
                fails.append(f'{name}: page {pi + 1}: frame {key} is no unit of the deck')
                continue
            if not is_translated(key):
                fails.append(f'{name}: page {pi + 1}: {key} is not translated but was set again')
            zs = sorted({round(r['size'], 2) for r in rs})
            if not zs:
                continue  # nothing fits at all: reported by 'slides' as an overflow
            if zs[-1] - zs[0] > EPS:
                fails.append(f'{name}: {units[key][0]}: {key} is set in {len(zs)} sizes: {zs}')
            sizes[key] = zs[0]

    # in a slide, the translated body units of one level and one source size: one size
    groups = defaultdict(list)  # (slide, level, source size) -> keys
    by_slide_level = defaultdict(list)  # (slide, level) -> keys of every unit
    for key, (sid, level, src) in units.items():
        if level is None:
            continue
        by_slide_level[(sid, level)].append(key)
        if key in sizes:
            groups[(sid, level, src)].append(key)
    grouped = 0
    for (sid, level, src), keys in sorted(groups.items()):
        if len(keys) < 2:
            continue
        grouped += len(keys)
        zs = {k: sizes[k] for k in keys}
        if max(zs.values()) - min(zs.values()) > EPS:
            fails.append(f'{name}: {sid}: level {level}, source size {src} pt, laid out in different sizes: '
                         + ', '.join(f'{k} {z}' for k, z in sorted(zs.items(), key=lambda kv: kv[0])))
    # informational: near-equal source sizes (within 0.25 pt) laid out further apart than in
    # the source; a translated unit that shrank beside an untranslated one of its level and
    # size (left as in the source); an overlay step whose unit differs from its last step
    near = mixed = steps = 0
    for (sid, level), keys in sorted(by_slide_level.items()):
        tk = [k for k in keys if k in sizes]
        for i, a in enumerate(tk):
            for b in tk[i + 1:]:
                sa, sb = units[a][2], units[b][2]
                if sa != sb and abs(sa - sb) <= 0.25 and abs(sizes[a] - sizes[b]) > abs(sa - sb) + EPS:
                    near += 1
                    notes.append(f'near-equal source sizes {a} {sa}->{sizes[a]}, {b} {sb}->{sizes[b]}')
        shrunk = [k for k in tk if sizes[k] < units[k][2] - EPS]
        untr = [k for k in keys if k not in sizes and not is_translated(k)]
        for k in shrunk:
            if any(units[u][2] == units[k][2] for u in untr):
                mixed += 1
                notes.append(f'{sid}: {k} shrank {units[k][2]}->{sizes[k]} beside untranslated '
                             + ' '.join(u for u in untr if units[u][2] == units[k][2]))
                break
    for key, z in sizes.items():
        sid, part = key.split('.', 1)
        last = overlay_of.get(sid)
        if last and f'{last}.{part}' in sizes and abs(sizes[f'{last}.{part}'] - z) > EPS:
            steps += 1
            notes.append(f'overlay {sid} of {last}: {part} {z} here, {sizes[last + "." + part]} on the last step')

    swapped = []
    for key in sizes:
        sid, part = key.split('.', 1)
        last = overlay_of.get(sid)
        if last and part != 'title' and key in src_text and source_by_key.get(f'{last}.{part}', src_text[key]) != src_text[key]:
            swapped.append(key)
            notes.append(f'overlay {key} shows the translation of {last}.{part}, whose source text is another')
    body = [k for k in sizes if units[k][1] is not None]
    titles = [k for k in sizes if units[k][1] is None]
    slides = {units[k][0] for k in sizes}
    shrank = [k for k in body if sizes[k] < units[k][2] - EPS]
    tshrank = [k for k in titles if sizes[k] < units[k][2] - EPS]
    for f in fails:
        print('FAIL: ' + f)
    print(f'{"ok" if not fails else "info"}: {name}: {len(slides)} slides, {len(body)} body units '
          f'({grouped} in groups of one level and size), {len(shrank)} shrank; {len(titles)} titles, '
          f'{len(tshrank)} shrank; {len(fails)} violations; info: {near} near-equal pairs apart, '
          f'{mixed} slides with a shrunk unit beside an untranslated one, {steps} overlay steps sized apart'
          + (f', {len(swapped)} overlay units showing a unit of other source text' if swapped else '')
          + (f'; {stray} lines in no frame' if stray else '') + (f'; {ambiguous} lines placed by their baseline' if ambiguous else '')
          + (f', {foreign} lines not in their unit\'s text' if foreign else ''))
    for n in notes[:int(os.environ.get('SIZES_NOTES', '0'))]:
        print('  note: ' + n)
    return 1 if fails else 0


def main(argv):
    if len(argv) >= 2 and argv[1] == 'fill' and len(argv) == 5:
        return cmd_fill(*argv[2:])
    if len(argv) >= 2 and argv[1] == 'check' and len(argv) == 6:
        return cmd_check(*argv[2:])
    if len(argv) >= 2 and argv[1] == 'units' and len(argv) == 3:
        return cmd_units(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
