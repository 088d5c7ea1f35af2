// facets.js — filters of the case-study list (layouts/projects/section.html).
//
// Without this script the filter panel (layouts/_partials/facets.html) is a list of links
// to the term pages. The script turns each link into a checkbox and filters ALL the case
// studies, not only the page shown: it fetches the filter index of the language once
// (root's data-src, /<lang>/facets.<hash>.json, checked against data-integrity), when a
// filter is first used or opened, or at once when the address already holds filters.
// The index (layouts/_partials/facets-index.html, which documents its format) has one
// array per case study with its path, title, summary, text language, example flag and
// codes as indexes into the file's code lists; not the open-data projects.json, which is
// about four times larger (twice, gzipped).
//
// Rules: values checked in one filter are combined with "or", filters with "and". The
// number beside each value is how many case studies would match with that value added
// to the other filters' choices (so it stays meaningful within a filter). The state lives
// in the query string (?jurisdiction=ca-on&theme=a&theme=b), so a filtered view can be
// shared and the back button works. The match count is announced in a role=status region.
(() => {
  "use strict";
  const root = document.querySelector("[data-facets-root]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  const S = JSON.parse(root.dataset.strings);
  const lang = root.dataset.lang;
  const locale = root.dataset.locale;
  const plural = new Intl.PluralRules(locale);
  const num = new Intl.NumberFormat(locale);
  const collator = new Intl.Collator(locale);
  const status = root.querySelector("[data-facets-status]");
  const list = root.querySelector("[data-facets-list]");
  const results = root.querySelector("[data-facets-results]");
  const empty = root.querySelector("[data-facets-empty]");
  const cards = results.querySelector(".cards");
  const more = root.querySelector("[data-facets-more]");
  const PAGE = 100;

  // Where each filter finds its codes in a row's codes array (row[4], see
  // facets-index.html): a position holding one index or an array of indexes into the
  // file's codes[key]. The keys are the query-string names (facets.html:
  // details[data-facet]); the start year (position 7) is a number.
  const fields = {
    jurisdiction: 1,
    level: 2,
    stage: 3,
    theme: 4,
    technique: 5,
    "data-source": 6,
  };
  const YEAR = 7;
  const keys = Object.keys(fields).concat("year");

  let panel = root.querySelector("[data-facets]");
  const original = panel.cloneNode(true);
  let clear;
  const groups = {}; // key → {details, ul, boxes: Map value → {input, count}}
  let rows = null; // the case studies, by title: {r: card fields, v: key → codes}
  let loading = null;
  let filtered = false; // whether the last state shown had filters
  let shown = 0;
  let matches = [];

  const fmt = (tpl, n) => tpl.replace("{n}", num.format(n));

  // enhance turns the panel's links into checkboxes (facet-panel.js) and wires it.
  function enhance() {
    Object.assign(groups, facetPanel.enhance(panel, "facet"));
    const heading = panel.querySelector("h2");
    if (heading) heading.tabIndex = -1;
    clear = panel.querySelector("[data-facets-clear]");
    clear.addEventListener("click", () => {
      setState(new Map());
      push();
      apply();
      if (heading) heading.focus();
    });
    for (const g of Object.values(groups)) {
      g.details.addEventListener("toggle", () => { if (g.details.open) load().catch(() => {}); });
    }
    panel.addEventListener("change", (ev) => {
      if (!(ev.target instanceof HTMLInputElement)) return;
      push();
      apply();
    });
  }

  // state reads the checked values: key → Set of values.
  function state() {
    const s = new Map();
    for (const key of keys) {
      const g = groups[key];
      if (!g) continue;
      const on = new Set();
      for (const [v, b] of g.boxes) if (b.input.checked) on.add(v);
      if (on.size) s.set(key, on);
    }
    return s;
  }

  function urlState() {
    const q = new URLSearchParams(location.search);
    const s = new Map();
    for (const key of keys) {
      const vals = q.getAll(key).map((v) => v.trim().toLowerCase()).filter(Boolean);
      if (vals.length) s.set(key, new Set(vals));
    }
    return s;
  }

  function setState(s) {
    for (const key of keys) {
      const g = groups[key];
      if (!g) continue;
      const on = s.get(key) || new Set();
      for (const [v, b] of g.boxes) b.input.checked = on.has(v);
      if (on.size) g.details.open = true;
    }
  }

  // push records the state in the address (a new history entry).
  function push() {
    const q = new URLSearchParams(location.search);
    for (const key of keys) q.delete(key);
    for (const [key, on] of state()) for (const v of on) q.append(key, v);
    const qs = q.toString();
    history.pushState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }

  function load() {
    if (!loading) {
      const init = { credentials: "same-origin" };
      if (root.dataset.integrity) init.integrity = root.dataset.integrity;
      loading = fetch(root.dataset.src, init)
        .then((res) => {
          if (!res.ok) throw new Error(`${root.dataset.src}: HTTP ${res.status}`);
          return res.json();
        })
        .then((data) => {
          rows = data.rows.map((x) => decode(data, x));
          rows.sort((a, b) => collator.compare(a.r.title, b.r.title));
          addYears();
          if (!filtered) counts(new Map());
        });
      loading.catch(fail);
    }
    return loading;
  }

  // decode turns a row of the index into the card's fields (r) and each filter's codes (v).
  function decode(data, x) {
    const k = x[4];
    const v = {};
    for (const key in fields) {
      const c = data.codes[key];
      const i = k[fields[key]];
      v[key] = Array.isArray(i) ? i.map((n) => c[n]) : [c[i]];
    }
    v.year = k[YEAR] ? [String(k[YEAR])] : [];
    const L = data.labels;
    const r = {
      url: x[0].startsWith("/") ? x[0] : data.base + x[0],
      title: x[1],
      summary: x[2],
      textLanguage: x[3],
      example: k[0] === 1,
      jurisdiction: L.jurisdiction[k[1]],
      level: L.level[k[2]],
      stage: L.stage[k[3]],
    };
    return { r, v };
  }

  // addYears fills the start-year filter from the data, newest first.
  function addYears() {
    const g = groups.year;
    if (!g) return;
    const years = new Set();
    for (const row of rows) for (const y of row.v.year) years.add(y);
    const want = urlState().get("year") || new Set();
    for (const y of Array.from(years).sort().reverse()) {
      if (!g.boxes.has(y)) facetPanel.addBox(g, "facet", "year", y, y, null, null);
      if (want.has(y)) g.boxes.get(y).input.checked = true;
    }
    g.details.hidden = years.size === 0;
  }

  // fail puts the links back (each value's page still works) and says so.
  function fail() {
    const fresh = original.cloneNode(true);
    panel.replaceWith(fresh);
    panel = fresh;
    list.hidden = false;
    results.hidden = true;
    status.textContent = S.error;
  }

  // counts sets each value's number: the case studies that match the other filters'
  // choices and have that value.
  function counts(s) {
    const n = {};
    for (const key of keys) n[key] = new Map();
    const sel = keys.map((k) => s.get(k));
    for (const row of rows) {
      let miss = -1;
      let misses = 0;
      for (let i = 0; i < keys.length; i++) {
        const on = sel[i];
        if (on && !row.v[keys[i]].some((x) => on.has(x))) {
          miss = i;
          if (++misses > 1) break;
        }
      }
      if (misses > 1) continue;
      for (let i = 0; i < keys.length; i++) {
        if (misses === 1 && i !== miss) continue;
        const m = n[keys[i]];
        for (const x of row.v[keys[i]]) m.set(x, (m.get(x) || 0) + 1);
      }
    }
    for (const key of keys) {
      const g = groups[key];
      if (!g) continue;
      for (const [v, b] of g.boxes) b.count.textContent = `(${num.format(n[key].get(v) || 0)})`;
    }
  }

  function matching(s) {
    return rows.filter((row) => {
      for (const [key, on] of s) if (!row.v[key].some((x) => on.has(x))) return false;
      return true;
    });
  }

  async function apply() {
    const s = state();
    clear.hidden = s.size === 0;
    if (s.size === 0) {
      list.hidden = false;
      results.hidden = true;
      if (filtered) status.textContent = S.cleared;
      filtered = false;
      if (rows) counts(s);
      return;
    }
    filtered = true;
    if (!rows) {
      status.textContent = S.loading;
      try {
        await load();
      } catch {
        return;
      }
    }
    const now = state(); // the choices may have changed while loading
    if (now.size === 0) return apply();
    matches = matching(now);
    counts(now);
    cards.replaceChildren();
    shown = 0;
    showMore(false);
    list.hidden = true;
    results.hidden = false;
    // No match is not a dead end: say so, and show the ways on (projects/section.html).
    status.textContent = matches.length === 0 ? S.none : fmt(plural.select(matches.length) === "one" ? S.one : S.other, matches.length);
    if (empty) empty.hidden = matches.length !== 0;
  }

  // showMore adds the next PAGE matches; focus moves to the first new one when asked.
  function showMore(focus) {
    const next = matches.slice(shown, shown + PAGE);
    const frag = document.createDocumentFragment();
    for (const row of next) frag.append(card(row.r));
    const first = frag.firstChild;
    cards.append(frag);
    shown += next.length;
    more.hidden = shown >= matches.length;
    if (focus && first) first.querySelector("a").focus();
  }
  more.addEventListener("click", () => showMore(true));

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // card is layouts/_partials/project-card.html made from a decoded row of the index.
  function card(r) {
    const li = el("li", "card");
    const other = r.textLanguage && r.textLanguage !== lang;
    const h = el("h2", "card-title");
    const a = el("a", "", r.title);
    a.href = r.url;
    if (other) a.lang = r.textLanguage;
    h.append(a);
    li.append(h);
    if (r.example) li.append(el("strong", "badge badge-example", S.example));
    if (other) li.append(" ", el("span", "badge badge-language", S.otherLanguage));
    const dl = el("dl", "card-meta");
    for (const [label, value] of [[S.jurisdiction, r.jurisdiction], [S.level, r.level], [S.stage, r.stage]]) {
      const d = el("div");
      d.append(el("dt", "", label), el("dd", "", value));
      dl.append(d);
    }
    li.append(dl);
    const p = el("p", "card-summary", r.summary);
    if (other) p.lang = r.textLanguage;
    li.append(p);
    return li;
  }

  enhance();
  // An address with filters (a shared link, a reload): load, then show that state. The
  // start years exist only once the data is there.
  if (urlState().size) {
    status.textContent = S.loading;
    load().then(() => {
      setState(urlState());
      apply();
    }, () => {});
  }
  window.addEventListener("popstate", () => {
    setState(urlState());
    apply();
  });
})();
