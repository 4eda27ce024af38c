#pragma once
// Event builds (docs/events.md): every deck x language x output of an event, from one
// manifest (a YAML file), planned into jobs that each make one output file.
//
// This header is the planning half, with no command line and no PDF work: reading and
// checking a manifest, expanding it into jobs (the deck globs, the languages, the outputs),
// the stable split of the jobs into shards, and each job's fingerprint (what makes a job
// stale). Running the jobs is the job's business (job.hpp).
//
// The manifest (docs/events.md lists every key; docs/event.schema.json is its JSON Schema):
//
//   event: IGF 2026                               # optional: the handouts' event line
//   date: 2026-03-14                              # optional: YYYY-MM-DD
//   decks: [talks/*.pdf, keynote.json]            # PDFs or deck JSONs; globs (glob(7))
//   languages: [ar, fr, zh]                       # BCP 47 tags; the source is built too
//   source_language: en                           # optional (en): {lang} of the untranslated outputs
//   translations: translations/{deck}.{lang}.xlf  # each translator's file (.xlf or .po)
//   outputs:
//     - {handout: notes-3}
//     - {handout: leaflet-a5, print: true}
//     - {slides: true}
//   out: build/{lang}/{deck}-{output}.pdf
//
// Paths in a manifest are relative to the manifest's folder. Placeholders: {deck} (the deck
// file's name without its extension), {lang} (a language tag), {output} (the output's name:
// the layout's name, "-print" added for print, or "slides").
//
// Errors: every function that reads a manifest throws deckhand::Error with
// Exit::manifest and "file:line" (the line of the key at fault) as the file.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace deckhand::event {

// One output of each deck and language.
struct Output {
  enum class Kind { handout, slides };
  Kind kind = Kind::handout;
  std::string layout;  // handout: a layout name or a layout file (relative to the manifest)
  bool print = false;  // handout --print
  std::string name;    // {output}: "notes-3", "leaflet-a5-print", "slides"
};

struct Manifest {
  std::string file;  // as given
  std::string dir;   // the folder paths are relative to
  std::string event, date;
  std::vector<std::string> decks;      // patterns, as written
  std::vector<std::string> languages;  // canonical tags, in the order written, no duplicates
  std::string source_language = "en";
  std::string translations;  // pattern with {deck} and {lang}
  std::vector<Output> outputs;
  std::string out;  // pattern with {lang}, {deck} and {output}
};

// Reads and checks a manifest. Refused (Exit::manifest, with the line): not YAML, an
// unknown key (with the nearest known key), a missing required key (decks, outputs, out;
// translations when languages are given), a language that is not a language tag, an out
// pattern without {deck} and {output} (every job needs its own file; {lang} too when there
// are languages), an output given twice, a value over 4096 bytes, a manifest over 1 MiB.
Manifest read_manifest(const std::string& file);
Manifest parse_manifest(const std::string& text, const std::string& file);

// One job: one output file.
struct Job {
  std::string id;           // "{deck}/{lang}/{output}": stable, unique, used for shards and state
  std::string deck;         // the deck file (a PDF or a deck JSON)
  std::string deck_name;    // {deck}
  std::string lang;         // a language of the manifest, or its source_language
  bool translated = false;  // lang is one of `languages` (not the source)
  std::string translation;  // the translation file (translated jobs only)
  Output output;
  std::string out;          // the output file
};

// The jobs of a manifest: decks (globs expanded, each sorted by name; a pattern that
// matches nothing is an error, as are two decks with the same {deck}) x (source language,
// then the languages) x outputs, in that order; slides only in the languages (the slides
// in the source language are the deck's PDF). Two jobs writing the same file are an
// error. Paths are joined to the manifest's folder.
std::vector<Job> plan(const Manifest& m);

// The stable split of jobs into n shards (1 <= i <= n): a job is in shard i when the
// FNV-1a hash of its id, modulo n, is i - 1. The split depends only on the ids, so every
// machine of a CI matrix computes the same one, and adding a deck moves no other job.
bool in_shard(const Job& j, int i, int n);
// "I/N" as written for --shard; throws Error(Exit::usage) for anything else.
std::pair<int, int> parse_shard(const std::string& s);

// What makes a job stale: the sha256 of the bytes of each of its inputs (the deck, its
// PDF, the translation file, the layout file), the job's options (any text that changes
// when they do) and deckhand's version. An input that does not exist counts as "absent" (a
// job whose translation file is missing is stale once it appears).
struct Fingerprint {
  std::string all;  // sha256 over everything below
  std::string options;
  std::vector<std::pair<std::string, std::string>> inputs;  // path -> sha256 or "absent"
};
// `hashes` caches the sha256 of files already read in this run (path -> hash).
Fingerprint fingerprint(const std::vector<std::string>& inputs, const std::string& options, const std::string& version,
                        std::map<std::string, std::string>* hashes = nullptr);

// The state of the jobs built before, kept beside the outputs (docs/events.md, "State"):
// job id -> the fingerprint of its last successful build. Written to a temporary file and
// renamed after each job; a state file that cannot be read is taken as empty (everything
// rebuilds).
struct State {
  std::map<std::string, Fingerprint> jobs;
};
State read_state(const std::string& path);
std::string state_json(const State& s);
// Why a job must run, or "" when it is up to date: "never built", "the output is missing",
// "deckhand's version or the options changed", "changed: <input>" (the first that did).
std::string why_stale(const State& s, const std::string& id, const Fingerprint& now, const std::string& out);

// The placeholders of a pattern replaced: {deck}, {lang}, {output}. Throws
// Error(Exit::manifest) naming `key` for an unknown placeholder or an unclosed brace.
std::string expand(const std::string& pattern, const std::string& deck, const std::string& lang,
                   const std::string& output, const std::string& file, const std::string& key);

}  // namespace deckhand::event
