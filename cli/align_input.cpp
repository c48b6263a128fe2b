#include "align_input.h"

#include <algorithm>

#include "article_text.h"
#include "data_files.h"
#include "hashi/article.h"
#include "shipped_tools.h"

namespace hashi::cli {
namespace {

std::string LanguageName(const std::string& code) {
  if (code == "en") return "English";
  if (code == "vi") return "Vietnamese";
  if (code == "ja") return "Japanese";
  return code;
}

// A line of white space only: ASCII, no-break (U+00A0), ideographic (U+3000) and the
// typographic spaces U+2000..U+200A.
bool IsBlank(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      i += 1;
    } else if (line.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (line.substr(i, 3) == "\xE3\x80\x80" ||
               (line.substr(i, 2) == "\xE2\x80" && i + 2 < line.size() &&
                static_cast<unsigned char>(line[i + 2]) <= 0x8A)) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// One sentence a line; a blank line (white space only) starts a new paragraph.
AlignerInput SplitLines(const std::string& text, const LanguageTag& lang) {
  AlignerInput input;
  input.lang = lang;
  int paragraph = 0;
  bool blank_before = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    const size_t first = line.find_first_not_of(" \t\r\v\f");
    if (IsBlank(line)) {
      blank_before = true;
    } else {
      line = line.substr(first, line.find_last_not_of(" \t\r\v\f") + 1 - first);
      if (blank_before && !input.sentences.empty()) ++paragraph;
      blank_before = false;
      input.sentences.push_back(std::move(line));
      input.paragraphs.push_back(paragraph);
    }
    start = end + 1;
  }
  return input;
}

}  // namespace

Result<AlignerInput> ArticleReader::Read(const VersionFile& file) {
  Result<std::string> bytes = ReadAll(file.path);
  if (!bytes.ok()) return bytes.status();
  return ReadBytes(file, std::move(*bytes));
}

Result<AlignerInput> ArticleReader::ReadBytes(const VersionFile& file, std::string bytes) {
  Result<std::string> text = PrepareArticleText(std::move(bytes), file.path);
  if (!text.ok()) return text.status();
  Result<AlignerInput> input =
      presegmented_ ? Result<AlignerInput>(SplitLines(*text, file.lang)) : Segment(*text, file);
  if (!input.ok()) return input.status();
  if (input->sentences.empty()) {
    return Status::InvalidInput(
        "no sentence to align (the file is empty or holds only page boilerplate)", {file.path});
  }
  return input;
}

Result<AlignerInput> ArticleReader::Segment(const std::string& text, const VersionFile& file) {
  if (Status s = LoadCleaner(); !s.ok()) return s;
  std::unique_ptr<Segmenter>& segmenter = segmenters_[file.lang.str()];
  if (segmenter == nullptr) {
    Result<std::unique_ptr<Segmenter>> made = MakeSegmenter(file.lang, rules_.get());
    if (!made.ok()) return made.status();
    segmenter = std::move(*made);
  }
  const Article article = SplitArticle(cleaner_->Clean(text), *segmenter);
  AlignerInput input;
  input.lang = file.lang;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    for (const std::string& sentence : article.paragraphs[p]) {
      input.sentences.push_back(sentence);
      input.paragraphs.push_back(static_cast<int>(p));
    }
  }
  return input;
}

Status ArticleReader::LoadCleaner() {
  if (cleaner_ != nullptr) return Status::Ok();
  Result<SrxRules> rules = LoadShippedRules();
  if (!rules.ok()) return rules.status();
  Result<std::unique_ptr<Cleaner>> cleaner = LoadShippedCleaner();
  if (!cleaner.ok()) return cleaner.status();
  rules_ = std::make_unique<SrxRules>(std::move(*rules));
  cleaner_ = std::move(*cleaner);
  return Status::Ok();
}

Status CheckDistinctLanguages(const std::vector<VersionFile>& files,
                              const std::vector<AlignerInput>& versions) {
  std::vector<std::string> guesses;
  for (const AlignerInput& version : versions) {
    std::string text;
    for (const std::string& s : version.sentences) text += s + "\n";
    guesses.push_back(GuessLanguageByScript(text));
  }
  for (size_t x = 0; x < files.size(); ++x) {
    for (size_t y = x + 1; y < files.size(); ++y) {
      if (guesses[x].empty() || guesses[x] != guesses[y]) continue;
      return Status::InvalidInput(
          "this file and " + files[y].path + " are both written in " + LanguageName(guesses[x]) +
              " (judged by their script), but are given as the " + files[x].lang.str() +
              " and the " + files[y].lang.str() + " version",
          {files[x].path});
    }
  }
  return Status::Ok();
}

}  // namespace hashi::cli
