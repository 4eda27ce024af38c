// The PDF budget scan (extract/budget.hpp) on small PDFs made here: what it counts.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>

#include "core/error.hpp"
#include "core/limits.hpp"
#include "extract/budget.hpp"

using namespace deckhand;

namespace {

// A PDF of the given objects (number -> body), with a correct cross-reference table.
std::string make_pdf(const std::map<int, std::string>& objs) {
  std::string out = "%PDF-1.7\n";
  std::map<int, size_t> off;
  for (const auto& [n, body] : objs) {
    off[n] = out.size();
    out += std::to_string(n) + " 0 obj\n" + body + "\nendobj\n";
  }
  const int size = objs.rbegin()->first + 1;
  const size_t x = out.size();
  out += "xref\n0 " + std::to_string(size) + "\n0000000000 65535 f \n";
  char line[32];
  for (int n = 1; n < size; ++n) {
    if (off.count(n)) std::snprintf(line, sizeof line, "%010zu 00000 n \n", off[n]);
    else std::snprintf(line, sizeof line, "0000000000 65535 f \n");
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(x) + "\n%%EOF\n";
  return out;
}

std::string stream(const std::string& data, const std::string& dict = "") {
  return "<< /Length " + std::to_string(data.size()) + " " + dict + " >>\nstream\n" + data + "\nendstream";
}

// One page whose content is `content`, with forms /X1.. as objects 10.. (form i's content
// forms[i]; each form's resources hold all the forms)
std::string page_pdf(const std::string& content, const std::vector<std::string>& forms = {}) {
  std::string xobjects;
  for (size_t i = 0; i < forms.size(); ++i) xobjects += "/X" + std::to_string(i + 1) + " " + std::to_string(10 + i) + " 0 R ";
  const std::string res = "<< /XObject << " + xobjects + ">> >>";
  std::map<int, std::string> objs{
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources " + res + " /Contents 4 0 R >>"},
      {4, stream(content)},
  };
  for (size_t i = 0; i < forms.size(); ++i)
    objs[10 + static_cast<int>(i)] = stream(forms[i], "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources " + res);
  return make_pdf(objs);
}

extract::BudgetScan scan(const std::string& pdf) { return extract::scan_pdf_budgets(pdf, "t.pdf", ""); }

struct Restore {
  Limits saved = limits();
  ~Restore() { limits() = saved; }
};

}  // namespace

TEST(BudgetScan, CountsOperatorsNotOperandsCommentsOrStrings) {
  // 4 operators; the comment, the string's "Tj Tj" and the array's "Q" are not operators
  auto r = scan(page_pdf("q 1 0 0 1 0 0 cm % Q Q Q\nBT (Tj Tj \\) Q) Tj [(a) -20 (b)] TJ ET"));
  EXPECT_TRUE(r.scanned);
  EXPECT_EQ(r.pages, 1);
  EXPECT_EQ(r.max_operators, 6u);  // q cm BT Tj TJ ET
}

TEST(BudgetScan, InlineImageDataIsNotRead) {
  // the image data holds "Q Q Q" bytes and an "EI" inside a word: BI, EI only
  auto r = scan(page_pdf("BI /W 2 /H 1 /BPC 8 /CS /G ID Q Q QxEIy EI\nQ"));
  EXPECT_EQ(r.max_operators, 3u);  // BI EI Q
}

TEST(BudgetScan, FormsCountEachTimeTheyAreDrawn) {
  // the page draws X1 3 times; X1 draws X2 twice; X2 has 2 operators
  auto r = scan(page_pdf("/X1 Do /X1 Do /X1 Do", {"/X2 Do /X2 Do", "q Q"}));
  // X2: 2; X1: 2 Do + 2*2 = 6; page: 3 Do + 3*6 = 21
  EXPECT_EQ(r.max_operators, 21u);
}

TEST(BudgetScan, FanOutIsComputedNotExecuted) {
  // 20 levels of forms, each drawing the next 8 times: 8^20 operators, counted in no time
  std::vector<std::string> forms;
  for (int i = 1; i <= 20; ++i) {
    std::string c;
    for (int k = 0; k < 8; ++k) c += i < 20 ? "/X" + std::to_string(i + 1) + " Do\n" : "q Q\n";
    forms.push_back(c);
  }
  try {
    scan(page_pdf("/X1 Do", forms));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::bad_pdf);
    EXPECT_NE(e.message().find("page 1: drawing the page takes over 10000000 operators"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("(--max-operators)"), std::string::npos);
  }
}

TEST(BudgetScan, FormDrawingItselfIsRefused) {
  try {
    scan(page_pdf("/X1 Do", {"/X1 Do"}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("object 10 0 R draws itself"), std::string::npos) << e.message();
  }
}

TEST(BudgetScan, OperandsWithoutOperator) {
  std::string many;
  for (int i = 0; i < 100001; ++i) many += "0 ";
  try {
    scan(page_pdf(many + "Q"));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("over 100000 operands with no operator"), std::string::npos) << e.message();
  }
  std::string fine;  // 99,999 operands, then an operator
  for (int i = 0; i < 99999; ++i) fine += "0 ";
  EXPECT_EQ(scan(page_pdf(fine + "Q")).max_operators, 1u);
}

TEST(BudgetScan, InflatedBytesPerStreamAndPerDocument) {
  Restore keep;
  limits().stream_bytes = 1000;
  std::string big(1500, ' ');
  try {
    scan(page_pdf("q Q" + big));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("a stream (object 4 0 R) inflates to over 1000 bytes"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("(--max-stream-size)"), std::string::npos);
  }
  limits() = keep.saved;
  limits().inflated_bytes = 2000;  // two streams of 1,200 bytes each
  try {
    scan(page_pdf("/X1 Do" + std::string(1200, ' '), {"q Q" + std::string(1200, ' ')}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("streams inflate to over 2000 bytes"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("(--max-inflated)"), std::string::npos);
  }
}

TEST(BudgetScan, PageTreeDepth) {
  // `levels` nodes of /Pages, each the only kid of the one above, then the page
  auto deep = [](int levels) {
    std::map<int, std::string> objs{{1, "<< /Type /Catalog /Pages 2 0 R >>"}};
    for (int i = 0; i < levels; ++i)
      objs[2 + i] = "<< /Type /Pages /Kids [" + std::to_string(3 + i) + " 0 R] /Count 1 >>";
    objs[2 + levels] = "<< /Type /Page /MediaBox [0 0 100 100] /Contents " + std::to_string(3 + levels) + " 0 R >>";
    objs[3 + levels] = stream("q Q");
    return make_pdf(objs);
  };
  auto r = scan(deep(256));
  EXPECT_EQ(r.tree_depth, 256);
  EXPECT_EQ(r.pages, 1);
  try {
    scan(deep(257));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("the page tree is over 256 levels deep"), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("(--max-depth)"), std::string::npos);
  }
}

TEST(BudgetScan, NotAPdfIsLeftToTheReader) {
  EXPECT_FALSE(scan("not a PDF at all").scanned);
}
