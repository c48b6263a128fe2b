// ArticleXliff: a new XLIFF 1.2 file for a segmented article, one <group> per paragraph.
#include "hashi/formats/xliff.h"
#include "output_sink.h"
#include "xliff_codes.h"
#include "xliff_target.h"
#include "xml_escape.h"

namespace hashi::formats {
namespace {

void AppendHeader(const XliffArticle& article, std::string& out) {
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "  <file";
  AppendAttribute(out, "original", article.original.empty() ? "article" : article.original);
  AppendAttribute(out, "source-language", article.source_lang);
  AppendAttribute(out, "target-language", article.target_lang);
  out +=
      " datatype=\"plaintext\">\n"
      "    <header>\n"
      "      <tool tool-id=\"hashi\" tool-name=\"hashi\" tool-version=\"" HASHI_VERSION
      "\"/>\n"
      "    </header>\n"
      "    <body>\n";
}

void AppendUnit(const XliffArticle& article, const XliffArticle::Sentence& sentence, int id,
                std::string& out) {
  out += "        <trans-unit id=\"" + std::to_string(id) + "\" xml:space=\"preserve\">\n";
  out += "          <source";
  AppendAttribute(out, "xml:lang", article.source_lang);
  out += ">";
  ForEachPiece(
      sentence.source, [&](std::string_view text) { AppendEscapedText(out, text); },
      [](const Code&) {});  // an article's sentences are plain text
  out += "</source>\n";
  if (sentence.matches.empty()) {
    out += "        </trans-unit>\n";
    return;
  }
  TargetContext context;
  context.source_lang = article.source_lang;
  context.target_key = article.target_lang;
  context.target_lang = article.target_lang;
  context.alternatives = article.alternatives;
  const Match& best = sentence.matches.front();
  const std::string content =
      FitTargetMarkup(sentence.source, best.source, best.targets.at(article.target_lang), "");
  out += "          " + TargetElement(context, {}, StateOf({best.score}), content) + "\n";
  out += "          " + AltTransElements(context, sentence.matches, "") + "\n";
  out += "        </trans-unit>\n";
}

}  // namespace

std::string ArticleXliff(const XliffArticle& article) {
  std::string out;
  AppendHeader(article, out);
  int unit_id = 0;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    out += "      <group id=\"p" + std::to_string(p + 1) + "\">\n";
    for (const XliffArticle::Sentence& sentence : article.paragraphs[p]) {
      AppendUnit(article, sentence, ++unit_id, out);
    }
    out += "      </group>\n";
  }
  out +=
      "    </body>\n"
      "  </file>\n"
      "</xliff>\n";
  return out;
}

Status WriteArticleXliff(const XliffArticle& article, const std::filesystem::path& path) {
  Result<std::unique_ptr<OutputSink>> sink = OpenFileSink(path);
  if (!sink.ok()) return sink.status();
  if (Status s = (*sink)->Write(ArticleXliff(article)); !s.ok()) return s;
  return (*sink)->Commit();
}

}  // namespace hashi::formats
