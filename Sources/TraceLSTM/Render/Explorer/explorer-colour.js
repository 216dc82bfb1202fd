// One colour grammar for the whole page. Gates (f, i, o) lie in [0, 1]: a sequential scale,
// green, from closed (0, faint) to open (1, strong). Everything else is signed: a diverging
// scale, blue below zero, red above, neutral at zero, symmetric about 0. Blue therefore always
// means "negative", never "open". Each scheme has a light and a dark palette.

var GATES = { f: true, i: true, o: true };

var PALETTES = {
  light: {
    sequential: ["#f7fcf0", "#d4eece", "#7bc87c", "#2b8a47", "#00441b"],
    diverging: ["#1f5fa8", "#8fbfdf", "#f5f5f5", "#f0a385", "#b2182b"],
    mark: "#d14900", hover: "#111111", text: "#1b1b1f", muted: "#5b5b66", gridline: "rgba(0,0,0,0.18)"
  },
  dark: {
    sequential: ["#1a1d22", "#1f4a35", "#2f8a55", "#7fcf86", "#e6f7c8"],
    diverging: ["#66b0ff", "#2d5b8a", "#262a31", "#94503e", "#ff8a75"],
    mark: "#ffa04d", hover: "#ffffff", text: "#e8e9ec", muted: "#a3a7b0", gridline: "rgba(255,255,255,0.22)"
  }
};

var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
function palette() { return PALETTES[darkQuery && darkQuery.matches ? "dark" : "light"]; }

function isGate(key) { return GATES[key] === true; }

function hexToRgb(h) { return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]; }

// Interpolates the stops of a palette at s ∈ [0, 1].
function ramp(stops, s) {
  s = Math.max(0, Math.min(1, s));
  var x = s * (stops.length - 1), k = Math.min(Math.floor(x), stops.length - 2), u = x - k;
  var a = hexToRgb(stops[k]), b = hexToRgb(stops[k + 1]);
  return "rgb(" + a.map(function (c, n) { return Math.round(c + (b[n] - c) * u); }).join(",") + ")";
}

// The scale of a quantity over all its values: sequential [0, 1] for a gate; else diverging
// ±limit, where limit is the largest |value| (linear) or its 98th percentile (robust: a few
// large cells no longer wash out the rest, and cells beyond are drawn at full colour).
function scaleFor(key, values, mode) {
  if (isGate(key)) return { kind: "sequential", key: key };
  var mags = values.filter(function (v) { return isFinite(v); }).map(Math.abs).sort(function (a, b) { return a - b; });
  var max = mags.length ? mags[mags.length - 1] : 0;
  var limit = max, beyond = 0;
  if (mode === "robust" && mags.length) {
    limit = mags[Math.min(mags.length - 1, Math.floor(0.98 * (mags.length - 1)))];
    beyond = mags.filter(function (m) { return m > limit; }).length / mags.length;
  }
  if (!(limit > 0)) limit = max > 0 ? max : 1;
  return { kind: "diverging", key: key, limit: limit, max: max, mode: mode, beyond: beyond };
}

// All values of a key over the trace (T steps × its length).
function allValues(key) {
  var out = [];
  for (var t = 1; t <= T; t++) { var v = vec(key, t); if (v) out = out.concat(v); }
  return out;
}

function colour(scale, v) {
  if (v === null || v === undefined || !isFinite(v)) return "#888888";
  var p = palette();
  if (scale.kind === "sequential") return ramp(p.sequential, v);
  return ramp(p.diverging, 0.5 + 0.5 * v / scale.limit);
}

// Black or white, whichever reads on a background colour.
function inkOn(rgb) {
  var c = rgb.match(/\d+/g).map(Number);
  return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] > 140 ? "#111111" : "#ffffff";
}

// A legend that says which scale this is: the ramp, its ends, and 0 marked on a signed scale.
function legendFor(scale) {
  var box = make("div", "legend");
  var bar = make("div", "legend-bar");
  var stops = scale.kind === "sequential" ? palette().sequential : palette().diverging;
  bar.style.background = "linear-gradient(to right, " + stops.join(", ") + ")";
  var ticks = make("div", "legend-ticks");
  var text = make("p", "legend-text");
  if (scale.kind === "sequential") {
    ticks.appendChild(make("span", null, "0 closed"));
    ticks.appendChild(make("span", null, "1 open"));
    text.textContent = "Sequential: a gate's value in [0, 1].";
  } else {
    ticks.appendChild(make("span", null, fmt(-scale.limit)));
    var zero = make("span", "zero", "0");
    ticks.appendChild(zero);
    ticks.appendChild(make("span", null, fmt(scale.limit)));
    var mark = make("div", "legend-zero");
    bar.appendChild(mark);
    text.textContent = scale.mode === "robust" && scale.limit < scale.max
      ? "Diverging, blue < 0 < red, clipped at the 98th percentile of |value| (" + fmt(scale.limit) + "; largest " +
        fmt(scale.max) + "; " + Math.round(scale.beyond * 1000) / 10 + " % of cells beyond, at full colour)."
      : "Diverging, blue < 0 < red, linear to the largest |value|.";
  }
  box.appendChild(bar);
  box.appendChild(ticks);
  box.appendChild(text);
  return box;
}
