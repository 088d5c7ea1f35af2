// evi-program.js — the e-vulnerability index calculator's way to its Go program
// (evi.wasm, tools/wasm/evi): downloaded in the page on first need, with its progress
// shown (wasm-load.js), then compiled and run in a Web Worker (evi-worker.js) so that
// a large file does not freeze the page. evi.js attaches it (eviProgram.attach).
var eviProgram = (function () {
  "use strict";

  // attach: ctx gives the page's parts (evi.js): root (#evi, whose data-wasm,
  // data-wasm-size, data-exec and data-worker name the files), S, fill, setStatus.
  function attach(ctx) {
    var root = ctx.root, S = ctx.S, fill = ctx.fill, setStatus = ctx.setStatus;
    var $ = function (id) { return document.getElementById(id); };

    // The Go program runs in a Web Worker (evi-worker.js): call(op, args) starts it if it
    // has not started, asks it and resolves with its answer; it answers in the order asked.
    var worker = null, ready = null, pending = {}, seq = 0;
    function call(op, args) {
      return startWorker().then(function () {
        return new Promise(function (resolve, reject) {
          var id = ++seq;
          pending[id] = { resolve: resolve, reject: reject };
          worker.postMessage({ id: id, op: op, args: args || [] });
        });
      });
    }

    // startWorker downloads the program in the page (so that its progress shows) and
    // hands its bytes to the worker, which compiles and runs it.
    function startWorker() {
      if (ready) { return ready; }
      var bytes = wasmLoad.bytes(root.getAttribute("data-wasm"), Number(root.getAttribute("data-wasm-size")), $("evi-progress"), function (p) {
        setStatus(fill("status_downloading", p));
      });
      ready = bytes.then(function (b) {
        setStatus(S.status_starting);
        return new Promise(function (resolve, reject) {
          worker = new Worker(root.getAttribute("data-worker"));
          worker.onmessage = function (e) {
            var m = e.data;
            if (m.op === "ready") { resolve(); return; }
            if (m.op === "failed") { reject(new Error(m.error)); return; }
            var p = pending[m.id];
            delete pending[m.id];
            if (p) { if (m.error) { p.reject(new Error(m.error)); } else { p.resolve(m.result); } }
          };
          worker.onerror = function (e) { reject(new Error(e.message || "worker")); };
          worker.postMessage({ op: "init", exec: new URL(root.getAttribute("data-exec"), location.href).href, bytes: b }, [b]);
        });
      });
      return ready;
    }

    return { call: call };
  }

  return { attach: attach };
})();
