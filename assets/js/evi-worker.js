// evi-worker.js — runs the e-vulnerability index calculator (tools/wasm/evi, the Go
// package tools/evi compiled to WebAssembly) in a Web Worker, so that a file of 60,000
// areas is read and scored without freezing the page. assets/js/evi.js talks to it:
//   {op: "init", exec, bytes}           load wasm_exec.js and run the program, whose bytes
//                                       the page downloaded (wasm-load.js, with its
//                                       progress) and handed over; replies {op: "ready"}
//   {id, op: "load", args: [config, data]}
//   {id, op: "compute", args: [choices, withStrings]}
//   {id, op: "service", args: [kind, file, radiusKm, geojson, property, ungrouped]} {id, op: "groups"}
//   {id, op: "csv"} {id, op: "config"} {id, op: "timings"}
// and gets {id, result} or {id, error} back, in the order asked.
"use strict";
self.onmessage = function (e) {
  var m = e.data;
  if (m.op === "init") {
    try {
      // Only this site's files: the page's request log does not see a worker's requests,
      // so the worker itself holds to the no-other-host rule.
      if (new URL(m.exec).origin !== self.location.origin) { throw new Error("not loading " + m.exec + ": another host"); }
      importScripts(m.exec);
      var go = new Go();
      self.eviOnReady = function () { self.postMessage({ op: "ready" }); };
      var inst = WebAssembly.instantiate(m.bytes, go.importObject);
      inst.then(function (r) { go.run(r.instance); }).catch(function (err) {
        self.postMessage({ op: "failed", error: String(err && err.message || err) });
      });
    } catch (err) {
      self.postMessage({ op: "failed", error: String(err && err.message || err) });
    }
    return;
  }
  try {
    var api = self.eviGo, result, transfer = [];
    switch (m.op) {
      case "load": result = api.load(m.args[0], m.args[1]); break;
      case "compute":
        var out = api.compute(m.args[0], m.args[1]);
        result = { meta: out.meta, strings: out.strings, numbers: out.numbers };
        if (out.numbers) { transfer.push(out.numbers.buffer); }
        break;
      case "csv": result = api.csv(); break;
      case "config": result = api.config(); break;
      case "service": result = api.service(m.args[0], m.args[1], m.args[2], m.args[3], m.args[4], m.args[5] || ""); break;
      case "groups": result = api.groups(); break;
      case "timings": result = api.timings(); break;
      default: throw new Error("unknown operation " + m.op);
    }
    self.postMessage({ id: m.id, result: result }, transfer);
  } catch (err) {
    self.postMessage({ id: m.id, error: String(err && err.message || err) });
  }
};
