// The cell diagram: CellDiagram (Swift) drew it four times (wide and narrow, forward and
// backward); the style sheet shows the one for this pass and this screen, and this file fills
// in the numbers of step t and unit j, and opens a box's arithmetic when it is clicked.

var diagramHost = document.getElementById("diagram");
var diagrams = Array.prototype.slice.call(diagramHost.querySelectorAll("svg.cell-diagram"));

function drawDiagram() {
  diagramHost.setAttribute("data-pass", state.pass);
  diagrams.forEach(function (svg) {
    if (svg.getAttribute("data-pass") === state.pass) fillDiagram(svg);
  });
  document.getElementById("diagramStep").textContent = String(state.t);
  document.getElementById("diagramUnit").textContent = String(state.j);
  document.getElementById("diagramPass").textContent = state.pass === "forward"
    ? "forward values" : "backward gradients (d· = ∂L/∂·, flowing against the forward arrows)";
}

function fillDiagram(svg) {
  Array.prototype.forEach.call(svg.querySelectorAll("text.val"), function (line) {
    var key = line.getAttribute("data-key"), slot = line.getAttribute("data-slot");
    var k = slotIndex(slot, key, state.t, state.j), v = vec(key, state.t);
    var num = line.querySelector(".num"), idx = line.querySelector(".idx");
    if (!v || k === null || k === undefined || k >= v.length) {
      num.textContent = "–";
      line.removeAttribute("data-index");
      return;
    }
    line.setAttribute("data-index", String(k));
    line.setAttribute("data-t", String(state.t));
    if (idx) idx.textContent = "[" + k + "]";
    num.textContent = fmt(v[k]);
  });
  Array.prototype.forEach.call(svg.querySelectorAll("text.chr"), function (line) {
    var k = slotIndex(line.getAttribute("data-slot"), line.getAttribute("data-key"), state.t, state.j);
    line.setAttribute("data-index", String(k));
    line.querySelector(".name").textContent = className(k);
  });
  Array.prototype.forEach.call(svg.querySelectorAll("text.step"), function (line) {
    var t = state.t + parseInt(line.getAttribute("data-offset"), 10);
    // Before step 1 stands the initial state; after step T, nothing (CellDiagram.stepLabel).
    line.textContent = t >= 1 && t <= T ? String(t) : t < 1 ? "h₀, C₀" : "end";
  });
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
    g.classList.toggle("selected", g.getAttribute("data-node") === state.node);
  });
}

// A click or Enter on a box opens its arithmetic; on a neighbour, goes to that step.
function activateNode(g) {
  var id = g.getAttribute("data-node");
  if (id === "prevStep") { set({ t: state.t - 1 }); return; }
  if (id === "nextStep") { set({ t: state.t + 1 }); return; }
  set({ node: id });
  var panel = document.getElementById("formula");
  if (panel.scrollIntoView) panel.scrollIntoView({ block: "nearest" });
}

diagrams.forEach(function (svg) {
  svg.addEventListener("click", function (e) {
    var g = e.target.closest ? e.target.closest("g.node") : null;
    if (g) activateNode(g);
  });
  svg.addEventListener("keydown", function (e) {
    var g = e.target.closest ? e.target.closest("g.node") : null;
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); activateNode(g); }
  });
});
