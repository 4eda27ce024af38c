#pragma once
// Small scanners for short text patterns, written without std::regex: libstdc++'s regex
// matcher recurses once per character of the input, so a long string (a 100,000-character
// PDF title, a 30 KB layout field) overflows the stack (issue 20). Each of these runs in
// time linear in its input and constant stack. "Space" is ASCII white space, as \s is in
// std::regex under the C locale.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace deckhand::scan {

bool is_space(char c);
std::string_view trim(std::string_view s);

// `^\s*([0-9]*\.?[0-9]+)\s*(UNIT)?\s*$` with UNIT one of `units` (e.g. {"mm", "cm", "in",
// "pt"}), or `^\s*([0-9]*\.?[0-9]+)\s*%\s*$` when `percent`: the number's text and the unit
// found ("" when none). nullopt when `s` is not of that form.
struct NumberUnit {
  std::string number, unit;
};
std::optional<NumberUnit> number_unit(std::string_view s, const std::vector<std::string>& units);
std::optional<std::string> percentage(std::string_view s);

// The names of `{name}` fields (name of a-z and _) in `s`, in order, as
// sregex_iterator over `\{([a-z_]+)\}` found them.
std::vector<std::string> braced_fields(std::string_view s);

// `[a-z]\s*$`: the last character before trailing white space is a lower-case ASCII letter.
bool ends_with_letter(std::string_view s);

// `^#([0-9a-fA-F]{6})$`
bool is_hex_colour(std::string_view s);

// Where `s` stops being well-formed UTF-8 (an invalid byte, a truncated, overlong or
// surrogate sequence, a code point over U+10FFFF): its byte offset, or npos when it is valid.
size_t invalid_utf8_at(std::string_view s);

// `s` for an error message: at most `max` bytes (cut at a UTF-8 character boundary, with
// "…" and its full length in bytes when cut), so that a 40 KB option value or title does
// not make a 40 KB line.
std::string for_message(std::string_view s, size_t max = 80);

}  // namespace deckhand::scan
