/// The explorer's script: plain JavaScript, no libraries. It reads the trace and the symbol
/// table from the page's JSON blocks, draws the cell diagram, the equations and the heatmaps,
/// and keeps the step, the unit and the pass in the URL fragment (`#t=2&j=0&pass=forward`).
enum ExplorerScript {
    static let source = #"""
"use strict";
(function () {
  var errors = window.__explorerErrors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });
  var symbols = JSON.parse(document.getElementById("symbols").textContent);
  var trace = JSON.parse(document.getElementById("trace-data").textContent);
  var cfg = trace.config;
  var T = trace.forward.length, H = cfg.hidden, X = cfg.input, K = cfg.output;
  var hasBackward = Array.isArray(trace.backward);
  var DIGITS = 4;
  window.__explorerDigits = DIGITS;
  var state = { t: 1, j: 0, pass: "forward" };
  var SVGNS = "http://www.w3.org/2000/svg";

  // ---- numbers -------------------------------------------------------------------------
  // Display only: DIGITS significant digits (the readout shows the full value).
  function fmt(v) {
    if (v === null || v === undefined) return "–";
    if (v === 0) return "0";
    var s = Number(v).toPrecision(DIGITS);
    if (s.indexOf("e") >= 0) {
      var parts = s.split("e");
      var m = parts[0].indexOf(".") >= 0 ? parts[0].replace(/0+$/, "").replace(/\.$/, "") : parts[0];
      return m + "e" + parts[1];
    }
    if (s.indexOf(".") >= 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    return s;
  }
  function full(v) { return v === null || v === undefined ? "–" : String(v); }

  // The vector of a key at step t (1-based): forward and backward keys, the values handed on
  // from step t + 1 (dh_next, dC_next), and the target.
  function vec(key, t) {
    var f = trace.forward[t - 1];
    if (f && Object.prototype.hasOwnProperty.call(f, key)) return key === "loss" ? [f[key]] : f[key];
    if (hasBackward) {
      var b = trace.backward[t - 1];
      if (b && Object.prototype.hasOwnProperty.call(b, key)) return b[key];
      if (key === "dh_next" || key === "dC_next") {
        if (t === T) return new Array(H).fill(0);
        return trace.backward[t][key === "dh_next" ? "dh_prev" : "dC_prev"];
      }
    }
    if (key === "target") {
      if (cfg.loss === "mse-last") return trace.target;
      if (cfg.loss === "mse-all") return trace.target[t - 1];
      var e = new Array(K).fill(0); e[trace.target[t - 1]] = 1; return e;
    }
    return null;
  }
  function at(key, t, j) { var v = vec(key, t); return v ? v[j] : null; }
  function sym(key) {
    var q = symbols.quantities[key];
    if (q) return q.text;
    return { dh_next: "dh_next", dC_next: "dC_next", target: "target" }[key] || key;
  }
  function indexed(key, t, j) { return sym(key).replace(/_t\b/, "_" + t).replace("_{t−1}", "_" + (t - 1)) + "[" + j + "]"; }

  // Extremes of each key over the whole trace, for the colour scales.
  var extremes = {};
  function extreme(key) {
    if (extremes[key] !== undefined) return extremes[key];
    var m = 0;
    for (var t = 1; t <= T; t++) { var v = vec(key, t); if (v) for (var k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k])); }
    return (extremes[key] = m || 1);
  }
  var GATES = { f: 1, i: 1, o: 1 };
  // Gates lie in [0, 1]: a sequential scale (light = closed, dark = open). Everything else is
  // signed: blue below zero, red above, white at zero, scaled to the largest |value| of the key.
  function colour(key, v) {
    if (v === null || v === undefined || !isFinite(v)) return "#888888";
    if (GATES[key]) {
      var s = Math.max(0, Math.min(1, v));
      return "rgb(" + Math.round(247 - 239 * s) + "," + Math.round(251 - 203 * s) + "," + Math.round(255 - 148 * s) + ")";
    }
    var r = Math.max(-1, Math.min(1, v / extreme(key)));
    if (r >= 0) return "rgb(" + Math.round(247 - 69 * r) + "," + Math.round(247 - 223 * r) + "," + Math.round(247 - 204 * r) + ")";
    r = -r;
    return "rgb(" + Math.round(247 - 214 * r) + "," + Math.round(247 - 145 * r) + "," + Math.round(247 - 75 * r) + ")";
  }

  // ---- summary -------------------------------------------------------------------------
  var summary = "X = " + X + " inputs, H = " + H + " hidden units, K = " + K + " outputs, T = " + T + (T === 1 ? " step" : " steps") +
    "; " + (cfg.concat === "h-first" ? "z_t = [h_{t−1}, x_t]" : "z_t = [x_t, h_{t−1}]") + "; " + cfg.head + " head; loss " + cfg.loss;
  ["seed", "init", "epoch", "sequence", "iteration"].forEach(function (k) { if (cfg[k] !== undefined) summary += "; " + k + " " + cfg[k]; });
  summary += ". " + symbols.loss + ".";
  document.getElementById("summary").textContent = summary;
  document.getElementById("lossLabel").textContent = "loss L = " + fmt(trace.loss);
  var vocabulary = typeof cfg.vocabulary === "string" ? Array.from(cfg.vocabulary) : null;

  // ---- diagram -------------------------------------------------------------------------
  var svg = document.getElementById("diagram");
  function el(tag, attrs, parent, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var a in attrs) e.setAttribute(a, attrs[a]);
    if (text !== undefined) e.textContent = text;
    (parent || svg).appendChild(e);
    return e;
  }
  function wire(points) { el("polyline", { "class": "wire", points: points.map(function (p) { return p.join(","); }).join(" ") }); }
  // Wires first, so that boxes sit on top of them.
  wire([[125, 70], [273, 70]]); wire([[307, 70], [503, 70]]); wire([[537, 70], [870, 70]]);
  wire([[290, 330], [290, 70]]); wire([[440, 330], [440, 170], [503, 170]]); wire([[590, 330], [590, 170], [537, 170]]);
  wire([[520, 154], [520, 86]]); wire([[720, 70], [720, 150]]); wire([[720, 196], [720, 254]]);
  wire([[740, 330], [740, 270], [737, 270]]); wire([[703, 270], [870, 270]]); wire([[900, 300], [900, 440]]);
  wire([[125, 400], [200, 400], [200, 432]]); wire([[125, 490], [200, 490], [200, 478]]);
  wire([[250, 455], [740, 455]]);
  [290, 440, 590, 740].forEach(function (x) { wire([[x, 455], [x, 390]]); });

  function op(x, y, s, name) {
    var g = el("g", { role: "img", "aria-label": name });
    el("circle", { "class": "op", cx: x, cy: y, r: 17 }, g);
    el("text", { "class": "opsym", x: x, y: y + 6, "text-anchor": "middle" }, g, s);
  }
  op(290, 70, "⊙", "f times C_{t−1}"); op(520, 70, "+", "sum: the new cell state"); op(520, 170, "⊙", "i times C̃");
  op(720, 270, "⊙", "o times tanh(C_t)");

  var nodes = [];
  // A box: forward keys and backward keys (one value line each, for unit j unless `vector`).
  function node(spec) {
    var g = el("g", { "class": "node", "data-node": spec.id });
    el("rect", { "class": "box", x: spec.x - spec.w / 2, y: spec.y - spec.h / 2, width: spec.w, height: spec.h, rx: 8 }, g);
    el("text", { "class": "label", x: spec.x, y: spec.y - spec.h / 2 + 19, "text-anchor": "middle" }, g, spec.label);
    spec.lines = [];
    for (var k = 0; k < 2; k++) {
      spec.lines.push(el("text", { "class": "val", x: spec.x, y: spec.y - spec.h / 2 + 39 + 18 * k, "text-anchor": "middle" }, g, ""));
    }
    spec.strip = el("g", { "class": "strip", "aria-hidden": "true" }, g);
    nodes.push(spec);
  }
  node({ id: "C_prev", x: 70, y: 70, w: 110, h: 62, label: "C_{t−1}", fwd: ["C_prev"], bwd: ["dC_prev"], size: H });
  node({ id: "h_prev", x: 70, y: 400, w: 110, h: 62, label: "h_{t−1}", fwd: ["h_prev"], bwd: ["dh_prev"], size: H });
  node({ id: "x", x: 70, y: 490, w: 110, h: 62, label: "x_t", vector: "x", fwd: ["x"], bwd: [], size: X });
  node({ id: "z", x: 200, y: 455, w: 100, h: 46, label: "z_t = concat", vector: "z", fwd: [], bwd: [], size: H + X });
  node({ id: "f", x: 290, y: 358, w: 140, h: 66, label: "σ  forget f", fwd: ["a_f", "f"], bwd: ["df", "da_f"], size: H });
  node({ id: "i", x: 440, y: 358, w: 140, h: 66, label: "σ  input i", fwd: ["a_i", "i"], bwd: ["di", "da_i"], size: H });
  node({ id: "C_tilde", x: 590, y: 358, w: 140, h: 66, label: "tanh  candidate C̃", fwd: ["a_C", "C_tilde"], bwd: ["dC_tilde", "da_C"], size: H });
  node({ id: "o", x: 740, y: 358, w: 140, h: 66, label: "σ  output o", fwd: ["a_o", "o"], bwd: ["do", "da_o"], size: H });
  node({ id: "C", x: 870, y: 70, w: 120, h: 62, label: "C_t", fwd: ["C"], bwd: ["dC"], size: H });
  node({ id: "tanh_C", x: 720, y: 173, w: 110, h: 46, label: "tanh(C_t)", fwd: ["tanh_C"], bwd: [], size: H });
  node({ id: "h", x: 870, y: 270, w: 120, h: 62, label: "h_t", fwd: ["h"], bwd: ["dh"], size: H });
  node({ id: "y", x: 900, y: 475, w: 150, h: 62, label: cfg.head === "softmax" ? "head: softmax y_t" : "head: y_t",
         vector: "y", fwd: ["y"], bwd: [cfg.head === "softmax" ? "dv" : "dy"], size: K });

  function drawStrip(spec, key) {
    var g = spec.strip;
    while (g.firstChild) g.removeChild(g.firstChild);
    var v = key ? vec(key, state.t) : null;
    if (!v) return;
    var n = v.length, width = spec.w - 12, x0 = spec.x - width / 2, y0 = spec.y + spec.h / 2 + 4, cw = width / n;
    for (var k = 0; k < n; k++) {
      el("rect", { x: x0 + k * cw, y: y0, width: Math.max(cw, 0.6), height: 8, fill: colour(key, v[k]) }, g);
    }
    if (!spec.vector && state.j < n) el("rect", { "class": "chosen", x: x0 + state.j * cw, y: y0 - 1, width: Math.max(cw, 2), height: 10, fill: "none" }, g);
  }

  function drawDiagram() {
    var backward = state.pass === "backward";
    nodes.forEach(function (spec) {
      var keys = backward ? spec.bwd : spec.fwd;
      spec.lines.forEach(function (line, k) {
        line.textContent = "";
        line.removeAttribute("data-key");
        var key = keys[k];
        if (!key) return;
        var v = vec(key, state.t);
        if (!v) return;
        line.setAttribute("data-key", key);
        if (spec.vector) {
          line.setAttribute("data-index", "");
          if (key === "x" && vocabulary) {
            var hot = v.indexOf(1);
            line.textContent = "one-hot " + JSON.stringify(vocabulary[hot]) + " (" + hot + ")";
          } else if (v.length <= 2) {
            line.textContent = v.map(fmt).join(", ");
          } else {
            var best = 0;
            for (var q = 1; q < v.length; q++) if (Math.abs(v[q]) > Math.abs(v[best])) best = q;
            line.textContent = "largest [" + best + "] " + fmt(v[best]);
          }
          return;
        }
        line.setAttribute("data-index", String(state.j));
        line.textContent = sym(key).replace(/_t\b/, "").replace("_{t−1}", "") + "[" + state.j + "] = " + fmt(v[state.j]);
      });
      // The strip shows the box's activation (forward) or its first gradient (backward).
      var stripKey = backward ? spec.bwd[0] : spec.fwd[spec.fwd.length - 1];
      if (spec.id === "z") stripKey = backward ? "dz" : "z";
      drawStrip(spec, stripKey || null);
    });
    document.getElementById("diagramStep").textContent = String(state.t);
    document.getElementById("diagramUnit").textContent = String(state.j);
  }

  // ---- equations -----------------------------------------------------------------------
  function drawEquations() {
    var box = document.getElementById("equations");
    while (box.firstChild) box.removeChild(box.firstChild);
    var list = state.pass === "backward" ? symbols.backward : symbols.forward;
    list.forEach(function (eq) {
      var div = document.createElement("div");
      div.className = "eq";
      var title = document.createElement("div");
      title.innerHTML = "<strong></strong> <span class=\"eqtext\"></span>";
      title.firstChild.textContent = "(" + eq.label + ") " + eq.title;
      title.lastChild.textContent = eq.text;
      div.appendChild(title);
      var table = document.createElement("table");
      var row = table.insertRow();
      eq.columns.forEach(function (key) {
        var v = vec(key, state.t);
        if (!v) return;
        var cell = row.insertCell();
        if (key === "target" && cfg.loss === "cross-entropy") {
          var k = trace.target[state.t - 1];
          cell.textContent = "target_" + state.t + " = class " + k + (vocabulary ? " " + JSON.stringify(vocabulary[k]) : "");
        } else if (eq.rows === "hidden") {
          cell.textContent = indexed(key, state.t, state.j) + " = " + fmt(v[state.j]);
          cell.setAttribute("data-key", key);
          cell.setAttribute("data-index", String(state.j));
        } else {
          cell.textContent = sym(key) + " = [" + v.slice(0, 6).map(fmt).join(", ") + (v.length > 6 ? ", …" : "") + "]";
        }
      });
      div.appendChild(table);
      box.appendChild(div);
    });
    var l = vec("loss", state.t);
    if (l && state.pass === "forward") {
      var p = document.createElement("p");
      p.textContent = "Loss term at this step: " + fmt(l[0]);
      box.appendChild(p);
    }
  }

  // ---- heatmaps ------------------------------------------------------------------------
  var maps = [];
  var mapKeys = { forward: ["f", "i", "C_tilde", "C", "o", "h"], backward: ["df", "di", "dC_tilde", "dC", "do", "dh"] };
  var cw = Math.max(6, Math.min(40, Math.floor(360 / T))), ch = Math.max(2, Math.min(14, Math.floor(220 / H)));
  function equationOf(key) {
    var all = symbols.forward.concat(symbols.backward);
    for (var k = 0; k < all.length; k++) if (all[k].results.indexOf(key) >= 0) return all[k].text;
    return "";
  }
  function readout(key, t, j) {
    var v = at(key, t, j);
    document.getElementById("readout").textContent = indexed(key, t, j) + " = " + full(v) + "\n" + equationOf(key) +
      "\nstep t = " + t + ", unit j = " + j + "; " + (symbols.quantities[key] ? symbols.quantities[key].meaning : "");
  }
  function buildMaps() {
    var host = document.getElementById("heatmaps");
    while (host.firstChild) host.removeChild(host.firstChild);
    maps = [];
    mapKeys[state.pass].forEach(function (key) {
      if (!vec(key, 1)) return;
      var box = document.createElement("div");
      box.className = "map";
      var h3 = document.createElement("h3");
      h3.textContent = sym(key) + " — " + (symbols.quantities[key] ? symbols.quantities[key].meaning : key);
      box.appendChild(h3);
      var canvas = document.createElement("canvas");
      canvas.width = T * cw; canvas.height = H * ch;
      canvas.tabIndex = 0;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", "heatmap of " + sym(key) + ": " + H + " units by " + T + " steps; arrow keys move, Enter selects");
      canvas.setAttribute("data-key", key);
      box.appendChild(canvas);
      var legend = document.createElement("div");
      legend.className = "legend";
      var lc = document.createElement("canvas");
      lc.width = 120; lc.height = 10;
      var lctx = lc.getContext("2d");
      for (var k = 0; k < 120; k++) {
        var v = GATES[key] ? k / 119 : (k / 119 * 2 - 1) * extreme(key);
        lctx.fillStyle = colour(key, v); lctx.fillRect(k, 0, 1, 10);
      }
      var lo = document.createElement("span"), hi = document.createElement("span");
      lo.textContent = GATES[key] ? "0 (closed)" : fmt(-extreme(key));
      hi.textContent = GATES[key] ? "1 (open)" : fmt(extreme(key));
      legend.appendChild(lo); legend.appendChild(lc); legend.appendChild(hi);
      box.appendChild(legend);
      host.appendChild(box);
      var ctx = canvas.getContext("2d");
      for (var t = 1; t <= T; t++) {
        var col = vec(key, t);
        for (var j = 0; j < H; j++) { ctx.fillStyle = colour(key, col[j]); ctx.fillRect((t - 1) * cw, j * ch, cw, ch); }
      }
      var base = ctx.getImageData(0, 0, canvas.width, canvas.height);
      var map = { key: key, canvas: canvas, ctx: ctx, base: base };
      maps.push(map);
      function cellAt(e) {
        var r = canvas.getBoundingClientRect();
        var t = Math.floor((e.clientX - r.left) / r.width * T) + 1, j = Math.floor((e.clientY - r.top) / r.height * H);
        return [Math.max(1, Math.min(T, t)), Math.max(0, Math.min(H - 1, j))];
      }
      canvas.addEventListener("mousemove", function (e) { var c = cellAt(e); readout(key, c[0], c[1]); });
      canvas.addEventListener("click", function (e) { var c = cellAt(e); set({ t: c[0], j: c[1] }); readout(key, c[0], c[1]); });
      canvas.addEventListener("focus", function () { readout(key, state.t, state.j); });
      canvas.addEventListener("keydown", function (e) {
        var d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
        if (d) {
          e.preventDefault(); e.stopPropagation();
          set({ t: Math.max(1, Math.min(T, state.t + d[0])), j: Math.max(0, Math.min(H - 1, state.j + d[1])) });
          readout(key, state.t, state.j);
        }
      });
    });
  }
  function drawMarks() {
    maps.forEach(function (m) {
      m.ctx.putImageData(m.base, 0, 0);
      m.ctx.strokeStyle = "#d14900"; m.ctx.lineWidth = 2;
      m.ctx.strokeRect((state.t - 1) * cw + 1, 1, cw - 2, m.canvas.height - 2);
      m.ctx.strokeRect(1, state.j * ch, m.canvas.width - 2, Math.max(ch, 2));
    });
  }

  // ---- state ---------------------------------------------------------------------------
  var slider = document.getElementById("step"), unitBox = document.getElementById("unit");
  slider.max = String(T); unitBox.max = String(H - 1);
  var forwardButton = document.getElementById("forwardButton"), backwardButton = document.getElementById("backwardButton");
  if (!hasBackward) { backwardButton.disabled = true; backwardButton.title = "This trace has no backward pass"; }
  function parseFragment() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var p = kv.split("=");
      if (p[0] === "t") out.t = parseInt(p[1], 10);
      if (p[0] === "j") out.j = parseInt(p[1], 10);
      if (p[0] === "pass") out.pass = p[1];
    });
    return out;
  }
  function set(change, rebuild) {
    var passBefore = state.pass;
    if (change.t !== undefined && isFinite(change.t)) state.t = Math.max(1, Math.min(T, change.t));
    if (change.j !== undefined && isFinite(change.j)) state.j = Math.max(0, Math.min(H - 1, change.j));
    if (change.pass === "backward" && hasBackward) state.pass = "backward";
    if (change.pass === "forward") state.pass = "forward";
    slider.value = String(state.t);
    unitBox.value = String(state.j);
    document.getElementById("stepLabel").textContent = "t = " + state.t + " of " + T;
    forwardButton.setAttribute("aria-checked", String(state.pass === "forward"));
    backwardButton.setAttribute("aria-checked", String(state.pass === "backward"));
    var fragment = "#t=" + state.t + "&j=" + state.j + "&pass=" + state.pass;
    if (location.hash !== fragment) { try { history.replaceState(null, "", fragment); } catch (e) { location.hash = fragment; } }
    if (rebuild || passBefore !== state.pass) buildMaps();
    drawDiagram();
    drawEquations();
    drawMarks();
  }
  document.getElementById("prev").addEventListener("click", function () { set({ t: state.t - 1 }); });
  document.getElementById("next").addEventListener("click", function () { set({ t: state.t + 1 }); });
  slider.addEventListener("input", function () { set({ t: parseInt(slider.value, 10) }); });
  unitBox.addEventListener("change", function () { set({ j: parseInt(unitBox.value, 10) }); });
  forwardButton.addEventListener("click", function () { set({ pass: "forward" }); });
  backwardButton.addEventListener("click", function () { set({ pass: "backward" }); });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "CANVAS" || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight") { e.preventDefault(); set({ t: state.t + 1 }); }
    if (e.key === "ArrowLeft") { e.preventDefault(); set({ t: state.t - 1 }); }
  });
  window.addEventListener("hashchange", function () { set(parseFragment()); });

  document.getElementById("readout").textContent = "Hover over or focus a heatmap to read its exact values here.";
  set(parseFragment(), true);
  window.__explorerReadyMs = performance.now();
  document.body.setAttribute("data-ready", "true");
})();
"""#
}
