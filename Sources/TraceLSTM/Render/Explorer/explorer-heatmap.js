// Heatmaps of units × time: one per gate, state and gradient, with the step numbers (and, for
// a character model, the input and next characters) along the top, the unit numbers down the
// side, the chosen cell marked, the pointed cell outlined, and a tooltip at the cursor with the
// exact value, its equation and its indices.

var MAP_KEYS = { forward: ["f", "i", "C_tilde", "C", "o", "h"], backward: ["df", "di", "dC_tilde", "dC", "do", "dh"] };
var maps = [];
var hovered = null;
var MAP_FONT = "11px \"DejaVu Sans\", Verdana, system-ui, sans-serif";
var MAP_MONO = "11px \"DejaVu Sans Mono\", Menlo, Consolas, monospace";

function clamp(x, lo, hi) { return Math.max(lo, Math.min(hi, x)); }

// Cell sizes for the width the maps have: 3, 2 or 1 maps a row.
function mapGeometry(hostWidth) {
  var columns = hostWidth >= 1080 ? 3 : hostWidth >= 700 ? 2 : 1;
  var inner = Math.floor((hostWidth - 16 * (columns - 1)) / columns) - 20;
  var gutter = 40, rows = vocabulary ? 2 : 0;
  var cw = clamp(Math.floor((inner - gutter - 2) / T), 6, 40), ch = clamp(Math.floor(400 / H), 4, 18);
  var top = 16 + rows * 15 + 4;
  var tickEvery = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter(function (s) { return s * ch >= 14; })[0] || 1000;
  var stepEvery = cw >= 18 ? 1 : cw >= 8 ? 5 : 10;
  return { columns: columns, cw: cw, ch: ch, gutter: gutter, top: top, rows: rows, tickEvery: tickEvery, stepEvery: stepEvery,
           width: gutter + T * cw + 2, height: top + H * ch + 2 };
}

function setupCanvas(canvas, width, height) {
  var ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = width + "px";
  canvas.style.height = height + "px";
  var ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

function buildMaps() {
  hideTooltip();
  hovered = null;
  var host = clear(document.getElementById("heatmaps"));
  var g = mapGeometry(host.clientWidth || 360);
  host.style.gridTemplateColumns = "repeat(" + g.columns + ", minmax(0, 1fr))";
  maps = [];
  MAP_KEYS[state.pass].forEach(function (key) {
    if (!vec(key, 1)) return;
    var scale = scaleFor(key, allValues(key), state.scale);
    var card = make("figure", "map");
    var caption = make("figcaption", null, sym(key));
    caption.appendChild(make("span", "meaning", " " + meaning(key)));
    card.appendChild(caption);
    var frame = make("div", "map-frame");
    frame.style.width = g.width + "px";
    frame.style.height = g.height + "px";
    var base = make("canvas"), overlay = make("canvas", "overlay");
    drawMapBase(setupCanvas(base, g.width, g.height), key, scale, g);
    var marks = setupCanvas(overlay, g.width, g.height);
    overlay.tabIndex = 0;
    overlay.setAttribute("role", "img");
    overlay.setAttribute("data-key", key);
    overlay.setAttribute("aria-label", "Heatmap of " + sym(key) + ", " + H + " units by " + T + " steps. Arrow keys move the chosen cell.");
    frame.appendChild(base);
    frame.appendChild(overlay);
    card.appendChild(frame);
    card.appendChild(legendFor(scale));
    host.appendChild(card);
    var map = { key: key, overlay: overlay, ctx: marks, g: g, scale: scale };
    maps.push(map);
    attachMapEvents(map);
  });
  drawMarks();
}

function drawMapBase(ctx, key, scale, g) {
  var p = palette();
  ctx.font = MAP_FONT;
  ctx.fillStyle = p.muted;
  ctx.textAlign = "right";
  ctx.fillText("t", g.gutter - 6, 12);
  if (g.rows) { ctx.fillText("in", g.gutter - 6, 16 + 12); ctx.fillText("next", g.gutter - 6, 16 + 15 + 12); }
  ctx.textAlign = "center";
  for (var t = 1; t <= T; t++) {
    var cx = g.gutter + (t - 0.5) * g.cw;
    if (t === 1 || t % g.stepEvery === 0) { ctx.fillStyle = p.muted; ctx.font = MAP_FONT; ctx.fillText(String(t), cx, 12); }
    if (g.rows && g.cw >= 8) {
      ctx.fillStyle = p.text;
      ctx.font = MAP_MONO;
      ctx.fillText(visibleChar(vocabulary[inputClass(t)]), cx, 16 + 12);
      ctx.fillText(visibleChar(vocabulary[targetClass(t)]), cx, 16 + 15 + 12);
    }
  }
  ctx.font = MAP_FONT;
  ctx.textAlign = "right";
  ctx.fillStyle = p.muted;
  for (var j = 0; j < H; j += g.tickEvery) {
    ctx.fillText(String(j), g.gutter - 6, g.top + (j + 0.5) * g.ch + 4);
    ctx.fillRect(g.gutter - 4, g.top + (j + 0.5) * g.ch, 3, 1);
  }
  for (t = 1; t <= T; t++) {
    var col = vec(key, t);
    for (j = 0; j < H; j++) {
      ctx.fillStyle = colour(scale, col[j]);
      ctx.fillRect(g.gutter + (t - 1) * g.cw, g.top + j * g.ch, g.cw, g.ch);
    }
  }
}

// The cell under a point of the overlay, or null outside the cells.
function cellAt(map, e) {
  var r = map.overlay.getBoundingClientRect(), g = map.g;
  var x = e.clientX - r.left - g.gutter, y = e.clientY - r.top - g.top;
  if (x < 0 || y < 0 || x >= T * g.cw || y >= H * g.ch) return null;
  return { t: Math.floor(x / g.cw) + 1, j: Math.floor(y / g.ch) };
}

function attachMapEvents(map) {
  var o = map.overlay;
  o.addEventListener("mousemove", function (e) {
    var c = cellAt(map, e);
    hovered = c ? { key: map.key, t: c.t, j: c.j } : null;
    drawMarks();
    if (c) showTooltip(map.key, c.t, c.j, e.clientX, e.clientY); else hideTooltip();
  });
  o.addEventListener("mouseleave", function () { hovered = null; drawMarks(); hideTooltip(); });
  o.addEventListener("click", function (e) { var c = cellAt(map, e); if (c) set({ t: c.t, j: c.j }); });
  o.addEventListener("keydown", function (e) {
    var d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    if (e.key === "Escape") { hideTooltip(); return; }
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    set({ t: clamp(state.t + d[0], 1, T), j: clamp(state.j + d[1], 0, H - 1) });
    var c = cellCentre(map.key, state.t, state.j);
    showTooltip(map.key, state.t, state.j, c.x, c.y);
  });
  o.addEventListener("blur", hideTooltip);
}

// Where a cell is in the window (for the keyboard's tooltip, and for the tests).
function cellRect(key, t, j) {
  for (var n = 0; n < maps.length; n++) {
    if (maps[n].key !== key) continue;
    var r = maps[n].overlay.getBoundingClientRect(), g = maps[n].g;
    return { left: r.left + g.gutter + (t - 1) * g.cw, top: r.top + g.top + j * g.ch, width: g.cw, height: g.ch };
  }
  return null;
}

function cellCentre(key, t, j) {
  var c = cellRect(key, t, j);
  return c ? { x: c.left + c.width / 2, y: c.top + c.height / 2 } : null;
}

// The chosen cell (a crosshair and an outline in the accent colour) and the pointed cell (a
// two-tone outline, visible on any colour).
function drawMarks() {
  var p = palette();
  maps.forEach(function (m) {
    var g = m.g, ctx = m.ctx;
    ctx.clearRect(0, 0, g.width, g.height);
    var x = g.gutter + (state.t - 1) * g.cw, y = g.top + state.j * g.ch;
    ctx.fillStyle = p.gridline;
    ctx.fillRect(x, g.top, g.cw, 1);
    ctx.fillRect(x, g.top + H * g.ch - 1, g.cw, 1);
    ctx.fillRect(g.gutter, y + g.ch / 2, 2, 1);
    ctx.strokeStyle = p.mark;
    ctx.lineWidth = 2;
    ctx.strokeRect(x + 1, y + 1, Math.max(g.cw - 2, 1), Math.max(g.ch - 2, 1));
    ctx.strokeRect(x - 1, g.top - 1, g.cw + 2, H * g.ch + 2);
    if (hovered && hovered.key === m.key) {
      var hx = g.gutter + (hovered.t - 1) * g.cw, hy = g.top + hovered.j * g.ch;
      ctx.lineWidth = 3;
      ctx.strokeStyle = p.hover;
      ctx.strokeRect(hx - 1.5, hy - 1.5, g.cw + 3, g.ch + 3);
      ctx.lineWidth = 1;
      ctx.strokeStyle = p.hover === "#ffffff" ? "#000000" : "#ffffff";
      ctx.strokeRect(hx - 3.5, hy - 3.5, g.cw + 7, g.ch + 7);
    }
  });
}

var tooltip = document.getElementById("tooltip");

function showTooltip(key, t, j, x, y) {
  var v = at(key, t, j);
  clear(tooltip);
  var first = make("p", "tip-value", symAt(key, t, j) + " = ");
  first.appendChild(make("span", "exact", exact(v)));
  tooltip.appendChild(first);
  tooltip.appendChild(make("p", "tip-equation", equationOf(key)));
  var where = "step t = " + t + ", unit j = " + j;
  if (vocabulary) where += " · input " + className(inputClass(t)) + " → next " + className(targetClass(t));
  tooltip.appendChild(make("p", "tip-where", where));
  tooltip.setAttribute("data-key", key);
  tooltip.setAttribute("data-t", String(t));
  tooltip.setAttribute("data-index", String(j));
  tooltip.setAttribute("data-exact", exact(v));
  tooltip.hidden = false;
  // Beside the cursor where it fits (right, else left), else below or above it, never over it.
  var w = tooltip.offsetWidth, h = tooltip.offsetHeight, vw = document.documentElement.clientWidth, vh = window.innerHeight;
  var left, top;
  if (x + 14 + w <= vw - 4 || x - 14 - w >= 4) {
    left = x + 14 + w <= vw - 4 ? x + 14 : x - 14 - w;
    top = clamp(y - h / 2, 4, Math.max(4, vh - h - 4));
  } else {
    left = clamp(x - w / 2, 4, Math.max(4, vw - w - 4));
    top = y + 18 + h <= vh - 4 ? y + 18 : Math.max(4, y - 18 - h);
  }
  tooltip.style.left = left + "px";
  tooltip.style.top = top + "px";
}

function hideTooltip() { tooltip.hidden = true; }
