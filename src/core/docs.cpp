#include "core/docs.hpp"

#include <filesystem>
#include <system_error>

#include "deckhand/data_dir.hpp"

namespace fs = std::filesystem;

namespace deckhand {

std::string install_prefix() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path prefix = exe.parent_path().parent_path();
  if (exe.filename() == "deckhand-full" && prefix.filename() == "libexec") prefix = prefix.parent_path();
  return prefix.string();
}

std::string doc_path(const std::string& name) {
  std::error_code ec;
  fs::path docdir = kInstallDocDir;  // CMAKE_INSTALL_DOCDIR: relative to the prefix, or absolute
  if (const std::string prefix = install_prefix(); !prefix.empty() || docdir.is_absolute()) {
    fs::path installed = (docdir.is_absolute() ? docdir : fs::path(prefix) / docdir) / name;
    if (fs::is_regular_file(installed, ec)) return installed.string();
  }
  fs::path tree = fs::path(kSourceDataDir) / "docs" / name;
  if (fs::is_regular_file(tree, ec)) return tree.string();
  return "docs/" + name;
}

}  // namespace deckhand
