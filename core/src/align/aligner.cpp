#include "hashi/aligner.h"

#include "align/document.h"

namespace hashi {
namespace {

Status Validate(const std::vector<AlignerInput>& inputs) {
  if (inputs.size() < 2) return Status::InvalidInput("alignment needs at least two versions");
  for (size_t x = 0; x < inputs.size(); ++x) {
    const AlignerInput& in = inputs[x];
    const std::string name = in.lang.empty() ? "version " + std::to_string(x + 1) : in.lang.str();
    if (in.sentences.empty()) return Status::InvalidInput("the " + name + " version has no sentences");
    if (!in.paragraphs.empty() && in.paragraphs.size() != in.sentences.size()) {
      return Status::InvalidInput("the " + name + " version has " +
                                  std::to_string(in.paragraphs.size()) + " paragraph numbers for " +
                                  std::to_string(in.sentences.size()) + " sentences");
    }
    for (size_t s = 1; s < in.paragraphs.size(); ++s) {
      if (in.paragraphs[s] < in.paragraphs[s - 1]) {
        return Status::InvalidInput("the " + name + " version's paragraph numbers decrease at "
                                    "sentence " + std::to_string(s + 1));
      }
    }
    for (size_t y = 0; y < x; ++y) {
      if (!in.lang.empty() && in.lang.primary() == inputs[y].lang.primary()) {
        return Status::InvalidInput("two versions have the same language (" + name + ")");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Alignment> Align(const std::vector<AlignerInput>& inputs, const AlignerOptions& options) {
  if (Status s = Validate(inputs); !s.ok()) return s;
  const align::Document doc = align::MakeDocument(inputs, options);
  // Two passes: the first, with the prior length models, only serves to measure this
  // document's length ratio and variance on its own 1-1 links (posteriors are not needed).
  const align::LengthModels prior = align::InitialLengthModels(doc);
  const std::vector<align::TrackItem> first = align::AlignDocument(doc, prior, options, false);
  const align::LengthModels lengths = align::EstimateLengthModels(doc, first, prior);
  std::vector<align::TrackItem> units = align::AlignDocument(doc, lengths, options, true);
  Alignment alignment;
  alignment.units.reserve(units.size());
  for (align::TrackItem& item : units) {
    alignment.units.push_back({std::move(item.ranges), item.confidence});
  }
  return alignment;
}

std::string JoinSentences(const std::vector<std::string>& sentences, SentenceRange range) {
  std::string text;
  for (size_t s = range.begin; s < range.end && s < sentences.size(); ++s) {
    if (!text.empty()) text += ' ';
    text += sentences[s];
  }
  return text;
}

}  // namespace hashi
