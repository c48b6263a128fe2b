// The normaliser on arbitrary UTF-8: NFC, the lookup key and the concordance key. Checks what
// must hold for any text: NFC and both keys are idempotent and valid UTF-8.
#include "fuzz_util.h"
#include "hashi/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hashi;
  const std::string_view text = fuzz::Bytes(data, size);
  if (FindInvalidUtf8(text) != std::string_view::npos) return 0;
  const std::string nfc = ToNfc(text);
  fuzz::Check(FindInvalidUtf8(nfc) == std::string_view::npos, "NFC is valid UTF-8");
  fuzz::Check(ToNfc(nfc) == nfc, "NFC is idempotent");
  const std::string key = MatchKey(text);
  fuzz::Check(FindInvalidUtf8(key) == std::string_view::npos, "MatchKey is valid UTF-8");
  fuzz::Check(MatchKey(key) == key, "MatchKey is idempotent");
  fuzz::Check(MatchKey(nfc) == key, "MatchKey does not depend on the normal form");
  const std::string bare = BareKey(text);
  fuzz::Check(FindInvalidUtf8(bare) == std::string_view::npos, "BareKey is valid UTF-8");
  fuzz::Check(BareKey(bare) == bare, "BareKey is idempotent");
  fuzz::Check(CodePointCount(nfc) <= nfc.size(), "code points <= bytes");
  return 0;
}
