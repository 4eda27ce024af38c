// hunspell behind extract::Speller (see spelling.hpp).
#include "extract/spelling.hpp"

#include <hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace deckhand::extract {
namespace fs = std::filesystem;

namespace {
class HunspellSpeller : public Speller {
 public:
  HunspellSpeller(const fs::path& aff, const fs::path& dic) : h_(aff.c_str(), dic.c_str()) {}
  bool known(const std::string& word) const override {
    std::lock_guard<std::mutex> lock(m_);
    return h_.spell(word);
  }

 private:
  mutable std::mutex m_;
  mutable Hunspell h_;
};

bool utf8_aff(const fs::path& aff) {
  std::ifstream in(aff);
  std::string line;
  for (int n = 0; n < 200 && std::getline(in, line); ++n)
    if (line.rfind("SET ", 0) == 0) return line.find("UTF-8") != std::string::npos;
  return false;
}
}  // namespace

std::unique_ptr<Speller> system_speller(const std::string& lang) {
  if (lang.empty() || lang.size() > 3 || !std::all_of(lang.begin(), lang.end(), ::isalpha)) return nullptr;
  const char* env = std::getenv("DECKHAND_HUNSPELL_DIR");
  fs::path dir = env && *env ? env : "/usr/share/hunspell";
  std::string upper = lang;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::vector<std::string> names = {lang + "_" + upper, lang + (lang == "en" ? "_US" : ""), lang};
  std::error_code ec;
  std::vector<std::string> others;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".dic" && e.path().stem().string().rfind(lang + "_", 0) == 0)
      others.push_back(e.path().stem().string());
  std::sort(others.begin(), others.end());
  names.insert(names.end(), others.begin(), others.end());
  for (const auto& n : names) {
    fs::path aff = dir / (n + ".aff"), dic = dir / (n + ".dic");
    if (fs::exists(aff, ec) && fs::exists(dic, ec) && utf8_aff(aff)) return std::make_unique<HunspellSpeller>(aff, dic);
  }
  return nullptr;
}

const Speller* shared_speller(const std::string& lang) {
  static std::mutex m;
  // never freed: see spelling.hpp (still reachable, so not a leak to a leak checker)
  static auto* cache = new std::map<std::string, std::unique_ptr<Speller>>();
  const char* env = std::getenv("DECKHAND_HUNSPELL_DIR");
  std::string key = lang + '\n' + (env ? env : "");
  std::lock_guard<std::mutex> lock(m);
  auto it = cache->find(key);
  if (it == cache->end()) it = cache->emplace(key, system_speller(lang)).first;
  return it->second.get();
}

}  // namespace deckhand::extract
