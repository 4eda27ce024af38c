#include "core/scan.hpp"

namespace deckhand::scan {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }

// `[0-9]*\.?[0-9]+` at the start of `s`: its length, 0 when there is none.
size_t number_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && digit(s[i])) ++i;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && digit(s[j])) ++j;
    if (j > i + 1) return j;  // digits after the point
  }
  return i;  // digits only (a trailing point is not part of the number)
}
}  // namespace

std::optional<NumberUnit> number_unit(std::string_view s, const std::vector<std::string>& units) {
  s = trim(s);
  size_t n = number_prefix(s);
  if (n == 0) return std::nullopt;
  NumberUnit r{std::string(s.substr(0, n)), ""};
  std::string_view rest = trim(s.substr(n));
  if (rest.empty()) return r;
  for (const auto& u : units)
    if (rest == u) {
      r.unit = u;
      return r;
    }
  return std::nullopt;
}

std::optional<std::string> percentage(std::string_view s) {
  auto r = number_unit(s, {"%"});
  if (!r || r->unit != "%") return std::nullopt;
  return r->number;
}

std::vector<std::string> braced_fields(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = s.find('{', i)) != std::string_view::npos) {
    size_t j = i + 1;
    while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_')) ++j;
    if (j > i + 1 && j < s.size() && s[j] == '}') {
      out.emplace_back(s.substr(i + 1, j - i - 1));
      i = j + 1;
    } else {
      i = i + 1;
    }
  }
  return out;
}

bool ends_with_letter(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return !s.empty() && s.back() >= 'a' && s.back() <= 'z';
}

bool is_hex_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (char c : s.substr(1))
    if (!(digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return i;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    // the second byte's range excludes overlong forms, surrogates and code points past U+10FFFF
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c1 < lo || c1 > hi) return i;
    for (size_t k = 2; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string for_message(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(s.substr(0, cut)) + "… (" + std::to_string(s.size()) + " bytes)";
}

}  // namespace deckhand::scan
