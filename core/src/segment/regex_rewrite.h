// Rewrites of SRX regexes into forms ICU accepts. Private to hashi_core.
//
// SRX files are written for Java's regex engine (Okapi, OmegaT, LanguageTool, segment), whose
// syntax is nearly ICU's. Two habits of the corpus differ: a lone "}" (a literal to Java, a
// syntax error to ICU) and look-behinds of unbounded length. ICU also needs a bounded length
// for the look-behind the segmenter runs each `before` in.
#ifndef HASHI_CORE_SRC_SEGMENT_REGEX_REWRITE_H_
#define HASHI_CORE_SRC_SEGMENT_REGEX_REWRITE_H_

#include <string>

namespace hashi::segment {

// How often * + and {n,} may repeat once bounded.
inline constexpr int kMaxRepeat = 100;

// `regex` with * + and {n,} outside character classes bounded: {0,100} {1,100} {n,n+100}.
std::string BoundRepeats(const std::string& regex);

// `regex` with each "}" that closes no {n,m} interval escaped, as Java reads it.
std::string EscapeStrayBraces(const std::string& regex);

}  // namespace hashi::segment

#endif  // HASHI_CORE_SRC_SEGMENT_REGEX_REWRITE_H_
