// The registry of exit codes and warning codes (src/core/codes.hpp) against what uses it:
// docs/exit-codes.md's two tables, the man page (docs/deckhand.1: EXIT STATUS, WARNINGS),
// the source (every warning of the registry is emitted somewhere in src/, and no warning
// is made or compared by a string of its own), and the help text made from it.
// The documents and the source are read from the source tree (DECKHAND_SOURCE_DIR).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/codes.hpp"
#include "core/error.hpp"

using namespace deckhand;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = DECKHAND_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out.empty() ? "(none)" : out;
}

std::map<int, std::string> registry_exits() {
  std::map<int, std::string> m;
  for (const ExitCode& c : kExitCodes) m[c.number] = std::string(c.name);
  return m;
}

std::set<std::string> registry_warnings() {
  std::set<std::string> s;
  for (const WarningCode* c : kWarningCodes) s.insert(std::string(c->id));
  return s;
}

// warn::NAME of an id: "hidden-text" -> "hidden_text"
std::string constant_of(std::string id) {
  std::replace(id.begin(), id.end(), '-', '_');
  return id;
}

// The text of a man page section (.SH NAME up to the next .SH).
std::string man_section(const std::string& man, const std::string& name) {
  std::smatch m;
  const std::regex re("(^|\\n)\\.SH \"?" + name + "\"?\\n");
  if (!std::regex_search(man, m, re)) return {};
  const size_t from = m.position(0) + m.length(0);
  const size_t to = man.find("\n.SH ", from);
  return man.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

// The .TP entries' bold words of a man page section: ".TP\n.B 12" -> "12", ".B hidden\-text" -> "hidden-text".
std::set<std::string> man_entries(const std::string& section) {
  std::set<std::string> out;
  const std::regex re("\\.TP\\n\\.B ([a-z0-9_\\\\-]+)\\n");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), re); it != std::sregex_iterator(); ++it) {
    std::string w = (*it)[1];
    for (size_t k; (k = w.find("\\-")) != std::string::npos;) w.replace(k, 2, "-");
    out.insert(w);
  }
  return out;
}

struct SourceFile {
  std::string path;                   // relative to the source tree
  std::string code;                   // comments and string literals blanked out
  std::vector<std::string> literals;  // the string literals' contents (escapes as written)
};

// A C++ file split into its code and its string literals (comments dropped; raw strings,
// character literals and escapes handled as far as the source uses them).
SourceFile split(const fs::path& p) {
  const std::string s = read(p);
  SourceFile f{fs::relative(p, kRoot).string(), {}, {}};
  f.code.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    if (s.compare(i, 2, "//") == 0) {
      while (i < n && s[i] != '\n') ++i;
    } else if (s.compare(i, 2, "/*") == 0) {
      const size_t e = s.find("*/", i + 2);
      i = e == std::string::npos ? n : e + 2;
      f.code += ' ';
    } else if (s[i] == 'R' && i + 1 < n && s[i + 1] == '"' && (i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_'))) {
      const size_t open = s.find('(', i + 2);
      const std::string delim = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const size_t e = s.find(delim, open);
      f.literals.push_back(s.substr(open + 1, e - open - 1));
      i = e == std::string::npos ? n : e + delim.size();
      f.code += "\"\"";
    } else if (s[i] == '"' || s[i] == '\'') {
      const char q = s[i];
      size_t j = i + 1;
      while (j < n && s[j] != q && s[j] != '\n') j += s[j] == '\\' ? 2 : 1;
      if (q == '"') f.literals.push_back(s.substr(i + 1, j - i - 1));
      f.code += q == '"' ? "\"\"" : "' '";
      i = j + 1;
    } else {
      f.code += s[i++];
    }
  }
  return f;
}

const std::vector<SourceFile>& sources() {
  static const std::vector<SourceFile> files = [] {
    std::vector<SourceFile> v;
    for (const auto& e : fs::recursive_directory_iterator(kRoot / "src")) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".hpp" || ext == ".h" || ext == ".in")) v.push_back(split(e.path()));
    }
    std::sort(v.begin(), v.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return v;
  }();
  return files;
}

bool is_registry(const SourceFile& f) { return f.path == "src/core/codes.hpp" || f.path == "src/core/codes.cpp"; }

}  // namespace

TEST(Codes, RegistryIsWellFormed) {
  ASSERT_GE(std::size(kExitCodes), 15u);
  ASSERT_GE(std::size(kWarningCodes), 17u);
  std::set<std::string> names;
  for (const ExitCode& c : kExitCodes) {
    EXPECT_EQ(static_cast<int>(c.code), c.number) << c.name;
    EXPECT_TRUE(names.insert(std::string(c.name)).second) << c.name;
    EXPECT_FALSE(c.summary.empty()) << c.name;
    EXPECT_EQ(exit_code(c.code).name, c.name);
  }
  EXPECT_EQ(registry_warnings().size(), std::size(kWarningCodes));
  // the stable numbers scripts test
  EXPECT_EQ(static_cast<int>(Exit::warnings), 3);
  EXPECT_EQ(static_cast<int>(Exit::output), 10);
  EXPECT_EQ(static_cast<int>(Exit::check_failed), 12);
  EXPECT_EQ(static_cast<int>(Exit::manifest), 14);
  EXPECT_EQ(warn::page_no_text.id, "page-no-text");
  // a warning carries its id to the line users (and --strict) see
  const Warning w{warn::hidden_text, "talk.pdf", 2, "3 words nobody can see were left out"};
  EXPECT_EQ(w.line(), "deckhand: warning: talk.pdf: page 2: 3 words nobody can see were left out [hidden-text]");
  EXPECT_TRUE(w.code == warn::hidden_text);
  EXPECT_FALSE(w.code == warn::page_no_text);
}

TEST(Codes, HelpListsEveryExitCode) {
  const std::string help = exit_codes_help(100);
  EXPECT_EQ(help.rfind("Exit codes: ", 0), 0u) << help;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 100u) << line;
  std::string flat = help;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  for (const ExitCode& c : kExitCodes)
    EXPECT_NE(flat.find(" " + std::to_string(c.number) + " " + std::string(c.summary) + (c.number == kExitCodes[std::size(kExitCodes) - 1].number ? "." : ",")),
              std::string::npos)
        << c.name << " in: " << help;
  EXPECT_EQ(exit_code_list({Exit::jobs_failed, Exit::manifest}),
            "13 " + std::string(exit_code(Exit::jobs_failed).summary) + ", 14 " + std::string(exit_code(Exit::manifest).summary));
  EXPECT_EQ(exit_number(Exit::translation), "11");
  // the command line's help texts take their numbers from the registry: no string of src/
  // writes an exit code by hand ("exit 12", "Exit codes: 0 ok, ...")
  const std::regex by_hand("\\bexit(s|ed)?( codes?:?)? [0-9]+", std::regex::icase);
  for (const SourceFile& f : sources())
    for (const std::string& lit : f.literals)
      EXPECT_FALSE(std::regex_search(lit, by_hand)) << f.path << ": \"" << lit << "\": use exit_number(Exit::...) or exit_code_list (core/codes.hpp)";
}

TEST(Codes, ExitCodesMdListsExactlyTheRegistry) {
  const std::string md = read(kRoot / "docs/exit-codes.md");
  ASSERT_FALSE(md.empty());
  // the exit table: "| 5 | `bad_pdf` | ..."
  std::map<int, std::string> doc;
  const std::regex row("(^|\\n)\\| ([0-9]+) \\| `([a-z_]+)` \\|");
  for (auto it = std::sregex_iterator(md.begin(), md.end(), row); it != std::sregex_iterator(); ++it) {
    const int n = std::stoi((*it)[2]);
    EXPECT_EQ(doc.count(n), 0u) << "docs/exit-codes.md lists exit " << n << " twice";
    doc[n] = (*it)[3];
  }
  EXPECT_EQ(doc, registry_exits()) << "docs/exit-codes.md's exit table and src/core/codes.hpp differ (number and Exit:: name)";
  // the warning table, after "Warning codes": "| `page-no-text` | ..."
  const size_t from = md.find("Warning codes");
  ASSERT_NE(from, std::string::npos) << "docs/exit-codes.md has no warning table";
  const std::string part = md.substr(from);
  std::set<std::string> ids;
  const std::regex wrow("(^|\\n)\\| `([a-z0-9-]+)` \\|");
  for (auto it = std::sregex_iterator(part.begin(), part.end(), wrow); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(ids.insert((*it)[2]).second) << "docs/exit-codes.md lists warning " << (*it)[2] << " twice";
  }
  std::set<std::string> missing, extra;
  const std::set<std::string> reg = registry_warnings();
  std::set_difference(reg.begin(), reg.end(), ids.begin(), ids.end(), std::inserter(missing, missing.end()));
  std::set_difference(ids.begin(), ids.end(), reg.begin(), reg.end(), std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty()) << "warning codes of src/core/codes.hpp missing from docs/exit-codes.md: " << join(missing);
  EXPECT_TRUE(extra.empty()) << "docs/exit-codes.md lists warning codes src/core/codes.hpp does not have: " << join(extra);
  // and it says where the codes come from
  EXPECT_NE(md.find("src/core/codes.hpp"), std::string::npos);
  EXPECT_NE(md.find("codes_test"), std::string::npos);
}

TEST(Codes, ManPageListsExactlyTheRegistry) {
  const std::string man = read(kRoot / "docs/deckhand.1");
  ASSERT_FALSE(man.empty());
  std::set<std::string> numbers;
  for (const ExitCode& c : kExitCodes) numbers.insert(std::to_string(c.number));
  EXPECT_EQ(man_entries(man_section(man, "EXIT STATUS")), numbers)
      << "docs/deckhand.1's EXIT STATUS: one .TP/.B entry an exit code of src/core/codes.hpp";
  EXPECT_EQ(man_entries(man_section(man, "WARNINGS")), registry_warnings())
      << "docs/deckhand.1's WARNINGS: one .TP/.B entry a warning code of src/core/codes.hpp";
}

TEST(Codes, EveryWarningIsEmittedAndOnlyFromTheRegistry) {
  ASSERT_GT(sources().size(), 30u) << "src/ not found under " << kRoot;
  const std::set<std::string> reg = registry_warnings();
  std::set<std::string> constants;
  for (const auto& id : reg) constants.insert(constant_of(id));
  // a Warning made from a registry constant: {warn::NAME, file, page, message}
  const std::regex made("\\{\\s*warn::([a-z0-9_]+)\\s*,");
  const std::regex used("\\bwarn::([a-z0-9_]+)");
  // a warning made from a string, as before the registry: warn({"code", ...}), Warning{"code", ...}
  const std::regex by_string("(\\bwarn|push_back|emplace_back)\\(\\s*(Warning\\s*)?\\{\\s*\"\"|\\bWarning\\s*\\{\\s*\"\"");
  std::set<std::string> emitted;
  for (const SourceFile& f : sources()) {
    if (is_registry(f)) continue;
    for (auto it = std::sregex_iterator(f.code.begin(), f.code.end(), made); it != std::sregex_iterator(); ++it) emitted.insert((*it)[1]);
    for (auto it = std::sregex_iterator(f.code.begin(), f.code.end(), used); it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(constants.count((*it)[1])) << f.path << ": warn::" << (*it)[1] << " is not in src/core/codes.hpp";
    EXPECT_FALSE(std::regex_search(f.code, by_string)) << f.path << ": a warning made from a string: use a warn:: constant of src/core/codes.hpp";
    // no warning id written out as a string (compared, made or printed by its own copy)
    for (const std::string& lit : f.literals)
      EXPECT_FALSE(reg.count(lit)) << f.path << ": \"" << lit << "\": use warn::" << constant_of(lit) << " (src/core/codes.hpp)";
  }
  std::set<std::string> never;
  std::set_difference(constants.begin(), constants.end(), emitted.begin(), emitted.end(), std::inserter(never, never.end()));
  EXPECT_TRUE(never.empty()) << "warning codes of src/core/codes.hpp that no code of src/ emits ({warn::NAME, ...}): " << join(never);
}
