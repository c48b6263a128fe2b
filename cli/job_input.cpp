#include "job_input.h"

#include <filesystem>

#include "article_text.h"
#include "data_files.h"
#include "shipped_tools.h"

namespace hashi::cli {
namespace {

// True for input that is meant as XML rather than an article: an XLIFF file name, or text that
// starts with an XML declaration. Such input that is not XLIFF gets the XLIFF reader's error
// ("not XLIFF (the root element is <tmx>)") instead of being segmented as prose.
bool MeantAsXml(const std::string& path, std::string_view bytes) {
  const std::string extension = std::filesystem::path(path).extension().string();
  for (const char* known : {".xlf", ".xliff", ".sdlxliff", ".mqxliff"}) {
    if (extension == known) return true;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const size_t start = bytes.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && bytes.substr(start).starts_with("<?xml");
}

}  // namespace

std::vector<Segment> JobInput::Segments(bool only_needing_target) const {
  std::vector<Segment> segments;
  if (!xliff) {
    for (const auto& paragraph : article.paragraphs) {
      for (const std::string& sentence : paragraph) segments.push_back({sentence, {}});
    }
    return segments;
  }
  for (const formats::XliffUnit& unit : xliff->units()) {
    if (only_needing_target ? !unit.NeedsTarget() : !unit.translate) continue;
    for (const formats::XliffSegment& segment : unit.segments) segments.push_back(segment.source);
  }
  return segments;
}

Result<JobInput> JobInputReader::Read(const std::string& path, const LanguageTag* to) {
  Result<std::string> bytes = ReadAll(path);
  if (!bytes.ok()) return bytes.status();
  return ReadBytes(std::move(*bytes), path == "-" ? "stdin" : path, to);
}

Result<JobInput> JobInputReader::ReadBytes(std::string bytes, const std::string& name,
                                           const LanguageTag* to) {
  JobInput input;
  input.name = name;
  if (formats::LooksLikeXliff(bytes) || MeantAsXml(name, bytes)) {
    Result<formats::XliffDocument> doc = formats::ReadXliff(bytes, input.name);
    if (!doc.ok()) return doc.status();
    if (Status s = CheckLanguages(*doc, to); !s.ok()) return s;
    input.xliff = std::move(*doc);
    return input;
  }
  Result<Article> article = ReadArticle(std::move(bytes), input.name);
  if (!article.ok()) return article.status();
  input.article = std::move(*article);
  return input;
}

Status JobInputReader::CheckLanguages(const formats::XliffDocument& doc,
                                      const LanguageTag* to) const {
  for (const formats::XliffFile& file : doc.files()) {
    Result<LanguageTag> source = LanguageTag::Parse(file.source_language);
    if (!source.ok() || !source->Matches(from_)) {
      return Status::InvalidInput("the source language of this <file> is '" + file.source_language +
                                      "', but --from is " + from_.str(),
                                  file.where);
    }
    if (to == nullptr || file.target_language.empty()) continue;
    Result<LanguageTag> target = LanguageTag::Parse(file.target_language);
    if (!target.ok() || !target->Matches(*to)) {
      return Status::InvalidInput("the target language of this <file> is '" + file.target_language +
                                      "', but --to is " + to->str(),
                                  file.where);
    }
  }
  return Status::Ok();
}

Result<Article> JobInputReader::ReadArticle(std::string bytes, const std::string& name) {
  Result<std::string> text = PrepareArticleText(std::move(bytes), name);
  if (!text.ok()) return text.status();
  if (Status s = LoadTools(); !s.ok()) return s;
  return SplitArticle(cleaner_->Clean(*text), *segmenter_);
}

Status JobInputReader::LoadTools() {
  if (segmenter_ != nullptr) return Status::Ok();
  Result<SrxRules> rules = LoadShippedRules();
  if (!rules.ok()) return rules.status();
  Result<std::unique_ptr<Cleaner>> cleaner = LoadShippedCleaner();
  if (!cleaner.ok()) return cleaner.status();
  Result<std::unique_ptr<Segmenter>> segmenter = MakeSegmenter(from_, &*rules);
  if (!segmenter.ok()) return segmenter.status();
  cleaner_ = std::move(*cleaner);
  segmenter_ = std::move(*segmenter);
  return Status::Ok();
}

}  // namespace hashi::cli
