#pragma once
// Language tags (BCP 47), read in one place wherever one enters deckhand: a PO file's
// `Language:` header, XLIFF's `trgLang` / `target-language`, --target-lang, --lang, and the
// `lang` and `translated_from` fields of a deck JSON (docs/translation.md, "Language tags").
// ICU does the work: uloc_forLanguageTag parses, icu::Locale::canonicalize applies CLDR's
// aliases (ISO 639-2 "ara" -> "ar", "fra" -> "fr", "iw" -> "he", "cmn" -> "zh"),
// toLanguageTag writes the canonical casing ("zh-hans-cn" -> "zh-Hans-CN"), and
// uloc_addLikelySubtags gives a language's likely script ("ar" -> Arab).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace deckhand::language {

// The canonical form of a language tag, or nullopt when it is none. Read leniently where
// nothing is lost: POSIX and gettext forms ("fr_FR", "fr_FR.UTF-8", "sr@latin" ->
// "sr-Latn"), any casing, ISO 639-2 and deprecated codes. Refused: an empty or over-long
// tag, a language subtag that is not 2 or 3 letters ("French"), "und", a tag of private
// use alone, anything ICU cannot parse to its end ("fr FR", "fr-"). A well-formed tag of a
// language ICU does not know ("xx", "qaa") is kept, in canonical casing.
std::optional<std::string> canonical(std::string_view written);

// For a tag canonical() refuses, a tag the user probably meant ("French" -> "fr", "fr FR" ->
// "fr-FR", "fr-" -> "fr"), or "" when there is none.
std::string suggestion(std::string_view written);

// canonical(), for a tag read from `file` (or an option, then `file` is its name, e.g.
// "--lang"): with -v an info line says when the tag was changed ("deckhand: info: fra.po:
// language 'fra' read as 'fr'"). Throws Error(code, file, "... is not a language tag",
// hint with the suggestion when there is one). `what` names where it was written
// ("the Language: header", "--target-lang").
std::string read(std::string_view written, const std::string& file, Exit code, const std::string& what);

// The scripts text in this language is written in, as ISO 15924 codes: the tag's script
// subtag, else its likely script (CLDR, uloc_addLikelySubtags); a script that stands for
// several is expanded ("Jpan" -> Hani, Hira, Kana; "Kore" -> Hang, Hani; "Hans" and "Hant"
// -> Hani, Bopo). Empty when unknown ("xx").
std::vector<std::string> scripts_of(const std::string& tag);

}  // namespace deckhand::language
