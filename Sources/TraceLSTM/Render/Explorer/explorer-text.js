// For a character model: the input text coloured by one unit's value (Karpathy's "Visualizing
// and Understanding Recurrent Networks"), and the softmax's top predictions at the chosen step
// as bars, with the target marked. For another softmax head, the bars only, by class number.

var TEXT_KEYS = ["h", "C", "o", "f", "i", "C_tilde", "tanh_C", "dh", "dC"];
var TOP_PREDICTIONS = 8;
var textKeyChoice = document.getElementById("textKey");

function setupCharacters() {
  if (cfg.head !== "softmax") return;
  document.getElementById("characters").hidden = false;
  if (!vocabulary) return;
  document.getElementById("textPanel").hidden = false;
  TEXT_KEYS.filter(function (key) { return vec(key, 1); }).forEach(function (key) {
    var option = document.createElement("option");
    option.value = key;
    option.textContent = plainSymbol(sym(key)) + ", " + meaning(key);
    textKeyChoice.appendChild(option);
  });
  textKeyChoice.addEventListener("change", drawText);
}

function drawText() {
  if (!vocabulary) return;
  var key = textKeyChoice.value || "h";
  var strip = clear(document.getElementById("textStrip"));
  var scale = scaleFor(key, allValues(key), state.scale);
  for (var t = 1; t <= T; t++) {
    var v = at(key, t, state.j), background = colour(scale, v);
    var c = make("span", "char" + (t === state.t ? " current" : ""));
    c.textContent = visibleChar(vocabulary[inputClass(t)]);
    c.style.background = background;
    c.style.color = inkOn(background);
    c.setAttribute("role", "listitem");
    c.setAttribute("data-t", String(t));
    c.setAttribute("aria-label", "step " + t + ", " + className(inputClass(t)) + ": " + symAt(key, t, state.j) + " = " + fmt(v));
    strip.appendChild(c);
  }
  var legend = clear(document.getElementById("textLegend"));
  legend.appendChild(legendFor(scale));
}

document.getElementById("textStrip").addEventListener("mousemove", function (e) {
  var c = e.target.closest ? e.target.closest(".char") : null;
  if (!c) { hideTooltip(); return; }
  showTooltip(textKeyChoice.value || "h", parseInt(c.getAttribute("data-t"), 10), state.j, e.clientX, e.clientY);
});
document.getElementById("textStrip").addEventListener("mouseleave", hideTooltip);
document.getElementById("textStrip").addEventListener("click", function (e) {
  var c = e.target.closest ? e.target.closest(".char") : null;
  if (c) set({ t: parseInt(c.getAttribute("data-t"), 10) });
});

function drawBars() {
  if (cfg.head !== "softmax") return;
  var t = state.t, y = vec("y", t), target = targetClass(t);
  var heading = clear(document.getElementById("barsHeading"));
  rich(heading, "Predictions y_t at step t = " + t + (vocabulary ? ": input " + className(inputClass(t)) + "," : ":") +
    " target " + className(target));
  var order = y.map(function (_, k) { return k; });
  order.sort(function (a, b) { return y[b] - y[a] || a - b; });
  var shown = order.slice(0, TOP_PREDICTIONS), rank = order.indexOf(target);
  var box = clear(document.getElementById("bars"));
  var top = y[order[0]];
  function row(k, r) {
    var line = make("div", "bar-row" + (k === target ? " target" : ""));
    line.appendChild(make("span", "bar-label", className(k)));
    var track = make("span", "bar-track"), bar = make("span", "bar");
    bar.style.width = (100 * y[k] / top).toFixed(2) + "%";
    track.appendChild(bar);
    line.appendChild(track);
    var value = make("span", "bar-value");
    value.appendChild(numberSpan(y[k], "y", t, k));
    line.appendChild(value);
    if (state.pass === "backward") {
      var d = make("span", "bar-grad", "dv = ");
      d.appendChild(numberSpan(at("dv", t, k), "dv", t, k));
      line.appendChild(d);
    }
    line.appendChild(make("span", "bar-note", k === target ? "target" + (r >= TOP_PREDICTIONS ? ", rank " + (r + 1) : "") : ""));
    box.appendChild(line);
  }
  shown.forEach(function (k, r) { row(k, r); });
  if (rank >= TOP_PREDICTIONS) {
    box.appendChild(make("div", "bar-gap", "…"));
    row(target, rank);
  }
  var loss = at("loss", t, 0);
  if (loss !== null) {
    var p = make("p", "panel-line", "This step's loss L_t = −log y_t[target] = ");
    p.appendChild(numberSpan(loss, "loss", t, 0));
    box.appendChild(p);
  }
}
