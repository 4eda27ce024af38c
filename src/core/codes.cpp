#include "core/codes.hpp"

namespace deckhand {

const ExitCode& exit_code(Exit e) {
  for (const ExitCode& c : kExitCodes)
    if (c.code == e) return c;
  return kExitCodes[static_cast<int>(Exit::failure)];  // not reached: every Exit is in the table
}

std::string exit_number(Exit e) { return std::to_string(static_cast<int>(e)); }

std::string exit_codes_help(size_t width) {
  std::string out, line = "Exit codes:";
  for (size_t i = 0; i < std::size(kExitCodes); ++i) {
    const std::string item = std::to_string(kExitCodes[i].number) + " " + std::string(kExitCodes[i].summary) +
                             (i + 1 == std::size(kExitCodes) ? "." : ",");
    if (line.size() + 1 + item.size() > width) {
      out += line + "\n";
      line = item;
    } else {
      line += " " + item;
    }
  }
  return out + line;
}

std::string exit_code_list(std::initializer_list<Exit> codes) {
  std::string out;
  for (Exit e : codes) out += (out.empty() ? "" : ", ") + exit_number(e) + " " + std::string(exit_code(e).summary);
  return out;
}

}  // namespace deckhand
