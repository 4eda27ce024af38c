#include "core/language.hpp"
#include "core/log.hpp"
#include "core/scan.hpp"

#include <spdlog/spdlog.h>
#include <unicode/localebuilder.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>

namespace deckhand::language {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool alpha(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// The strict reading: a BCP 47 tag ICU parses to its end, canonicalized.
std::optional<std::string> strict(const std::string& tag, const std::string& script = "", const std::string& variant = "") {
  if (tag.empty() || tag.size() > 64) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(tag, err);
  if (U_FAILURE(err) || l.isBogus()) return std::nullopt;
  if (!script.empty() || !variant.empty()) {  // a gettext @modifier
    icu::LocaleBuilder b;
    b.setLocale(l);
    if (!script.empty()) b.setScript(script);
    if (!variant.empty()) b.setVariant(variant);
    err = U_ZERO_ERROR;
    l = b.build(err);
    if (U_FAILURE(err) || l.isBogus()) return std::nullopt;
  }
  err = U_ZERO_ERROR;
  l.canonicalize(err);
  if (U_FAILURE(err) || l.isBogus()) return std::nullopt;
  const std::string lang = l.getLanguage();
  // a language of 2 or 3 letters: not "und" (ICU reads it as ""), not private use alone,
  // not the 5-8 letter subtags no registered language has ("French")
  if (lang.size() < 2 || lang.size() > 3 || !alpha(lang)) return std::nullopt;
  err = U_ZERO_ERROR;
  std::string out = l.toLanguageTag<std::string>(err);
  if (U_FAILURE(err) || out.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> canonical(std::string_view written) {
  std::string t(written);
  // surrounding white space (a PO header's value)
  t.erase(0, t.find_first_not_of(" \t\r\n"));
  t.erase(t.find_last_not_of(" \t\r\n") + 1);
  if (t.empty() || t.size() > 64) return std::nullopt;
  // gettext and POSIX: ll_CC.charset@modifier
  std::string modifier;
  if (size_t at = t.find('@'); at != std::string::npos) {
    modifier = lower(t.substr(at + 1));
    t.erase(at);
  }
  if (size_t dot = t.find('.'); dot != std::string::npos) t.erase(dot);  // ".UTF-8"
  std::replace(t.begin(), t.end(), '_', '-');
  std::string script, variant;
  if (modifier == "latin") script = "Latn";
  else if (modifier == "cyrillic") script = "Cyrl";
  else if (modifier == "arabic") script = "Arab";
  else if (modifier == "devanagari") script = "Deva";
  else if (!modifier.empty()) {
    if (modifier.size() < 5 || modifier.size() > 8 ||
        !std::all_of(modifier.begin(), modifier.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }))
      return std::nullopt;
    variant = modifier;  // "ca@valencia" -> "ca-valencia"
  }
  return strict(t, script, variant);
}

std::string suggestion(std::string_view written) {
  std::string t(written);
  t.erase(0, t.find_first_not_of(" \t\r\n"));
  t.erase(t.find_last_not_of(" \t\r\n") + 1);
  if (t.empty() || t.size() > 64) return "";
  // separators other than '-' ("fr FR", "fr/FR"), or one too many ("fr-", "-fr")
  std::string s;
  for (char c : t) {
    bool sep = !std::isalnum(static_cast<unsigned char>(c)) && c != '@';
    if (sep && (s.empty() || s.back() == '-')) continue;
    s += sep ? '-' : c;
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  if (s != t)
    if (auto c = canonical(s)) return *c;
  // a language's name, in English or in itself ("French", "français", "Deutsch")
  std::string want;
  icu::UnicodeString::fromUTF8(t).foldCase().toUTF8String(want);
  for (const char* const* code = uloc_getISOLanguages(); code && *code; ++code) {
    for (const char* in : {"en", *code}) {
      icu::UnicodeString name;
      icu::Locale(*code).getDisplayLanguage(icu::Locale(in), name);
      std::string n;
      name.foldCase().toUTF8String(n);
      if (n == want && n != *code)  // (ICU names a language it has no name for by its code)
        if (auto c = canonical(*code)) return *c;
    }
  }
  return "";
}

std::string read(std::string_view written, const std::string& file, Exit code, const std::string& what) {
  if (auto c = canonical(written)) {
    if (*c != written) current_log().info("{}: language '{}' read as '{}'", file, written, *c);
    return *c;
  }
  std::string s = suggestion(written);
  throw Error(code, file, (what.empty() ? "" : what + " ") + "'" + scan::for_message(written, 60) + "' is not a language tag",
              (s.empty() ? std::string() : "did you mean '" + s + "'? ") + "give a BCP 47 tag, e.g. fr, zh-Hans, es-419");
}

std::vector<std::string> scripts_of(const std::string& tag) {
  UErrorCode err = U_ZERO_ERROR;
  icu::Locale l = icu::Locale::forLanguageTag(tag, err);
  if (U_FAILURE(err) || l.isBogus()) return {};
  std::string script = l.getScript();
  if (script.empty()) {
    icu::Locale m = l;
    err = U_ZERO_ERROR;
    m.addLikelySubtags(err);
    if (U_FAILURE(err)) return {};
    // ICU gives languages it does not know back unchanged: no script
    script = m.getScript();
  }
  if (script.empty()) return {};
  if (script == "Jpan") return {"Hani", "Hira", "Kana"};
  if (script == "Kore") return {"Hang", "Hani"};
  if (script == "Hans" || script == "Hant" || script == "Hanb") return {"Hani", "Bopo"};
  return {script};
}

}  // namespace deckhand::language
