#include "layout/bidi.hpp"

#include <fribidi.h>

#include <vector>

namespace deckhand::layout {

std::u32string shape_logical(const std::u32string& s, bool rtl_base) {
  if (s.empty()) return s;
  const FriBidiStrIndex n = static_cast<FriBidiStrIndex>(s.size());
  std::vector<FriBidiChar> str(s.begin(), s.end());
  std::vector<FriBidiCharType> types(n);
  std::vector<FriBidiBracketType> brackets(n);
  std::vector<FriBidiLevel> levels(n);
  std::vector<FriBidiArabicProp> props(n);
  fribidi_get_bidi_types(str.data(), n, types.data());
  fribidi_get_bracket_types(str.data(), n, types.data(), brackets.data());
  FriBidiParType base = rtl_base ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data())) return s;
  fribidi_get_joining_types(str.data(), n, props.data());
  fribidi_join_arabic(types.data(), n, levels.data(), props.data());
  fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, levels.data(), n, props.data(), str.data());
  return std::u32string(str.begin(), str.end());
}

std::u32string visual_line(const std::u32string& s, bool rtl_base) {
  if (s.empty()) return s;
  const FriBidiStrIndex n = static_cast<FriBidiStrIndex>(s.size());
  std::vector<FriBidiChar> in(s.begin(), s.end()), out(n + 1);
  FriBidiParType base = rtl_base ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!fribidi_log2vis(in.data(), n, &base, out.data(), nullptr, nullptr, nullptr)) return s;
  std::u32string v;
  for (FriBidiStrIndex i = 0; i < n; ++i)
    if (out[i] != 0xFEFF) v += static_cast<char32_t>(out[i]);  // lam-alef placeholders
  return v;
}

}  // namespace deckhand::layout
