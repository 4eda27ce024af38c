"""Scoring for bench/accuracy/run: one expected slide against one extracted slide, and
sums over groups of slides. Standard library only.

The rules are those of tests/unit/cases_test.cpp (the case test), so that the figures of
the shared cases agree with what `ctest -R Case` prints:
  - text is folded like deckhand's unicode::collapse_spaces (a run of white space becomes
    one space, leading and trailing white space goes; a run made only of no-break spaces
    keeps one no-break space);
  - an expected item is matched by the first unused extracted block of the same page
    with exactly its folded text; extracted blocks whose folded text is listed under
    `optional` are left out before matching (they count neither as found nor as extra);
  - the matched blocks are in order when their positions in the extracted slide increase
    along the expected items;
  - notes, where the expected slide has them, are equal paragraph by paragraph (folded);
  - a furniture text (folded) leaks when it occurs inside an extracted title or block
    (as extracted, not folded), as the case test looks for it; one difference: not on a
    page whose expected title, items or notes hold that text themselves (no shared case
    has such a page; two labelled real title slides do);
  - generated decks only: a deck whose truth says `space_either: cjk-latin` (XeLaTeX with
    xeCJK, which draws the same glue between CJK and Latin whether a space was typed or
    not) compares texts without the spaces between a Han or kana letter and an ASCII
    character (fold_cjk_latin); no shared case or labelled page says it.
"""
from collections import Counter

# deckhand's unicode::is_space (src/core/unicode.cpp)
_SPACES = {0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x202F, 0x205F} | set(range(0x2000, 0x200B))
_NBSP = {0xA0, 0x202F}


def fold(s):
    """unicode::collapse_spaces: runs of white space to one space, trimmed."""
    out = []
    plain = False
    nb = None
    for ch in s:
        c = ord(ch)
        if c in _NBSP:
            if nb is None:
                nb = ch
            continue
        if c in _SPACES:
            plain = True
            continue
        if out and (plain or nb is not None):
            out.append(" " if plain else nb)
        plain = False
        nb = None
        out.append(ch)
    return "".join(out)


def _cjk_letter(ch):
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def fold_cjk_latin(s):
    """fold, then without the spaces between a Han or kana letter and a printable ASCII
    character (either order): for decks whose truth says `space_either: cjk-latin`, where
    the producer draws the same glue there whether or not a space was typed (xeCJK)."""
    s = fold(s)
    out = []
    for k, ch in enumerate(s):
        if ch == " " and 0 < k < len(s) - 1:
            a, b = s[k - 1], s[k + 1]
            if (_cjk_letter(a) and 0x21 <= ord(b) <= 0x7E) or (_cjk_letter(b) and 0x21 <= ord(a) <= 0x7E):
                continue
        out.append(ch)
    return "".join(out)


def is_space_char(ch):
    return ord(ch) in _SPACES or ch.isspace()


def char_counts(texts):
    """Multiset of the non-space characters of some strings."""
    c = Counter()
    for t in texts:
        c.update(ch for ch in t if not is_space_char(ch))
    return c


def chars_lost(expected_texts, extracted_texts):
    """(expected non-space characters, how many of them the extraction lacks)."""
    e = char_counts(expected_texts)
    g = char_counts(extracted_texts)
    return sum(e.values()), sum(max(0, n - g.get(ch, 0)) for ch, n in e.items())


def score_slide(exp, got, optional=frozenset(), skip_items=False, code_aside=False, fold=fold):
    """Score one expected slide (`title`, `items` [[level, text]...], optional `notes`)
    against one extracted deck-JSON slide (None when the extraction has no such page).
    With code_aside, blocks the extraction marks `code` (a code listing) are set aside like
    optional ones, unless one has the text of an expected item (then it counts).
    `fold`: how texts compare (fold_cjk_latin for a `space_either: cjk-latin` deck).
    Returns a dict of plain values (JSON-ready)."""
    blocks = (got or {}).get("blocks") or []
    got_title = (got or {}).get("title") or ""
    exp_title = exp.get("title") or ""
    r = {
        "present": got is not None,
        "exp_title": fold(exp_title),
        "got_title": fold(got_title),
        "title_ok": got is not None and fold(got_title) == fold(exp_title),
        "skip_items": bool(skip_items),
        "n_exp": 0, "n_got": 0, "matched": 0, "level_ok": 0, "order_ok": True,
        "missed": [], "extra": [], "level_errors": [], "order_errors": [],
        "has_notes": "notes" in exp, "notes_ok": True, "exp_notes": None, "got_notes": None,
    }
    if not skip_items:
        want = [(int(lvl), fold(text)) for lvl, text in exp.get("items") or []]
        wanted = {t for _, t in want}
        cand = [(i, b) for i, b in enumerate(blocks) if fold(b.get("text") or "") not in optional and
                not (code_aside and b.get("code") and fold(b.get("text") or "") not in wanted)]
        ftext = [fold(b.get("text") or "") for _, b in cand]
        used = [False] * len(cand)
        last = -1
        for lvl, text in want:
            for k in range(len(cand)):
                if used[k] or ftext[k] != text:
                    continue
                used[k] = True
                r["matched"] += 1
                glvl = int(cand[k][1].get("level", 0))
                if glvl == lvl:
                    r["level_ok"] += 1
                else:
                    r["level_errors"].append([text, lvl, glvl])
                if k < last:
                    r["order_ok"] = False
                    r["order_errors"].append(text)
                last = k
                break
            else:
                r["missed"].append([lvl, text])
        r["n_exp"] = len(want)
        r["n_got"] = len(cand)
        r["extra"] = [[int(cand[k][1].get("level", 0)), ftext[k]] for k in range(len(cand)) if not used[k]]
    if r["has_notes"]:
        en = [fold(n) for n in exp["notes"]]
        gn = [fold(n) for n in (got or {}).get("notes") or []]
        r["exp_notes"], r["got_notes"] = en, gn
        r["notes_ok"] = got is not None and en == gn
    # Characters: the expected title, items and notes against everything extracted on the
    # page (title, every block, notes). On a skip_items page only the title is expected.
    exp_texts = [exp_title]
    if not skip_items:
        exp_texts += [t for _, t in exp.get("items") or []]
    exp_texts += exp.get("notes") or []
    got_texts = [got_title] + [b.get("text") or "" for b in blocks] + list((got or {}).get("notes") or [])
    r["chars"], r["chars_lost"] = chars_lost(exp_texts, got_texts)
    return r


def furniture_hits(got, furniture, exp=None):
    """The furniture texts (folded) found inside an extracted slide's title or blocks,
    except those the expected slide `exp` itself holds in its title, items or notes (a
    running header that is also the title slide's title is no leak there)."""
    if not got or not furniture:
        return []
    texts = [got.get("title") or ""] + [b.get("text") or "" for b in got.get("blocks") or []]
    own = []
    if exp:
        own = [fold(exp.get("title") or "")] + [fold(t) for _, t in exp.get("items") or []]
        own += [fold(n) for n in exp.get("notes") or []]
    return [f for f in furniture if f and any(f in t for t in texts) and not any(f in t for t in own)]


def slide_errors(r):
    """A slide's count of faults: a wrong title, each item missed, each extra block, each
    wrong level, a wrong order, wrong notes, a furniture leak. 0 = the slide is right
    (its characters lost are reported beside it)."""
    return ((0 if r["title_ok"] else 1) + (r["n_exp"] - r["matched"]) + (r["n_got"] - r["matched"])
            + (r["matched"] - r["level_ok"]) + (0 if r["order_ok"] else 1) + (0 if r["notes_ok"] else 1)
            + len(r.get("furniture") or []))


class Sums:
    """Micro-averaged sums over a group of scored slides."""

    FIELDS = ("slides", "titles_ok", "n_exp", "n_got", "matched", "level_ok", "order_slides",
              "order_ok", "notes_slides", "notes_ok", "chars", "chars_lost", "furniture_slides",
              "skip_slides", "missing_slides")

    def __init__(self):
        for f in self.FIELDS:
            setattr(self, f, 0)

    def add(self, r):
        self.slides += 1
        self.titles_ok += r["title_ok"]
        self.n_exp += r["n_exp"]
        self.n_got += r["n_got"]
        self.matched += r["matched"]
        self.level_ok += r["level_ok"]
        if r["skip_items"]:
            self.skip_slides += 1
        else:
            self.order_slides += 1
            self.order_ok += r["order_ok"]
        if r["has_notes"]:
            self.notes_slides += 1
            self.notes_ok += r["notes_ok"]
        self.chars += r["chars"]
        self.chars_lost += r["chars_lost"]
        self.furniture_slides += bool(r.get("furniture"))
        self.missing_slides += not r["present"]
        return self

    # The case test's conventions for empty denominators.
    @property
    def precision(self):
        return self.matched / self.n_got if self.n_got else (0.0 if self.n_exp else 1.0)

    @property
    def recall(self):
        return self.matched / self.n_exp if self.n_exp else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0

    @property
    def levels(self):
        return self.level_ok / self.matched if self.matched else (0.0 if self.n_exp else 1.0)

    @property
    def titles(self):
        return self.titles_ok / self.slides if self.slides else None

    @property
    def order(self):
        return self.order_ok / self.order_slides if self.order_slides else None

    @property
    def notes(self):
        return self.notes_ok / self.notes_slides if self.notes_slides else None

    @property
    def chars_lost_pct(self):
        return 100.0 * self.chars_lost / self.chars if self.chars else 0.0

    def as_dict(self):
        d = {f: getattr(self, f) for f in self.FIELDS}
        for f in ("titles", "precision", "recall", "f1", "levels", "order", "notes", "chars_lost_pct"):
            v = getattr(self, f)
            d[f] = None if v is None else round(v, 6)
        return d
