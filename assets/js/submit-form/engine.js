// submit-form/engine.js — how the online form gets its engine: validate.wasm
// (tools/wasm/validate) and the site's corpus, fetched together. This is the one place
// that knows how the program is loaded: submitForm.loadEngine(root) returns a promise
// of globalThis.guideForm, initialised with the corpus. The form works without it until
// then (typing is accepted; the checks start when it resolves).
var submitForm = (function () {
  "use strict";

  function loadEngine(root) {
    var go = new Go();
    var wasmURL = root.getAttribute("data-wasm");
    var fromBytes = function () {
      return fetch(wasmURL).then(function (r) {
        if (!r.ok) { throw new Error(wasmURL + ": HTTP " + r.status); }
        return r.arrayBuffer();
      }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
    };
    var instantiate = WebAssembly.instantiateStreaming
      ? WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject).catch(fromBytes)
      : fromBytes();
    var corpus = fetch(root.getAttribute("data-corpus")).then(function (r) {
      if (!r.ok) { throw new Error("corpus: HTTP " + r.status); }
      return r.text();
    });
    return Promise.all([instantiate, corpus]).then(function (res) {
      go.run(res[0].instance); // main registers globalThis.guideForm, then waits
      var engine = globalThis.guideForm;
      if (!engine) { throw new Error("validate.wasm did not start"); }
      var out = JSON.parse(engine.init(res[1]));
      if (out && out.error) { throw new Error(out.error); }
      return engine;
    });
  }

  return { loadEngine: loadEngine };
})();
