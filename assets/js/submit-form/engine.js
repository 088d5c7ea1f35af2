// submit-form/engine.js — how the online form gets its engine: validate.wasm
// (tools/wasm/validate, 7 MB, fetched on first need) and the site's corpus, together. This is the one place
// that knows how the program is loaded: submitForm.loadEngine(root) returns a promise
// of globalThis.guideForm, initialised with the corpus. The form works without it until
// then (typing is accepted; the checks start when it resolves).
var submitForm = (function () {
  "use strict";

  // loadEngine downloads the program from its content-hashed address with the
  // download's progress shown (wasm-load.js: the <progress> #sf-progress and, through
  // onProgress, the status line), then starts it with the corpus (onStarting).
  function loadEngine(root, onProgress, onStarting) {
    var go = new Go();
    var bar = document.getElementById("sf-progress");
    var instantiate = wasmLoad.bytes(root.getAttribute("data-wasm"), Number(root.getAttribute("data-wasm-size")), bar, onProgress)
      .then(function (b) { onStarting(); return WebAssembly.instantiate(b, go.importObject); });
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
