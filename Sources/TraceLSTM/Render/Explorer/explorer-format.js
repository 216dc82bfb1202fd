// Numbers and symbols as the page writes them.
//
// HTMLExplorer joins the explorer-*.js files, in the order it lists them, inside one function
// with "use strict"; each file alone passes `node --check`.

// Significant digits of every number on the page (the tests read window.__explorerDigits).
var DIGITS = 4;
var SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

// DIGITS significant digits, trailing zeros kept, a true minus sign, and ×10ⁿ when the rounded
// value is below 1e-3 or at least 10^DIGITS: 0.8293, −1.003, 0.001200, 9.617×10⁻⁶.
// Keep in sync with NumberFormat.significant (Swift); Tests/browser/number-format-cases.json
// holds the cases both are tested on.
function fmt(v) {
  if (v === null || v === undefined) return "–";
  if (typeof v !== "number" || isNaN(v)) return "NaN";
  if (!isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  var sign = v < 0 ? "−" : "", a = Math.abs(v);
  var e = a.toExponential(DIGITS - 1), cut = e.indexOf("e");
  var exponent = parseInt(e.slice(cut + 1), 10);
  if (exponent < -3 || exponent >= DIGITS) return sign + e.slice(0, cut) + "×10" + superscript(exponent);
  return sign + a.toFixed(DIGITS - 1 - exponent);
}

function superscript(n) {
  return (n < 0 ? "⁻" : "") + String(Math.abs(n)).split("").map(function (d) { return SUPERSCRIPT_DIGITS[+d]; }).join("");
}

// Full precision: the shortest text that reads back as the same double (the trace's digits).
function exact(v) { return v === null || v === undefined ? "–" : String(v); }

// A symbol as the symbol table writes it (C_{t−1}, a_f, y_T,k) cut into runs of normal and
// subscript text: `_` takes a braced group, or letters and digits with commas between them.
// The same rule as SymbolText (Swift).
function symbolRuns(text) {
  var runs = [], normal = "", k = 0, word = /^[A-Za-z0-9\u00C0-\u024F\u0370-\u03FF]+/;
  while (k < text.length) {
    var c = text[k];
    if (c !== "_" || k + 1 >= text.length) { normal += c; k++; continue; }
    var sub = "", rest = text.slice(k + 1);
    if (rest[0] === "{") {
      var close = rest.indexOf("}");
      sub = close < 0 ? rest.slice(1) : rest.slice(1, close);
      k += 2 + (close < 0 ? rest.length - 1 : close);
    } else {
      var m = word.exec(rest), used = 0;
      while (m) {
        sub += m[0]; used += m[0].length;
        var after = rest.slice(used);
        if (after[0] === "," && word.test(after.slice(1))) { sub += ","; used += 1; m = word.exec(after.slice(1)); } else { m = null; }
      }
      k += 1 + used;
    }
    if (!sub) { normal += "_"; continue; }
    if (normal) runs.push({ text: normal, sub: false });
    normal = "";
    runs.push({ text: sub, sub: true });
  }
  if (normal) runs.push({ text: normal, sub: false });
  return runs;
}

// A symbol in plain characters, for places that cannot hold <sub> (a select's options):
// subscripts as Unicode subscript characters where all of them have one, else as _x.
var SUBSCRIPT_CHARS = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
  "−": "₋", "+": "₊", a: "ₐ", e: "ₑ", h: "ₕ", i: "ᵢ", j: "ⱼ", k: "ₖ", l: "ₗ", m: "ₘ", n: "ₙ", o: "ₒ", p: "ₚ", r: "ᵣ",
  s: "ₛ", t: "ₜ", u: "ᵤ", v: "ᵥ", x: "ₓ" };
function plainSymbol(text) {
  return symbolRuns(text).map(function (run) {
    if (!run.sub) return run.text;
    var chars = run.text.split("");
    return chars.every(function (c) { return SUBSCRIPT_CHARS[c]; }) ? chars.map(function (c) { return SUBSCRIPT_CHARS[c]; }).join("") : "_" + run.text;
  }).join("");
}

// Appends a symbol's text to an element, subscripts as <sub>.
function rich(parent, text) {
  symbolRuns(text).forEach(function (run) {
    if (run.sub) {
      var s = document.createElement("sub");
      s.textContent = run.text;
      parent.appendChild(s);
    } else {
      parent.appendChild(document.createTextNode(run.text));
    }
  });
  return parent;
}

// An element with optional class and rich text.
function make(tag, className, text) {
  var e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) rich(e, String(text));
  return e;
}

function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

// A number of the trace, shown to DIGITS digits, with what the tests need to find it: the key,
// the step and the entry ("j" or "j,k" for a matrix), and the full value on hover.
function numberSpan(v, key, t, index) {
  var s = make("span", "num");
  s.textContent = fmt(v);
  s.title = exact(v);
  if (key) {
    s.setAttribute("data-key", key);
    s.setAttribute("data-t", String(t));
    s.setAttribute("data-index", String(index));
  }
  return s;
}
