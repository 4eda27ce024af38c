#!/bin/sh
# deckhand build (issue 21, docs/events.md): the sample and two more decks x three languages
# (the sample's real translations; pseudo-translations of the others) x four outputs.
# Every output exists and passes qpdf --check; a second run builds nothing; changing one
# translation file rebuilds exactly the jobs that use it; --shard 1/2 and 2/2 together build
# every job once; --dry-run writes nothing; a damaged PDF fails its jobs only (with
# --keep-going) and the exit code says so; report.json lists every job; a missing
# translation file is exported, never over an existing one; manifest errors name the line.
# Usage: event.sh path/to/deckhand path/to/source
DECKHAND=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
. "$SRC/tests/e2e/lib.sh"
export DECKHAND_DATA="$SRC"
E=$T/ev
mkdir -p "$E/decks" "$E/translations"
cp "$SRC/samples/ietf-wsis20.pdf" "$SRC/samples/features.pdf" "$SRC/samples/beamer.pdf" "$E/decks/"
for l in fr ar zh; do cp "$SRC/samples/translations/ietf-wsis20.$l.po" "$E/translations/"; done
# the two others: each file a pseudo-translation (en-XA, labelled as the target language)
# with the translator's real translation of the first slide titles (features' "Agenda")
real() { case $1 in fr) echo "Ordre du jour" ;; ar) echo "جَدْوَلُ الأَعْمَال" ;; zh) echo "议程" ;; esac; }
for d in features beamer; do
  for l in fr ar zh; do
    rm -f "$T/pseudo.po"; "$DECKHAND" strings pseudo -q "$E/decks/$d.pdf" --format po -o "$T/pseudo.po" || bad "pseudo $d $l"
    sed "s/^\"Language: en-XA/\"Language: $l/" "$T/pseudo.po" |
      awk -v t="$(real $l)" '/^msgctxt "s2\.title-/ { hit = 1 } hit && /^msgstr / { print "msgstr \"" t "\""; hit = 0; next } { print }' \
      >"$E/translations/$d.$l.po"
  done
done
grep -q '^msgstr "议程"' "$E/translations/features.zh.po" && grep -q '^msgstr "\[' "$E/translations/features.zh.po" &&
  ok "features.zh.po: a real translation and pseudo ones" || bad "features.zh.po is not real + pseudo: $(grep -m3 '^msgstr' "$E/translations/features.zh.po")"
cat >"$E/event.yaml" <<'YAML'
event: IGF 2026
date: 2026-03-14
decks: [decks/*.pdf]
languages: [fr, ar, zh]
translations: translations/{deck}.{lang}.po
outputs:
  - {handout: notes-3}
  - {handout: outline}
  - {slides: true}
  - {handout: leaflet-a5, print: true}
out: build/{lang}/{deck}-{output}.pdf
YAML
# 3 decks x (en + 3 languages) x 3 handouts + 3 decks x 3 languages x slides
N=45
ids() { jq -r '.jobs[] | select(.status == "'"$2"'") | .id' "$1" | sort; }

# ---- the first build: every output
"$DECKHAND" build -j 2 "$E/event.yaml" --report "$T/r1.json" 2>"$T/err1"; rc=$?
[ "$rc" = 0 ] && ok "first build: exit 0" || bad "first build: exit $rc: $(tail -5 "$T/err1")"
n=$(find "$E/build" -name '*.pdf' | wc -l)
[ "$n" = $N ] && ok "first build: $N outputs" || bad "first build: $n outputs, wanted $N"
fails=0
for f in $(find "$E/build" -name '*.pdf'); do qpdf --check "$f" >/dev/null 2>&1 || { bad "qpdf --check fails on $f"; }; done
[ "$(jq '.jobs | length' "$T/r1.json")" = $N ] && ok "report lists every job" || bad "report: $(jq '.jobs | length' "$T/r1.json") jobs"
[ "$(ids "$T/r1.json" built | wc -l)" = $N ] && ok "every job built" || bad "built: $(ids "$T/r1.json" built | wc -l)"
for p in en/ietf-wsis20-notes-3 fr/features-outline ar/beamer-slides zh/ietf-wsis20-leaflet-a5-print; do
  [ -s "$E/build/$p.pdf" ] && ok "output $p" || bad "no output $p"
done
pdftotext "$E/build/fr/ietf-wsis20-notes-3.pdf" - | grep -q "IGF 2026" && ok "the event line is on the handout" || bad "no event line"
# the real translation reaches the handout and the translated slides, the pseudo ones too
for l in fr zh; do
  pdftotext "$E/build/$l/features-outline.pdf" - | grep -q "$(real $l)" && ok "$l outline: the real translation" || bad "$l outline: no '$(real $l)'"
  pdftotext "$E/build/$l/features-slides.pdf" - | grep -q "$(real $l)" && ok "$l slides: the real translation" || bad "$l slides: no '$(real $l)'"
done
# the French handout of the sample carries the sample's French translation
title_fr=$(grep -A1 'msgctxt "s1.title"' "$SRC/samples/translations/ietf-wsis20.fr.po" | sed -n 's/^msgid "\(.*\)"/\1/p')
grep -q "translations (units translated" "$T/err1" && ok "translation status printed" || bad "no translation status: $(cat "$T/err1")"
[ "$(jq '[.translations[] | select(.translated > 0)] | length' "$T/r1.json")" = 9 ] && ok "9 translation files, each translating units" ||
  bad "translations: $(jq -c '.translations' "$T/r1.json" | head -c 600)"

# ---- a second run: nothing
find "$E/build" -name '*.pdf' -newer "$T/r1.json" >"$T/newer0"
sleep 1; touch "$T/mark"
"$DECKHAND" build -j 2 "$E/event.yaml" --report "$T/r2.json" 2>"$T/err2"; rc=$?
[ "$rc" = 0 ] && grep -q "nothing to do" "$T/err2" && ok "second run: nothing to do" || bad "second run: exit $rc: $(cat "$T/err2")"
[ -z "$(find "$E/build" -name '*.pdf' -newer "$T/mark")" ] && ok "second run rewrote no output" || bad "second run rewrote: $(find "$E/build" -name '*.pdf' -newer "$T/mark" | head -3)"
[ "$(ids "$T/r2.json" "up to date" | wc -l)" = $N ] && ok "second run: $N up to date" || bad "second run: $(ids "$T/r2.json" "up to date" | wc -l) up to date"

# ---- one translation file changed: exactly its four jobs
printf '\n# reviewed by the event team\n' >>"$E/translations/features.fr.po"
"$DECKHAND" build -j 2 "$E/event.yaml" --report "$T/r3.json" 2>"$T/err3"; rc=$?
got=$(ids "$T/r3.json" built | tr '\n' ' ')
want="features/fr/leaflet-a5-print features/fr/notes-3 features/fr/outline features/fr/slides "
[ "$rc" = 0 ] && [ "$got" = "$want" ] && ok "a changed translation file rebuilt exactly: $got" || bad "changed translation: exit $rc, rebuilt '$got'"
"$DECKHAND" build "$E/event.yaml" --dry-run >"$T/dry3" 2>&1
grep -q "45 jobs: 0 would be built, 45 up to date" "$T/dry3" && ok "dry run after it: all up to date" || bad "dry run: $(cat "$T/dry3")"

# ---- --dry-run writes nothing, and says why
cp -r "$E" "$T/dry"; rm -rf "$T/dry/build"
"$DECKHAND" build "$T/dry/event.yaml" --dry-run >"$T/dry.out" 2>&1; rc=$?
[ "$rc" = 0 ] && [ ! -e "$T/dry/build" ] && ok "--dry-run wrote nothing" || bad "--dry-run: exit $rc, $(ls "$T/dry")"
[ "$(grep -c '^would build .*never built' "$T/dry.out")" = $N ] && ok "--dry-run lists the $N jobs and why" || bad "--dry-run: $(head -5 "$T/dry.out")"

# ---- shards: 1/2 and 2/2 build every job once
cp -r "$E" "$T/sh"; rm -rf "$T/sh/build"
"$DECKHAND" build -q -j 2 "$T/sh/event.yaml" --shard 1/2 --report "$T/s1.json"; r1=$?
"$DECKHAND" build -q -j 2 "$T/sh/event.yaml" --shard 2/2 --report "$T/s2.json"; r2=$?
ids "$T/s1.json" built >"$T/s1"; ids "$T/s2.json" built >"$T/s2"
both=$(comm -12 "$T/s1" "$T/s2" | wc -l); all=$(sort -u "$T/s1" "$T/s2" | wc -l)
[ "$r1$r2" = 00 ] && [ "$both" = 0 ] && [ "$all" = $N ] && [ -s "$T/s1" ] && [ -s "$T/s2" ] &&
  ok "shards: $(wc -l <"$T/s1") + $(wc -l <"$T/s2") jobs, each once" || bad "shards: exit $r1/$r2, $both in both, $all in all"
[ "$(find "$T/sh/build" -name '*.pdf' | wc -l)" = $N ] && ok "shards: $N outputs" || bad "shards: $(find "$T/sh/build" -name '*.pdf' | wc -l) outputs"
expect 2 "shard" -- "$DECKHAND" build "$E/event.yaml" --shard 3/2

# ---- a damaged PDF among the decks: its jobs fail, the others are done; exit 13
head -c 3000 "$SRC/samples/zh.pdf" >"$E/decks/broken.pdf"
for l in fr ar zh; do cp "$E/translations/beamer.$l.po" "$E/translations/broken.$l.po"; done
"$DECKHAND" build -j 2 "$E/event.yaml" --report "$T/r4n.json" 2>"$T/err4n"; rc=$?
[ "$rc" = 13 ] && [ "$(ids "$T/r4n.json" failed | grep -c '^broken/')" = 15 ] && [ "$(ids "$T/r4n.json" "up to date" | wc -l)" = $N ] &&
  ok "a damaged deck without --keep-going: exit 13, its 15 jobs failed, the others up to date (not 'not run')" || bad "without -k: exit $rc, $(jq -c '[.jobs[].status] | group_by(.) | map({(.[0]): length})' "$T/r4n.json")"
"$DECKHAND" build -j 2 -k "$E/event.yaml" --report "$T/r4.json" 2>"$T/err4"; rc=$?
[ "$rc" = 13 ] && ok "a damaged deck: exit 13" || bad "a damaged deck: exit $rc: $(cat "$T/err4")"
[ "$(jq '.jobs | length' "$T/r4.json")" = 60 ] && ok "report lists all 60 jobs" || bad "report: $(jq '.jobs | length' "$T/r4.json")"
[ "$(ids "$T/r4.json" "up to date" | grep -vc '^broken/')" = $N ] && ok "the other decks' jobs are up to date" || bad "others: $(jq -c '[.jobs[].status] | group_by(.) | map({(.[0]): length})' "$T/r4.json")"
[ "$(jq '[.jobs[] | select(.id | startswith("broken/")) | select(.status == "built" or .status == "up to date")] | length' "$T/r4.json")" = 0 ] &&
  ok "no job of the damaged deck reports success" || bad "the damaged deck's jobs: $(jq -c '[.jobs[] | select(.id | startswith("broken/")) | .status]' "$T/r4.json")"
grep -q "deckhand: error: extract/broken: .*broken.pdf" "$T/err4" && ok "the failure is named: $(grep 'extract/broken' "$T/err4" | head -1)" || bad "failure line: $(cat "$T/err4")"
[ ! -e "$E/build/en/broken-notes-3.pdf" ] && ok "no output for the damaged deck" || bad "an output for the damaged deck"
[ "$(jq '[.jobs[] | select(.id | startswith("broken/")) | select(.status == "failed" and .exit == 5)] | length' "$T/r4.json")" = 15 ] &&
  ok "the report: the damaged deck's 15 jobs failed, exit 5" || bad "report of the damaged deck's jobs: $(jq -c '[.jobs[] | select(.id | startswith("broken/"))][0]' "$T/r4.json")"
rm "$E/decks/broken.pdf" "$E/translations"/broken.*

# ---- a missing translation file: exported for the translators; its jobs wait
rm "$E/translations/beamer.zh.po"
"$DECKHAND" build -j 2 "$E/event.yaml" --report "$T/r5.json" 2>"$T/err5"; rc=$?
[ "$rc" = 0 ] && [ -s "$E/translations/beamer.zh.po" ] && msgfmt -c -o /dev/null "$E/translations/beamer.zh.po" && ok "missing file exported (valid PO)" || bad "export: exit $rc, $(cat "$T/err5")"
grep -q '^"Language: zh' "$E/translations/beamer.zh.po" && ok "exported for zh" || bad "exported file language: $(grep Language "$E/translations/beamer.zh.po")"
[ "$(ids "$T/r5.json" "waiting for translation" | tr '\n' ' ')" = "beamer/zh/leaflet-a5-print beamer/zh/notes-3 beamer/zh/outline beamer/zh/slides " ] &&
  ok "its four jobs wait for the translation" || bad "waiting: $(ids "$T/r5.json" "waiting for translation" | tr '\n' ' ')"
cp "$E/translations/beamer.zh.po" "$T/exported.po"
"$DECKHAND" build -q "$E/event.yaml"
cmp -s "$E/translations/beamer.zh.po" "$T/exported.po" && ok "the exported file is not written again" || bad "the exported file changed"
# --dry-run knows those jobs wait too (the file exists, and translates nothing yet)
"$DECKHAND" build "$E/event.yaml" --dry-run >"$T/dry5" 2>&1
[ "$(grep -c '^beamer/zh/.* waits for its translation' "$T/dry5")" = 4 ] && ! grep -q '^would build beamer/zh/' "$T/dry5" &&
  ok "--dry-run: the four zh jobs wait for their translation" || bad "--dry-run with an untouched export: $(grep zh "$T/dry5" | head -5)"

# ---- manifests that are not valid: exit 14, one line, the line named
printf 'decks: [decks/*.pdf]\noutputs: [{handout: notes-3}]\nout: o/{deck}-{output}.pdf\nlangauges: [fr]\n' >"$T/bad1.yaml"
expect 14 "bad1.yaml:4: unknown key 'langauges'" -- "$DECKHAND" build "$T/bad1.yaml"
printf 'decks: [nothing/*.pdf]\noutputs: [{handout: notes-3}]\nout: o/{deck}-{output}.pdf\n' >"$T/bad2.yaml"
expect 14 "matches no file" -- "$DECKHAND" build "$T/bad2.yaml"
expect 4 "" -- "$DECKHAND" build "$T/absent.yaml"
printf 'decks: [%s/decks/*.pdf]\noutputs: [{handout: notes-33}]\nout: o/{deck}-{output}.pdf\n' "$E" >"$T/bad3.yaml"
expect 14 "no layout 'notes-33'" -- "$DECKHAND" build "$T/bad3.yaml"
printf 'decks: [%s/decks/*.pdf]\nlanguages: [fr]\ntranslations: t/{deck}.{lang}.txt\noutputs: [{slides: true}]\nout: o/{lang}/{deck}-{output}.pdf\n' "$E" >"$T/bad4.yaml"
expect 14 "bad4.yaml:3: key 'translations'" -- "$DECKHAND" build "$T/bad4.yaml"
printf 'decks: [%s/decks/*.pdf]\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n' "$E" >"$T/bad5.yaml"
expect 14 "makes no job" -- "$DECKHAND" build "$T/bad5.yaml"
printf 'decks: [%s/decks/*.pdf]\noutputs: [{handout: notes-3}]\nout: o/{deck}-{output}.pdf\ndecks: [x.pdf]\n' "$E" >"$T/bad6.yaml"
expect 14 "bad6.yaml:4: key 'decks' is given twice" -- "$DECKHAND" build "$T/bad6.yaml"
# a glob of --only that matches no job: a typo, exit 2, nothing built
expect 2 "'beamr/\*' matches none of the event's [0-9]+ jobs" -- "$DECKHAND" build "$E/event.yaml" --only 'beamr/*'

# ---- a file where the build needs a folder: exit 10 naming it, not an internal error
mkdir -p "$T/fw"; : >"$T/fw/f"
printf 'decks: [%s/decks/*.pdf]\noutputs: [{handout: outline}]\nout: f/{deck}-{output}.pdf\n' "$E" >"$T/fw/e.yaml"
expect 10 "fw/f/.deckhand-build/decks: cannot create the folder of the build's state" -- "$DECKHAND" build "$T/fw/e.yaml"
[ -f "$T/fw/f" ] && [ ! -s "$T/fw/f" ] && ok "the file in the way is left as it was" || bad "the file in the way changed"

# ---- never over an input: an output among the decks, --report over a deck
mkdir -p "$T/ow/t"; cp "$SRC/samples/features.pdf" "$T/ow/t/a.pdf"; cp "$SRC/samples/beamer.pdf" "$T/ow/t/a-notes-3.pdf"
cp "$T/ow/t/a-notes-3.pdf" "$T/ow.keep"
printf 'decks: [t/*.pdf]\noutputs: [{handout: notes-3}]\nout: t/{deck}-{output}.pdf\n' >"$T/ow/e.yaml"
expect 14 "takes as a deck" -- "$DECKHAND" build "$T/ow/e.yaml"
cmp -s "$T/ow/t/a-notes-3.pdf" "$T/ow.keep" && ok "the deck named like an output is intact" || bad "a deck was overwritten"
expect 10 "overwrite" -- "$DECKHAND" build "$E/event.yaml" --report "$E/decks/features.pdf"
cmp -s "$E/decks/features.pdf" "$SRC/samples/features.pdf" && ok "--report over a deck refused, the deck intact" || bad "--report replaced a deck"
expect 2 "empty file name" -- "$DECKHAND" build "$E/event.yaml" --report ""

# ---- a translation file in another language than the manifest builds it as: its jobs fail
cp "$E/translations/features.zh.po" "$T/features.zh.keep"
cp "$E/translations/features.fr.po" "$E/translations/features.zh.po"
"$DECKHAND" build -k "$E/event.yaml" --only 'features/zh/*' --report "$T/r7.json" 2>"$T/err7"; rc=$?
[ "$rc" = 13 ] && [ "$(ids "$T/r7.json" failed | wc -l)" = 4 ] && grep -q "features/zh/notes-3: .*features.zh.po: the file translates into 'fr', and the manifest builds it as 'zh'" "$T/err7" &&
  ok "a French file in the Chinese place: its 4 jobs fail, named" || bad "French file as zh: exit $rc, $(cat "$T/err7")"
[ ! -e "$E/build/zh/features-notes-3.pdf" ] || ! pdftotext "$E/build/zh/features-notes-3.pdf" - | grep -q "Ordre du jour" && ok "no French output labelled zh" || bad "French output in build/zh"
cp "$T/features.zh.keep" "$E/translations/features.zh.po"

# ---- a translation file made for another deck: its jobs fail (exit 11 in the job), not "waiting"
cp "$E/translations/beamer.fr.po" "$T/beamer.fr.keep"
cp "$SRC/samples/translations/ietf-wsis20.fr.po" "$E/translations/beamer.fr.po"
"$DECKHAND" build -k -j 2 "$E/event.yaml" --only 'beamer/fr/*' --report "$T/r6.json" 2>"$T/err6"; rc=$?
[ "$rc" = 13 ] && [ "$(ids "$T/r6.json" failed | wc -l)" = 4 ] && grep -q "beamer/fr/notes-3: .*units" "$T/err6" &&
  ok "another deck's translation file: its 4 jobs fail, named" || bad "another deck's file: exit $rc, $(cat "$T/err6")"
cp "$T/beamer.fr.keep" "$E/translations/beamer.fr.po"

# ---- --init: a starting manifest for a folder's decks, never over a file
mkdir -p "$T/init"; cp "$SRC/samples/features.pdf" "$T/init/"; cp "$SRC/samples/beamer.pdf" "$T/init/beamer [v2].pdf"
"$DECKHAND" build --init "$T/init/event.yaml" 2>"$T/init.err" && grep -q 'beamer \\\\\[v2\\\\\].pdf' "$T/init/event.yaml" && grep -q '"features.pdf"' "$T/init/event.yaml" &&
  ok "--init lists the folder's decks" || bad "--init: $(cat "$T/init.err")"
"$DECKHAND" build "$T/init/event.yaml" --dry-run >"$T/init.dry" 2>&1 && grep -q "jobs: .* 0 up to date" "$T/init.dry" &&
  ok "the --init manifest plans its jobs: $(tail -1 "$T/init.dry")" || bad "--init manifest: $(tail -3 "$T/init.dry")"
cp "$T/init/event.yaml" "$T/init.keep"
expect 10 "already exists" -- "$DECKHAND" build --init "$T/init/event.yaml"
cmp -s "$T/init/event.yaml" "$T/init.keep" && ok "--init left the manifest as it was" || bad "--init replaced the manifest"
summary
