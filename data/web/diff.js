// Display only: which words (characters in Japanese) of a match's source differ from the
// query. The score itself comes from the server; nothing here matches or aligns.
"use strict";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// Words, spaces and single punctuation marks; a CJK run is split into its characters.
function tokens(text) {
  const out = [];
  for (const t of text.match(/[\p{L}\p{M}\p{N}]+|\s+|./gsu) || []) {
    if (CJK.test(t)) out.push(...Array.from(t)); else out.push(t);
  }
  return out;
}

function fold(t) { return t.normalize("NFC").toLowerCase(); }

// The tokens of `source`, each marked true when it is not part of the longest common
// subsequence with `query` (so: inserted or changed in the source).
function diffTokens(query, source) {
  const a = tokens(query).map(fold), bRaw = tokens(source), b = bRaw.map(fold);
  const n = a.length, m = b.length;
  if (n * m > 4e6) return bRaw.map((t) => [t, false]);  // too long to bother
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0, j = 0;
  while (j < m) {
    if (i < n && a[i] === b[j]) { out.push([bRaw[j], false]); i++; j++; }
    else if (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) { i++; }
    else { out.push([bRaw[j], !/^\s+$/.test(bRaw[j])]); j++; }
  }
  return out;
}
