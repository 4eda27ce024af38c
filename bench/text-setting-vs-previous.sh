#!/bin/sh
# Benchmark (issue 17): the text setter (HarfBuzz glyph runs written with libqpdf) against
# the build before it (FriBidi presentation forms written by libharu), side by side in one
# run: notes-3 and `slides` of the 95-page Keynote corpus deck translated into Arabic,
# the two builds in turns, best of 5 wall times each, peak memory of each, and the ratio
# this / previous (goal: <= 1.2).
# The Arabic translation is made here: every unit of the deck gets Arabic text about as
# long as its source (sentences of the sample's Arabic translation, vocalised in part).
# Usage: bench/text-setting-vs-previous.sh [BUILD_DIR] [PREVIOUS_DECKHAND]
#   PREVIOUS_DECKHAND: a deckhand built from the commit before the text setter (580df49);
#   when not given, that commit is built once into bench/.previous/ (a git worktree; about
#   8 minutes on 2 cores).
# Needs the corpus (DECKHAND_CORPUS, default ../shared/corpus/real); exit 77 without it.
cd "$(dirname "$0")/.."
. bench/lib.sh
corpus=${DECKHAND_CORPUS:-../shared/corpus/real}
deck=$corpus/keynote-types-dont-know-hash.pdf
[ -f "$deck" ] || { echo "bench: no $deck (set DECKHAND_CORPUS)"; exit 77; }
prev=${2:-}
if [ -z "$prev" ]; then
  prev=bench/.previous/build/src/deckhand
  if [ ! -x "$prev" ]; then
    [ -d bench/.previous ] || git worktree add -f --detach bench/.previous 580df49 >/dev/null
    (cd bench/.previous && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDECKHAND_TESTS=OFF >/dev/null &&
      cmake --build build -j"$(nproc)" --target deckhand deckhand-full >/dev/null)
  fi
fi
"$deckhand" strings export -q "$deck" --format po --target-lang ar -o "$work/en.po"
python3 - "$work/en.po" "$work/ar.po" samples/translations/ietf-wsis20.ar.po <<'EOF'
import re, sys
src, out, pool_po = sys.argv[1:4]
pool = [m for m in re.findall(r'^msgstr "(.+)"$', open(pool_po, encoding="utf-8").read(), re.M)
        if any("\u0600" <= c <= "\u06ff" for c in m)]
pool += ["يُشَجَّعُ الْمُشَارِكُونَ أَيْضًا عَلَى الْحَدِيثِ", "لَا بُدَّ مِنَ الدِّفَاعِ عَنْ إِطَارِ الْحَوْكَمَةِ"]
text = open(src, encoding="utf-8").read()
blocks = text.split("\n\n")
k = 0
res = []
for b in blocks:
    m = re.search(r'^msgid "(.*)"', b, re.M)
    if m and m.group(1) and "msgstr" in b:
        want = max(1, len(m.group(1)))
        s = ""
        while len(s) < want:
            s += (" " if s else "") + pool[k % len(pool)]
            k += 1
        s = s[: max(want, 8)].strip()
        b = re.sub(r'^msgstr ".*"$', 'msgstr "' + s.replace('"', "") + '"', b, flags=re.M)
    res.append(b)
open(out, "w", encoding="utf-8").write("\n\n".join(res))
EOF
printf '%-8s %-9s %9s %10s\n' output build "wall s" "peak KiB"
# The two builds take turns, ROUNDS times (default 5), each run's best wall time kept: the
# machine's load drifts, and turns spread the drift over both.
rounds=${ROUNDS:-5}
for job in notes-3 slides; do
  t_this=""; t_previous=""
  r=0
  while [ $r -lt "$rounds" ]; do
    for who in this previous; do
      bin=$deckhand; [ "$who" = previous ] && bin=$prev
      s0=$(date +%s%N)
      if [ "$job" = slides ]; then
        /usr/bin/time -f "%M" -o "$work/t-$who" "$bin" slides -q "$deck" --translations "$work/ar.po" -o "$work/$who-$job.pdf" >/dev/null 2>&1
      else
        /usr/bin/time -f "%M" -o "$work/t-$who" "$bin" handout -q "$deck" --translations "$work/ar.po" --layout notes-3 -o "$work/$who-$job.pdf" >/dev/null 2>&1
      fi
      t=$(echo "scale=3; ($(date +%s%N) - $s0) / 1000000000" | bc)
      eval "b=\${t_$who}"
      if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then eval "t_$who=$t"; fi
    done
    r=$((r + 1))
  done
  for who in this previous; do
    eval "t=\${t_$who}"
    printf '%-8s %-9s %9s %10s\n' "$job" "$who" "$t" "$(tail -n 1 "$work/t-$who")"
    qpdf --check "$work/$who-$job.pdf" >/dev/null 2>&1 || { echo "bench: $who $job does not pass qpdf --check" >&2; exit 1; }
  done
  echo "ratio $job (this / previous wall time, best of $rounds turns): $(echo "scale=2; $t_this / $t_previous" | bc), $(nproc) cores"
done
