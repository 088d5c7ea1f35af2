// wasm-load.js — fetches a WebAssembly program of the site (assets/wasm/, published
// under a content-hashed name: layouts/_partials/wasm-file.html) when a page first needs
// it, not on load, and shows how far the download is: the pages stay light until the
// reader acts (docs/site.md, Performance). Bundled in front of submit-form.js and
// evi.js (asset.html with a list); they call wasmLoad.bytes.
var wasmLoad = (function () {
  "use strict";

  var steps = 4; // the status speaks at 0 %, 25 %, 50 %, 75 %: not at every chunk

  // bytes fetches url and resolves with its bytes (an ArrayBuffer). size is the file's
  // size as the build wrote it on the page: a host that compresses sends a
  // Content-Length of fewer bytes than arrive decoded. While the bytes come, bar (a
  // <progress>, or null) moves with every chunk and is shown, then hidden at the end;
  // say({done, total, percent}) is called at each quarter, with the sizes in MB
  // formatted for the page's language, for a status (role="status") to read out.
  function bytes(url, size, bar, say) {
    var mb = new Intl.NumberFormat(document.documentElement.lang || "en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    var spoken = -1;
    function report(done) {
      var total = Math.max(size || 0, done);
      var part = total ? done / total : 0;
      if (bar) { bar.max = total || 1; bar.value = done; }
      var step = Math.min(steps - 1, Math.floor(part * steps));
      if (step > spoken) {
        spoken = step;
        say({ done: mb.format(done / 1e6), total: mb.format(total / 1e6), percent: Math.round(part * 100) });
      }
    }
    if (bar) { bar.hidden = false; }
    report(0);
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      if (!r.body || !r.body.getReader) { return r.arrayBuffer(); }
      var reader = r.body.getReader(), chunks = [], done = 0;
      function next() {
        return reader.read().then(function (c) {
          if (c.done) { return join(chunks, done); }
          chunks.push(c.value);
          done += c.value.length;
          report(done);
          return next();
        });
      }
      return next();
    }).then(function (buf) {
      if (bar) { bar.hidden = true; }
      return buf;
    }, function (err) {
      if (bar) { bar.hidden = true; }
      throw err;
    });
  }

  function join(chunks, n) {
    var out = new Uint8Array(n), at = 0;
    chunks.forEach(function (c) { out.set(c, at); at += c.length; });
    return out.buffer;
  }

  return { bytes: bytes };
})();
