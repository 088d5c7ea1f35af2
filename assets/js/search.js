// search.js — the search page (layouts/search.html), with Pagefind's JavaScript API.
//
// The Pagefind bundle (/pagefind/pagefind.js and its WebAssembly, built by `make site`
// after Hugo) is imported only when it is needed: a search in the address (?q=…, from
// the header's search box), a search submitted here, a filter checked, or the search box
// focused. Pagefind picks the index of the page's language from <html lang>, so English
// and French are searched separately, each with its own stemming.
//
// Filters: the case studies carry data-pagefind-filter (layouts/projects/page.html) with
// the names of the query string (jurisdiction, level, stage, theme, technique,
// data-source, year) and the codes as values, as the filter panel (facets.html) does.
// Values checked in one filter are combined with "or", filters with "and". The state
// (?q=…&theme=…) is in the address, so results can be shared and the back button works.
// Results are written with the page's own markup: Pagefind's UI would inject inline
// styles, which the Content-Security-Policy forbids.
(() => {
  "use strict";
  const root = document.querySelector("[data-search-root]");
  const form = document.querySelector("[data-search-form]");
  if (!root || !form) return;
  const S = JSON.parse(root.dataset.strings);
  const locale = root.dataset.locale;
  const plural = new Intl.PluralRules(locale);
  const num = new Intl.NumberFormat(locale);
  const input = form.querySelector("input[name=q]");
  const panel = root.querySelector("[data-facets]");
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const unavailable = document.querySelector("[data-search-unavailable]");
  const clear = panel.querySelector("[data-facets-clear]");
  const PAGE = 10;
  const groups = {}; // filter name → {details, ul, boxes: Map value → {input, count}}
  let pagefind = null;
  let seq = 0; // the latest search; older answers are dropped
  let found = [];
  let shown = 0;

  const fill = (tpl, n, q) => tpl.replace("{n}", num.format(n)).replace("{q}", q);

  // The filter panel: links become checkboxes (facet-panel.js).
  Object.assign(groups, facetPanel.enhance(panel, "search"));
  for (const g of Object.values(groups)) {
    g.details.addEventListener("toggle", () => { if (g.details.open) load().catch(() => {}); });
  }
  const keys = Object.keys(groups); // the filter names, in the panel's order

  function checked() {
    const s = {};
    for (const key of keys) {
      const on = [];
      for (const [v, b] of groups[key].boxes) if (b.input.checked) on.push(v);
      if (on.length) s[key] = on;
    }
    return s;
  }

  function fromAddress() {
    const q = new URLSearchParams(location.search);
    input.value = q.get("q") || "";
    for (const key of keys) {
      const on = new Set(q.getAll(key).map((v) => v.trim().toLowerCase()));
      for (const [v, b] of groups[key].boxes) b.input.checked = on.has(v);
      if (on.size) groups[key].details.open = true;
    }
  }

  function push() {
    const q = new URLSearchParams();
    const words = input.value.trim();
    if (words) q.set("q", words);
    for (const [key, on] of Object.entries(checked())) for (const v of on) q.append(key, v);
    const qs = q.toString();
    history.pushState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  // load imports the Pagefind bundle once and adds the start years it knows.
  function load() {
    if (!pagefind) {
      pagefind = import(root.dataset.bundle).then(async (pf) => {
        await pf.options({ excerptLength: 30 });
        await pf.init();
        const all = await pf.filters();
        const years = Object.keys(all.year || {}).sort().reverse();
        const want = new URLSearchParams(location.search).getAll("year");
        for (const y of years) {
          facetPanel.addBox(groups.year, "search", "year", y, y, null, null);
          groups.year.boxes.get(y).count.textContent = `(${num.format(all.year[y])})`;
          if (want.includes(y)) groups.year.boxes.get(y).input.checked = true;
        }
        groups.year.details.hidden = years.length === 0;
        return pf;
      });
      pagefind.catch(() => {
        unavailable.hidden = false;
        status.textContent = S.unavailable;
      });
    }
    return pagefind;
  }

  // suggest offers, when a search finds nothing, the taxonomy terms closest to the words
  // typed (data-terms: each term's label and synonyms in the page's language, and its
  // page) and the filters of the case studies. A term is close when one of its words
  // and one of the query's, folded (case, accents), share a beginning of 4 letters or
  // more, or differ by at most one letter in five (edit distance).
  const terms = JSON.parse(root.dataset.terms || "[]");
  const suggestions = document.createElement("div");
  suggestions.className = "search-suggestions";
  status.after(suggestions);
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }
  function closeness(q, w) {
    let common = 0;
    while (common < q.length && common < w.length && q[common] === w[common]) common++;
    if (common >= 4) return common;
    const d = distance(q, w);
    return d <= Math.floor(Math.max(q.length, w.length) / 5) ? 4 - d : 0;
  }
  function suggest(words) {
    const qs = fold(words).split(/[^\p{L}\p{N}]+/u).filter((q) => q.length >= 3);
    const scored = [];
    for (const t of terms) {
      let best = 0;
      for (const phrase of t.words) {
        for (const w of fold(phrase).split(/[^\p{L}\p{N}]+/u)) {
          for (const q of qs) best = Math.max(best, closeness(q, w));
        }
      }
      if (best > 0) scored.push([best, t]);
    }
    scored.sort((a, b) => b[0] - a[0] || a[1].label.localeCompare(b[1].label));
    const p = document.createElement("p");
    const close = scored.slice(0, 5);
    if (close.length) {
      p.append(S.closest + " ");
      close.forEach(([, t], i) => {
        const a = document.createElement("a");
        a.href = t.url;
        a.textContent = t.label;
        if (i > 0) p.append(", ");
        p.append(a);
      });
      p.append(". ");
    }
    const f = document.createElement("a");
    f.href = root.dataset.filters;
    f.textContent = S.filtersLink;
    p.append(f);
    suggestions.replaceChildren(p);
  }

  // joinAbbreviations reads an abbreviation of a taxonomy term typed in capitals, with
  // or without points and hyphens (N.-É., NS, T.N.-O.), as the term's label
  // (data-abbreviations, from the taxonomy's synonyms): Pagefind would split N.-É. at its
  // points, and fold NÉ into the French word « ne ». Other words are left as typed.
  const abbreviations = JSON.parse(root.dataset.abbreviations || "{}");
  function joinAbbreviations(words) {
    return words.replace(/(^|\s)((?:\p{Lu}\.?-?){1,4}\p{Lu}\.?)(?=\s|$)/gu, function (m, space, abbr) {
      const label = abbreviations[abbr.replace(/[.-]/g, "")];
      return label ? space + label : m;
    });
  }

  async function run() {
    const words = input.value.trim();
    const chosen = checked();
    const n = ++seq;
    clear.hidden = Object.keys(chosen).length === 0;
    if (!words && clear.hidden) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = S.empty;
      return;
    }
    status.textContent = S.loading;
    let pf;
    try {
      pf = await load();
    } catch {
      return;
    }
    const filters = {};
    for (const [key, on] of Object.entries(checked())) filters[key] = { any: on };
    const search = await pf.search(joinAbbreviations(words) || null, { filters });
    if (n !== seq || !search) return;
    found = search.results;
    counts(search.filters || {});
    list.replaceChildren();
    suggestions.replaceChildren();
    shown = 0;
    await showMore(false, n);
    if (n !== seq) return;
    const k = plural.select(found.length) === "one";
    if (!words) status.textContent = fill(k ? S.filtersOne : S.filtersOther, found.length, "");
    else if (!found.length) {
      status.textContent = fill(S.none, 0, words);
      suggest(words);
    }
    else status.textContent = fill(k ? S.one : S.other, found.length, words);
  }

  function counts(byFilter) {
    for (const key of keys) {
      const c = byFilter[key] || {};
      for (const [v, b] of groups[key].boxes) b.count.textContent = `(${num.format(c[v] || 0)})`;
    }
  }

  async function showMore(focus, n) {
    const next = await Promise.all(found.slice(shown, shown + PAGE).map((r) => r.data()));
    if (n !== seq) return;
    const items = next.map(result);
    list.append(...items);
    shown += next.length;
    more.hidden = shown >= found.length;
    if (focus && items.length) items[0].querySelector("a").focus();
  }

  // result is one search result: title (a link), kind, excerpt with the words marked.
  function result(d) {
    const li = document.createElement("li");
    li.className = "search-result";
    const h = document.createElement("h2");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = (d.meta && d.meta.title) || d.url;
    h.append(a);
    li.append(h);
    if (d.meta && d.meta.kind) {
      const k = document.createElement("p");
      k.className = "search-result-kind";
      k.textContent = d.meta.kind;
      li.append(k);
    }
    const p = document.createElement("p");
    p.className = "search-result-excerpt";
    p.append(...excerpt(d.excerpt || ""));
    li.append(p);
    // An entry shown in the other language (translation pending) says so (WCAG 3.1.2):
    // its page gives textlang to the index (data-pagefind-meta on its h1).
    const tl = d.meta && d.meta.textlang;
    if (tl === "en" || tl === "fr") {
      a.lang = tl;
      p.lang = tl;
    }
    return li;
  }

  // excerpt keeps only the text and the <mark> elements of Pagefind's excerpt (parsed
  // inert, never inserted as HTML).
  function excerpt(html) {
    const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    const out = [];
    for (const node of doc.body.firstChild.childNodes) {
      if (node.nodeName === "MARK") {
        const m = document.createElement("mark");
        m.textContent = node.textContent;
        out.push(m);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    push();
    run();
  });
  panel.addEventListener("change", (ev) => {
    if (!(ev.target instanceof HTMLInputElement)) return;
    push();
    run();
  });
  clear.addEventListener("click", () => {
    for (const key of keys) for (const b of groups[key].boxes.values()) b.input.checked = false;
    push();
    run();
    input.focus();
  });
  more.addEventListener("click", () => showMore(true, seq));
  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  window.addEventListener("popstate", () => {
    fromAddress();
    run();
  });

  fromAddress();
  const q = new URLSearchParams(location.search);
  if (input.value.trim() || keys.some((k) => q.has(k))) {
    // The start years come with the bundle: check them from the address once loaded.
    load().then(() => { fromAddress(); run(); }, () => {});
  }
})();
