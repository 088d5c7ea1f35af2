// facet-panel.js — what the case-study list's filters (facets.js) and the search page
// (search.js) both do to the filter panel of layouts/_partials/facets.html: put the
// JavaScript wording in its introduction, and turn each value's link into a checkbox
// with the same label and count. Bundled in front of each of those scripts
// (asset.html with a list), so it adds no request; the scripts call facetPanel.
const facetPanel = (() => {
  "use strict";

  // addBox makes a checkbox for one value of a filter group g, in place of li (the
  // value's link) or at the end of the group; countNode is the existing "(n)" to keep.
  // Box ids are PREFIX-KEY-VALUE.
  function addBox(g, prefix, key, value, label, countNode, li) {
    const item = document.createElement("li");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.id = `${prefix}-${key}-${value}`;
    input.name = key;
    input.value = value;
    const lab = document.createElement("label");
    lab.htmlFor = input.id;
    lab.append(label + " ");
    const count = countNode || document.createElement("span");
    count.className = "facet-count";
    lab.append(count);
    item.append(input, lab);
    if (li) li.replaceWith(item); else g.ul.append(item);
    g.boxes.set(value, { input, count });
  }

  // enhance turns the panel's links into checkboxes and returns the groups by filter
  // name, in the panel's order: {details, ul, boxes: Map value → {input, count}}.
  function enhance(panel, prefix) {
    const intro = panel.querySelector(".facets-intro");
    if (intro && intro.dataset.introJs) intro.textContent = intro.dataset.introJs;
    const groups = {};
    for (const details of panel.querySelectorAll("details[data-facet]")) {
      const key = details.dataset.facet;
      const g = { details, ul: details.querySelector("ul"), boxes: new Map() };
      groups[key] = g;
      for (const li of Array.from(g.ul.children)) {
        const a = li.querySelector("a");
        if (a) addBox(g, prefix, key, li.dataset.value, a.textContent, li.querySelector(".facet-count"), li);
      }
    }
    return groups;
  }

  return { addBox, enhance };
})();
