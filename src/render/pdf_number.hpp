#pragma once
// Numbers written into PDF content streams (PDF 32000-1:2008, 7.3.3: a real is digits with
// an optional decimal point, no exponent). No qpdf here: render/qpdf_util.hpp's pdfq::num is
// this, and unit tests include it alone.
#include <charconv>
#include <cmath>
#include <string>

namespace deckhand::render {

// `v` in fixed notation with `decimals` places (0 to 9 take the fast way; more are read
// the same), rounded as printf's "%.*f" rounds the exact binary value; no trailing zeros,
// no trailing point, never "-0". NaN, infinities and |v| < 5e-6 are written 0 (the same
// bytes every run).
inline std::string pdf_number(double v, int decimals = 5) {
  if (!std::isfinite(v) || std::abs(v) < 5e-6) v = 0;
  // The fast way: s = |v| · 10^decimals in one multiplication (10^k exact), off the exact
  // product by at most half an ulp of s, under 1.2e-4 for s < 1e12; unless s lies within
  // 1e-3 of a half, s and the exact product round to the same integer, which is what
  // to_chars' digits are. Else (a near tie, a huge number) to_chars itself.
  static constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  if (decimals >= 0 && decimals <= 9) {
    const double s = std::abs(v) * kPow10[decimals];
    if (s < 1e12 && std::abs(s - std::floor(s) - 0.5) > 1e-3) {
      unsigned long long n = static_cast<unsigned long long>(std::llround(s));
      if (n == 0) return "0";
      char digits[32];
      int len = 0;
      for (; n > 0; n /= 10) digits[len++] = static_cast<char>('0' + n % 10);  // least significant first
      int d = decimals, start = 0;
      while (d > 0 && start < len && digits[start] == '0') ++start, --d;  // trailing zeros of the fraction
      std::string out;
      out.reserve(static_cast<size_t>(len + 3));
      if (v < 0) out += '-';
      if (len - start <= d) {  // no integer digit: 0.0ddd
        out += "0.";
        out.append(static_cast<size_t>(d - (len - start)), '0');
        for (int i = len - 1; i >= start; --i) out += digits[i];
        return out;
      }
      for (int i = len - 1; i >= start; --i) {
        out += digits[i];
        if (i == start + d && d > 0) out += '.';
      }
      return out;
    }
  }
  char b[400];  // the largest double has 309 digits
  const auto r = std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, decimals);
  std::string s(b, r.ec == std::errc() ? r.ptr : b);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

}  // namespace deckhand::render
