// The page's state (step, unit, pass, the box whose arithmetic is open, the colour scale),
// kept in the URL fragment (#t=2&j=0&pass=forward&node=f), the controls, and the first drawing.

var state = { t: 1, j: 0, pass: "forward", node: "f", scale: "robust" };
var slider = document.getElementById("step"), unitBox = document.getElementById("unit");
var forwardButton = document.getElementById("forwardButton"), backwardButton = document.getElementById("backwardButton");
var scaleChoice = document.getElementById("scaleChoice");

function parseFragment() {
  var out = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var p = kv.split("="), v = decodeURIComponent(p[1] || "");
    if (p[0] === "t") out.t = parseInt(v, 10);
    if (p[0] === "j") out.j = parseInt(v, 10);
    if (p[0] === "pass") out.pass = v;
    if (p[0] === "node") out.node = v;
    if (p[0] === "scale") out.scale = v;
  });
  return out;
}

function set(change) {
  var before = { pass: state.pass, scale: state.scale };
  if (change.t !== undefined && isFinite(change.t)) state.t = clamp(change.t, 1, T);
  if (change.j !== undefined && isFinite(change.j)) state.j = clamp(change.j, 0, H - 1);
  if (change.pass === "backward" && hasBackward) state.pass = "backward";
  if (change.pass === "forward") state.pass = "forward";
  if (change.node && has(NODE_NAMES, change.node)) state.node = change.node;
  if (change.scale === "robust" || change.scale === "linear") state.scale = change.scale;
  slider.value = String(state.t);
  unitBox.value = String(state.j);
  scaleChoice.value = state.scale;
  document.getElementById("stepLabel").textContent = "t = " + state.t + " of " + T;
  forwardButton.setAttribute("aria-checked", String(state.pass === "forward"));
  backwardButton.setAttribute("aria-checked", String(state.pass === "backward"));
  var fragment = "#t=" + state.t + "&j=" + state.j + "&pass=" + state.pass + "&node=" + state.node +
    (state.scale === "robust" ? "" : "&scale=" + state.scale);
  if (location.hash !== fragment) {
    try { history.replaceState(null, "", fragment); } catch (e) { location.hash = fragment; }
  }
  if (change.rebuild || before.pass !== state.pass || before.scale !== state.scale) buildMaps();
  drawDiagram();
  drawFormula();
  drawMarks();
  drawText();
  drawBars();
  drawEquations();
}

function summary() {
  var p = clear(document.getElementById("summary"));
  var text = "X = " + X + " inputs, H = " + H + " hidden units, K = " + K + " outputs, T = " + T + (T === 1 ? " step" : " steps") +
    "; " + symbols.forward[0].text + "; " + cfg.head + " head; loss " + cfg.loss;
  ["seed", "init", "epoch", "sequence", "iteration"].forEach(function (k) { if (cfg[k] !== undefined) text += "; " + k + " " + cfg[k]; });
  rich(p, text + ". " + symbols.loss + ".");
  document.getElementById("lossLabel").textContent = "loss L = " + fmt(trace.loss);
  document.getElementById("cellHint").textContent = "Each box shows unit j's entry of its quantity (backward: the gradient of " +
    "the loss with respect to it). Click a box, or Tab to it and press Enter, for its arithmetic; click a neighbouring step to go there.";
}

slider.max = String(T);
unitBox.max = String(H - 1);
if (!hasBackward) { backwardButton.disabled = true; backwardButton.title = "This trace has no backward pass"; }
document.getElementById("prev").addEventListener("click", function () { set({ t: state.t - 1 }); });
document.getElementById("next").addEventListener("click", function () { set({ t: state.t + 1 }); });
slider.addEventListener("input", function () { set({ t: parseInt(slider.value, 10) }); });
unitBox.addEventListener("change", function () { set({ j: parseInt(unitBox.value, 10) }); });
forwardButton.addEventListener("click", function () { set({ pass: "forward" }); });
backwardButton.addEventListener("click", function () { set({ pass: "backward" }); });
scaleChoice.addEventListener("change", function () { set({ scale: scaleChoice.value }); });
document.addEventListener("keydown", function (e) {
  var tag = (e.target && e.target.tagName) || "";
  if (tag === "INPUT" || tag === "SELECT" || tag === "CANVAS" || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === "ArrowRight") { e.preventDefault(); set({ t: state.t + 1 }); }
  if (e.key === "ArrowLeft") { e.preventDefault(); set({ t: state.t - 1 }); }
  if (e.key === "Escape") hideTooltip();
});
window.addEventListener("hashchange", function () { set(parseFragment()); });
var resizeTimer = null, lastWidth = window.innerWidth;
window.addEventListener("resize", function () {
  if (window.innerWidth === lastWidth) return;
  lastWidth = window.innerWidth;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(function () { set({ rebuild: true }); }, 150);
});
if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", function () { set({ rebuild: true }); });

// What the tests read: the display precision, the formatter, the state, where a cell is.
window.__explorerDigits = DIGITS;
window.__explorerFormat = fmt;
window.__explorerState = function () { return { t: state.t, j: state.j, pass: state.pass, node: state.node, hovered: hovered }; };
window.__explorerCellCentre = cellCentre;
window.__explorerCellRect = cellRect;

summary();
setupCharacters();
var first = parseFragment();
first.rebuild = true;
set(first);
window.__explorerReadyMs = performance.now();
document.body.setAttribute("data-ready", "true");
