// PretranslatedXliff: the document's own text with new <target> and <alt-trans> elements
// spliced in, then encoded back into the document's encoding. Nothing else changes.
#include <algorithm>

#include "output_sink.h"
#include "xliff_codes.h"
#include "xliff_internal.h"
#include "xliff_target.h"
#include "xml_encoder.h"

namespace hashi::formats {
namespace {

struct Splice {
  Span replaced;  // empty to insert at replaced.begin
  std::string markup;
};

TargetContext ContextFor(const XliffDocument::Internal& doc, const XliffUnit& unit,
                         const XliffLeverage& leverage) {
  const XliffFile& file = doc.files[unit.file];
  TargetContext context;
  context.prefix = doc.prefix;
  context.source_lang = file.source_language;
  context.target_key = leverage.target_lang;
  context.target_lang = file.target_language.empty() ? leverage.target_lang : file.target_language;
  context.alternatives = leverage.alternatives;
  return context;
}

// The content of the target of a segmented unit: the <seg-source> content with each segment's
// content replaced by its translation (empty where there is no match).
std::string SegmentedContent(const XliffDocument::Internal& doc, const XliffUnit& unit,
                             const UnitPlace& place, const std::vector<std::vector<Match>>& matches,
                             const TargetContext& context) {
  const std::string_view text = doc.text;
  std::string out;
  for (const SegSourcePiece& piece : place.pieces) {
    if (!piece.is_segment) {
      out += text.substr(piece.raw.begin, piece.raw.size());
      continue;
    }
    const ElementSpans mrk = FindElementSpans(text, piece.raw.begin);
    const std::vector<Match>& found = matches[piece.segment];
    if (mrk.self_closing()) {
      out += text.substr(piece.raw.begin, piece.raw.size());
      continue;
    }
    out += text.substr(mrk.start_tag.begin, mrk.start_tag.size());
    if (!found.empty()) {
      out += FitTargetMarkup(unit.segments[piece.segment].source, found[0].source,
                             found[0].targets.at(context.target_key), context.prefix);
    }
    out += text.substr(mrk.end_tag.begin, mrk.end_tag.size());
  }
  return out;
}

// The new elements of one unit, or "" when none of its segments has a match.
std::string UnitMarkup(const XliffDocument::Internal& doc, size_t u,
                       const XliffLeverage& leverage) {
  const XliffUnit& unit = doc.units[u];
  const UnitPlace& place = doc.places[u];
  const std::vector<std::vector<Match>>& matches = leverage.matches[u];
  const TargetContext context = ContextFor(doc, unit, leverage);
  std::vector<int> scores;
  for (const auto& found : matches) scores.push_back(found.empty() ? -1 : found[0].score);
  if (std::all_of(scores.begin(), scores.end(), [](int s) { return s < 0; })) return "";
  std::string content;
  if (unit.segmented) {
    content = SegmentedContent(doc, unit, place, matches, context);
  } else {
    const Match& best = matches[0][0];
    content = FitTargetMarkup(unit.segments[0].source, best.source,
                              best.targets.at(context.target_key), doc.prefix);
  }
  std::string out = TargetElement(context, place.target_attrs, StateOf(scores), content);
  for (size_t s = 0; s < matches.size(); ++s) {
    out += AltTransElements(context, matches[s], unit.segments[s].mid);
  }
  return out;
}

Status CheckShape(const XliffDocument::Internal& doc, const XliffLeverage& leverage) {
  bool ok = leverage.matches.size() == doc.units.size();
  for (size_t u = 0; ok && u < doc.units.size(); ++u) {
    ok = leverage.matches[u].size() == doc.units[u].segments.size();
    for (const auto& found : leverage.matches[u]) {
      for (const Match& match : found) ok = ok && match.targets.count(leverage.target_lang) > 0;
    }
  }
  return ok ? Status::Ok() : Status::Internal("XliffLeverage does not fit the document");
}

}  // namespace

Result<std::string> PretranslatedXliff(const XliffDocument& document,
                                       const XliffLeverage& leverage) {
  const XliffDocument::Internal& doc = document.internal();
  if (Status s = CheckShape(doc, leverage); !s.ok()) return s;
  std::vector<Splice> splices;
  for (size_t u = 0; u < doc.units.size(); ++u) {
    if (!doc.units[u].NeedsTarget()) continue;
    std::string markup = UnitMarkup(doc, u, leverage);
    if (markup.empty()) continue;
    const UnitPlace& place = doc.places[u];
    const Span at = place.empty_target.value_or(Span{place.insert_at, place.insert_at});
    splices.push_back({at, std::move(markup)});
  }
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.replaced.begin < b.replaced.begin; });
  std::string text;
  size_t at = 0;
  for (const Splice& splice : splices) {
    text.append(doc.text, at, splice.replaced.begin - at);
    text += splice.markup;
    at = splice.replaced.end;
  }
  text.append(doc.text, at);
  Result<std::string> encoded = EncodeXml(text, doc.encoding);
  if (!encoded.ok()) return encoded.status().WithFile(doc.name);
  return doc.bom + *encoded;
}

Status WritePretranslatedXliff(const XliffDocument& document, const XliffLeverage& leverage,
                               const std::filesystem::path& path) {
  Result<std::string> bytes = PretranslatedXliff(document, leverage);
  if (!bytes.ok()) return bytes.status();
  Result<std::unique_ptr<OutputSink>> sink = OpenFileSink(path);
  if (!sink.ok()) return sink.status();
  if (Status s = (*sink)->Write(*bytes); !s.ok()) return s;
  return (*sink)->Commit();
}

}  // namespace hashi::formats
