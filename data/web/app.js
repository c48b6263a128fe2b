// The page of `hashi serve`: three views over the JSON API (docs/api.md). Matching, aligning,
// folding and analysing all happen on the server; this file only asks and draws.
"use strict";

const $ = (id) => document.getElementById(id);
const LANGS = ["en", "vi", "ja"];
const LOW_CONFIDENCE = 0.5;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function status(id, text, error = false) {
  $(id).textContent = text;
  $(id).classList.toggle("error", error);
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body && body.error ? body.error : `HTTP ${response.status}`);
  return body;
}

function postJson(path, object, headers = {}) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers },
                     body: JSON.stringify(object) });
}

// ---- Views ------------------------------------------------------------------------------

const tabs = ["lookup", "align", "tm"];
function show(view) {
  for (const t of tabs) {
    $("tab-" + t).setAttribute("aria-selected", String(t === view));
    $("tab-" + t).tabIndex = t === view ? 0 : -1;
    $("view-" + t).hidden = t !== view;
  }
  if (view === "tm") loadStats();
  if (view === "lookup") $("q").focus();
}
for (const t of tabs) $("tab-" + t).addEventListener("click", () => show(t));
document.querySelector("nav").addEventListener("keydown", (e) => {
  if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
  const current = tabs.findIndex((t) => $("tab-" + t).getAttribute("aria-selected") === "true");
  const next = tabs[(current + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
  show(next);
  $("tab-" + next).focus();
});

// ---- Lookup and concordance -------------------------------------------------------------

let lookupTimer = 0;
let lookupSerial = 0;

function sourceWithDiff(query, source) {
  const span = el("span", { class: "source" });
  for (const [text, changed] of diffTokens(query, source)) {
    span.append(changed ? el("ins", { class: "diff" }, text) : text);
  }
  return span;
}

function marked(text, spans) {
  // Offsets are UTF-16 code units, as JavaScript strings count them.
  const out = el("span", { class: "text" });
  let at = 0;
  for (const [begin, end] of spans) {
    out.append(text.slice(at, begin), el("mark", {}, text.slice(begin, end)));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

function targetLines(targets) {
  const lines = [];
  for (const lang of Object.keys(targets).sort((a, b) => LANGS.indexOf(a) - LANGS.indexOf(b))) {
    lines.push(el("div", { class: "target" }, el("span", { class: "lang" }, lang), targets[lang]));
  }
  return lines;
}

async function runLookup() {
  const q = $("q").value;
  const serial = ++lookupSerial;
  if (!q.trim()) {
    $("matches").replaceChildren();
    $("hits").replaceChildren();
    status("lookup-status", "");
    return;
  }
  const from = $("from").value, to = $("to").value;
  const lookup = new URLSearchParams({ from, to, q, min: $("min").value || "50" });
  const concord = new URLSearchParams({ lang: from, q, limit: "20" });
  try {
    const [m, c] = await Promise.all([api("/api/lookup?" + lookup), api("/api/concord?" + concord)]);
    if (serial !== lookupSerial) return;  // a newer query is on its way
    $("matches").replaceChildren(...m.matches.map((match) => el("li", { class: "match" },
      el("div", {}, el("span", { class: "score" + (match.score === 100 ? " exact" : "") },
                       String(match.score)), sourceWithDiff(q, match.source)),
      ...targetLines(match.targets),
      el("div", { class: "meta" }, `unit ${match.unit} · ${match.origin}`))));
    $("hits").replaceChildren(...c.hits.map((hit) => el("li", { class: "hit" },
      el("div", {}, el("span", { class: "lang" }, from), marked(hit.text, hit.highlight)),
      ...targetLines(hit.targets),
      el("div", { class: "meta" }, `unit ${hit.unit} · ${hit.origin}`))));
    status("lookup-status", `${m.matches.length} matches, ${c.hits.length} concordance hits`);
  } catch (e) {
    if (serial === lookupSerial) status("lookup-status", e.message, true);
  }
}

function scheduleLookup() {
  clearTimeout(lookupTimer);
  lookupTimer = setTimeout(runLookup, 250);
}
$("q").addEventListener("input", scheduleLookup);
for (const id of ["from", "to", "min"]) $(id).addEventListener("change", scheduleLookup);
$("lookup-form").addEventListener("submit", (e) => { e.preventDefault(); runLookup(); });

// ---- Alignment review -------------------------------------------------------------------

// rows: [{cells: {en: [sentence...], ...}, confidence, skip}]
let review = { langs: [], rows: [] };

function readUpload(input, onText) {
  for (const file of input.files) {
    const reader = new FileReader();
    reader.onload = () => onText(file.name, reader.result);
    reader.readAsText(file);
  }
}

$("files").addEventListener("change", () => readUpload($("files"), (name, text) => {
  // en.txt, vi.txt, ja.txt (or a name ending so) go to their box; others to the first empty one.
  const lang = LANGS.find((l) => new RegExp(`(^|[^a-z])${l}\\.txt$`, "i").test(name)) ||
               LANGS.find((l) => !$("text-" + l).value);
  if (lang) $("text-" + lang).value = text;
}));

$("align-button").addEventListener("click", async () => {
  const body = { presegmented: $("presegmented").checked };
  for (const l of LANGS) if ($("text-" + l).value.trim()) body[l] = $("text-" + l).value;
  status("align-status", "Aligning…");
  try {
    const answer = await postJson("/api/align", body);
    const langs = LANGS.filter((l) => l in body);
    review = {
      langs,
      rows: answer.units.map((u) => ({
        cells: Object.fromEntries(langs.map((l) => [l, [...(u.sentences[l] || [])]])),
        confidence: u.confidence, skip: false })),
    };
    const low = review.rows.filter((r) => r.confidence < LOW_CONFIDENCE).length;
    status("align-status", `${review.rows.length} units, ${low} with low confidence` +
           (answer.warnings.length ? " — " + answer.warnings.join("; ") : ""));
    drawReview();
  } catch (e) {
    status("align-status", e.message, true);
  }
});

function rowUnit(row) {
  const unit = { confidence: row.confidence };
  for (const l of review.langs) unit[l] = row.cells[l].join(" ");
  return unit;
}

function keptUnits() {
  return review.rows.filter((r) => !r.skip && review.langs.some((l) => r.cells[l].length))
                    .map(rowUnit);
}

// Keeps the keyboard focus on the same control after a redraw.
function redrawFocusing(selector) {
  drawReview();
  const target = document.querySelector(selector);
  if (target) target.focus();
}

function joinRows(i) {
  const [a, b] = [review.rows[i], review.rows[i + 1]];
  for (const l of review.langs) a.cells[l].push(...b.cells[l]);
  a.confidence = Math.min(a.confidence, b.confidence);
  review.rows.splice(i + 1, 1);
  redrawFocusing(`[data-row="${i}"] .join`);
}

function splitRow(i) {
  // The first sentence of each language stays; the rest go to a new row below.
  const row = review.rows[i];
  const rest = { cells: {}, confidence: row.confidence, skip: false };
  for (const l of review.langs) rest.cells[l] = row.cells[l].splice(1);
  review.rows.splice(i + 1, 0, rest);
  redrawFocusing(`[data-row="${i}"] .split`);
}

function emptyRow(confidence) {
  return { cells: Object.fromEntries(review.langs.map((l) => [l, []])), confidence, skip: false };
}

// Moves sentence k of `lang` in row i to the end of the row above (up) or the start of the
// row below, making that row if there is none; rows left empty in every language go.
function moveSentence(i, lang, k, up) {
  const row = review.rows[i];
  const [sentence] = row.cells[lang].splice(k, 1);
  if (up && i === 0) { review.rows.unshift(emptyRow(row.confidence)); i++; }
  if (!up && i === review.rows.length - 1) review.rows.push(emptyRow(row.confidence));
  const target = review.rows[up ? i - 1 : i + 1].cells[lang];
  if (up) target.push(sentence); else target.unshift(sentence);
  review.rows = review.rows.filter((r) => review.langs.some((l) => r.cells[l].length));
  drawReview();
  for (const s of document.querySelectorAll(`.sentence[data-lang="${lang}"]`)) {
    if (s.firstChild && s.firstChild.textContent === sentence) { s.focus(); break; }
  }
}

function drawReview() {
  $("units").hidden = $("save-bar").hidden = review.rows.length === 0;
  $("units-head").replaceChildren(el("th", {}, "#"), el("th", {}, "confidence"),
    ...review.langs.map((l) => el("th", {}, l)), el("th", {}, "review"));
  $("units-body").replaceChildren(...review.rows.map((row, i) => {
    const tr = el("tr", { "data-row": String(i),
                          class: (row.confidence < LOW_CONFIDENCE ? "low" : "") + (row.skip ? " skip" : "") },
      el("td", {}, String(i + 1)),
      el("td", { class: "conf" }, row.confidence.toFixed(2)));
    for (const l of review.langs) {
      tr.append(el("td", { lang: l }, ...row.cells[l].map((s, k) => el("span", {
          class: "sentence", tabindex: "0", "data-lang": l,
          title: "Alt+Up / Alt+Down: move this sentence to the row above / below",
          onkeydown: (e) => {
            if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
              e.preventDefault();
              moveSentence(i, l, k, e.key === "ArrowUp");
            }
          } }, s,
        el("button", { type: "button", class: "up", "aria-label": "move up",
                       onclick: () => moveSentence(i, l, k, true) }, "▲"),
        el("button", { type: "button", class: "down", "aria-label": "move down",
                       onclick: () => moveSentence(i, l, k, false) }, "▼")))));
    }
    const actions = el("td", { class: "actions" });
    if (i + 1 < review.rows.length) {
      actions.append(el("button", { type: "button", class: "join", onclick: () => joinRows(i) },
                        "join with next"));
    }
    if (review.langs.some((l) => row.cells[l].length > 1)) {
      actions.append(el("button", { type: "button", class: "split", onclick: () => splitRow(i) },
                        "split"));
    }
    const skip = el("input", { type: "checkbox", class: "skip-box",
                               onchange: (e) => { row.skip = e.target.checked; drawReview(); } });
    skip.checked = row.skip;
    actions.append(el("label", {}, skip, " not a translation"));
    tr.append(actions);
    return tr;
  }));
}

$("save-button").addEventListener("click", async () => {
  const token = $("token").value;
  const headers = token ? { Authorization: "Bearer " + token } : {};
  try {
    const answer = await postJson("/api/units",
                                  { origin: $("origin").value, units: keptUnits() }, headers);
    status("align-status", `Stored ${answer.stored} units (${answer.duplicates} already in the TM).`);
  } catch (e) {
    status("align-status", e.message, true);
  }
});

async function download(format) {
  try {
    const response = await fetch("/api/export", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ format, units: keptUnits() }) });
    if (!response.ok) throw new Error((await response.json()).error);
    const url = URL.createObjectURL(await response.blob());
    const a = el("a", { href: url, download: "units." + format });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (e) {
    status("align-status", e.message, true);
  }
}
$("tmx-button").addEventListener("click", () => download("tmx"));
$("tsv-button").addEventListener("click", () => download("tsv"));

// ---- The TM at a glance -----------------------------------------------------------------

function table(title, counts) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return el("table", { class: "stats-table" },
    el("thead", {}, el("tr", {}, el("th", {}, title), el("th", {}, "units"))),
    el("tbody", {}, ...rows.map(([k, n]) => el("tr", {}, el("td", {}, k),
                                                   el("td", {}, n.toLocaleString("en"))))));
}

async function loadStats() {
  try {
    const s = await api("/api/stats");
    $("stats").replaceChildren(
      el("p", { id: "unit-count" }, `${s.units.toLocaleString("en")} units`),
      table("language", s.variants), table("language pair", s.pairs), table("origin", s.origins));
  } catch (e) {
    $("stats").replaceChildren(el("p", { class: "status error" }, e.message));
  }
}

$("an-file").addEventListener("change", () => readUpload($("an-file"), (name, text) => {
  $("an-text").value = text;
  $("an-text").dataset.name = name;
}));

const BANDS = ["context", "100", "95-99", "85-94", "75-84", "50-74", "none", "repetitions"];
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawBands(report) {
  const width = 560, bar = 22, gap = 8, left = 110, right = 140;
  const height = BANDS.length * (bar + gap) + 30;
  const most = Math.max(1, ...BANDS.map((b) => report.bands[b].words));
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
                             "aria-label": `Match bands of ${report.file}` });
  BANDS.forEach((band, i) => {
    const y = 10 + i * (bar + gap);
    const { segments, words } = report.bands[band];
    const w = (width - left - right) * words / most;
    chart.append(svg("text", { x: left - 8, y: y + bar * 0.7, "text-anchor": "end" }, band),
                 svg("rect", { x: left, y, width: Math.max(w, 1), height: bar,
                               fill: band === "none" ? "#c9ced4" : "#0b5cad", class: "band" }),
                 svg("text", { x: left + w + 6, y: y + bar * 0.7, "font-size": "12" },
                     `${words} ${report.count}, ${segments} seg.`));
  });
  chart.append(svg("text", { x: left, y: height - 4, "font-size": "12", fill: "#5b6570" },
                   `${report.segments} segments, ${report.words} ${report.count}`));
  $("chart").replaceChildren(chart);
}

$("analyze-button").addEventListener("click", async () => {
  status("analyze-status", "Analysing…");
  try {
    const report = await postJson("/api/analyze", {
      from: $("an-from").value, to: $("an-to").value, text: $("an-text").value,
      name: $("an-text").dataset.name || "article" });
    drawBands(report);
    status("analyze-status", "");
  } catch (e) {
    status("analyze-status", e.message, true);
  }
});

show("lookup");
