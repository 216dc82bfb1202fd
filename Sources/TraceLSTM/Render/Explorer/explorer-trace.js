// The trace and the symbol table, as the page reads them from its two JSON blocks, and the
// numbers of each key at each step.

var symbols = JSON.parse(document.getElementById("symbols").textContent);
var trace = JSON.parse(document.getElementById("trace-data").textContent);
var cfg = trace.config;
var T = trace.forward.length, H = cfg.hidden, X = cfg.input, K = cfg.output, Z = H + X;
var hasBackward = Array.isArray(trace.backward);
var hOffset = cfg.concat === "h-first" ? 0 : X, xOffset = cfg.concat === "h-first" ? H : 0;
var vocabulary = typeof cfg.vocabulary === "string" ? Array.from(cfg.vocabulary) : null;
var headKey = cfg.head === "softmax" ? "v" : "y";       // the head's weights: W_v or W_y
var headGradient = cfg.head === "softmax" ? "dv" : "dy"; // the gradient at the head's scores
var GATE_WEIGHTS = { f: ["W_f", "b_f", "a_f"], i: ["W_i", "b_i", "a_i"], C_tilde: ["W_C", "b_C", "a_C"], o: ["W_o", "b_o", "a_o"] };

// Keys the trace does not store but the page shows (CellDiagram.DerivedKey, DiagramValues):
// dx (the x_t part of dz_t), dtanh_C = dh_t ⊙ o_t, and what step t + 1 handed back.
var DERIVED = {
  dx: { text: "dx_t", meaning: "gradient at the input x_t: the x part of dz_t" },
  dtanh_C: { text: "d tanh(C_t)", meaning: "gradient at tanh(C_t): dh_t ⊙ o_t" },
  dh_next: { text: "dh_next", meaning: "what step t + 1 handed back through h (its dh_{t−1}; 0 at the last step)" },
  dC_next: { text: "dC_next", meaning: "what step t + 1 handed back through C (its dC_{t−1}; 0 at the last step)" }
};

function has(o, k) { return o && Object.prototype.hasOwnProperty.call(o, k); }

// The vector of a key at step t (1-based); null where the trace has none.
function vec(key, t) {
  if (t < 1 || t > T) return null;
  var f = trace.forward[t - 1];
  if (has(f, key)) return key === "loss" ? [f.loss] : f[key];
  var b = hasBackward ? trace.backward[t - 1] : null;
  if (has(b, key)) return b[key];
  if (!hasBackward) return null;
  if (key === "dx") return b.dz.slice(xOffset, xOffset + X);
  if (key === "dtanh_C") return b.dh.map(function (d, j) { return d * f.o[j]; });
  if (key === "dh_next" || key === "dC_next") {
    if (t === T) return new Array(H).fill(0);
    return trace.backward[t][key === "dh_next" ? "dh_prev" : "dC_prev"];
  }
  return null;
}

function at(key, t, j) { var v = vec(key, t); return v && j !== null && j < v.length ? v[j] : null; }

// A parameter matrix (rows of numbers).
function param(key) { return trace.parameters[key]; }

// The target class at step t (a softmax head), or null.
function targetClass(t) { return cfg.loss === "cross-entropy" ? trace.target[t - 1] : null; }

// The entry a diagram line shows (CellDiagram.Slot, DiagramValues.index): unit j, the
// largest or second largest magnitude (the lower index on a tie), or the target class.
function slotIndex(slot, key, t, j) {
  if (slot === "unit") return j;
  if (slot === "target") return targetClass(t);
  var v = vec(key, t);
  if (!v) return null;
  var order = v.map(function (_, k) { return k; });
  order.sort(function (a, b) { return Math.abs(v[b]) - Math.abs(v[a]) || a - b; });
  var rank = slot === "rank0" ? 0 : 1;
  return rank < order.length ? order[rank] : null;
}

// A character as it can be seen: ␣ for a space, ↵ for a newline, ⇥ for a tab.
function visibleChar(c) { return c === " " ? "␣" : c === "\n" || c === "\r\n" ? "↵" : c === "\t" ? "⇥" : c; }

// How a class is named: “e” with a vocabulary, else "class 3" (DiagramValues.className).
function className(k) {
  if (k === null || k === undefined) return "–";
  return vocabulary && k >= 0 && k < vocabulary.length ? "“" + visibleChar(vocabulary[k]) + "”" : "class " + k;
}

// The input's class at step t (one-hot x), or null for dense inputs.
function inputClass(t) {
  if (!vocabulary) return null;
  var x = vec("x", t);
  return x ? x.indexOf(1) : null;
}

// The symbol of a key, as plain text with subscript marks (C_{t−1}, a_f).
function sym(key) {
  if (has(symbols.quantities, key)) return symbols.quantities[key].text;
  if (has(DERIVED, key)) return DERIVED[key].text;
  return key;
}

function meaning(key) {
  if (has(symbols.quantities, key)) return symbols.quantities[key].meaning;
  if (has(DERIVED, key)) return DERIVED[key].meaning;
  if (has(symbols.parameters, key)) return symbols.parameters[key].meaning;
  return "";
}

// A symbol at a step: C_t → C_{3}, C_{t−1} → C_{2}, a_f stays a_f; then [j] if given.
function symAt(key, t, j) {
  var s = sym(key).replace(/_\{t−1\}/, "_{" + (t - 1) + "}").replace(/_t\b/, "_{" + t + "}");
  return j === undefined || j === null ? s : s + "[" + j + "]";
}

// The equation that produces a key.
function equationOf(key) {
  var all = symbols.forward.concat(symbols.backward);
  for (var k = 0; k < all.length; k++) if (all[k].results.indexOf(key) >= 0) return all[k].text;
  if (key === "dtanh_C") return "d tanh(C_t) = dh_t ⊙ o_t";
  if (key === "dx") return "dx_t = dz_t[x part]";
  return "";
}

// What entry k of z_t is: h_{t−1}[m] or x_t[m] (with its character).
function concatEntry(k) {
  var m = k - hOffset;
  if (m >= 0 && m < H) return { key: "h_prev", index: m, text: "h_{t−1}[" + m + "]" };
  m = k - xOffset;
  return { key: "x", index: m, text: "x_t[" + m + "]" + (vocabulary ? " " + className(m) : "") };
}
