"""What the browser tests check on a loaded explorer page. Each check returns a list of problems,
each a (category, message) pair; the categories name what a planted fault must trip."""
import math

from trace_values import GRADIENT_KEYS, half_unit, parse_number, shown_matches

# Shared by the scripts below: whether an element is drawn (not in a hidden diagram, section
# or tooltip), and the diagram that shows.
VISIBLE_JS = """
function visible(e) {
  if (!e.getClientRects().length) return false;
  for (var n = e; n && n.nodeType === 1; n = n.parentElement) {
    var s = getComputedStyle(n);
    if (s.display === 'none' || s.visibility === 'hidden') return false;
  }
  return true;
}
function shownDiagram() {
  var all = Array.from(document.querySelectorAll('#diagram svg.cell-diagram')).filter(visible);
  return all.length === 1 ? all[0] : null;
}
"""


def errors(d):
    page = d.js("return window.__explorerErrors || ['the explorer script did not run'];")
    console = [e["message"] for e in d.logs() if e.get("level") == "SEVERE"]
    return [("errors", f"page error: {e}") for e in page + console]


def fetches_nothing(d):
    """Nothing was loaded, and nothing points outside the page: no src, no link, no CSS url()
    (a failed load leaves no resource entry, so the references are looked for too)."""
    found = d.js("""var out = performance.getEntriesByType('resource').map(function (r) { return 'loaded ' + r.name; });
      document.querySelectorAll('[src], link[href], object[data], [srcset]').forEach(function (e) {
        out.push('refers to ' + (e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data') || e.getAttribute('srcset'))); });
      Array.from(document.styleSheets).forEach(function (sheet) {
        Array.from(sheet.cssRules).forEach(function (r) {
          var m = /url\((?!["']?data:)[^)]*\)|@import/.exec(r.cssText);
          if (m) out.push('style refers to ' + m[0]); }); });
      return out;""")
    return [("fetch", f"the page {u}") for u in found]


def number_format(d, cases, digits):
    out = []
    if d.js("return window.__explorerDigits;") != digits:
        out.append(("format", f"the page's display precision is not {digits}"))
    got = d.js("return arguments[0].map(function (c) { return window.__explorerFormat(c[0]); });", cases)
    for (x, expected), shown in zip(cases, got):
        if shown != expected:
            out.append(("format", f"the page writes {x!r} as {shown!r}, not {expected!r}"))
    return out


def one_diagram(d):
    n = d.js(VISIBLE_JS + "return Array.from(document.querySelectorAll('#diagram svg.cell-diagram')).filter(visible).length;")
    return [] if n == 1 else [("diagram", f"{n} diagrams show at once")]


def numbers(d, tv, state, digits):
    """Every number shown (diagram, arithmetic, bars, equations) against the trace."""
    shown = d.js(VISIBLE_JS + """
      return Array.from(document.querySelectorAll('[data-key][data-index]')).filter(visible)
        .filter(function (e) { return e.id !== 'tooltip'; })
        .map(function (e) { return [e.getAttribute('data-key'), e.getAttribute('data-t'), e.getAttribute('data-index'),
                                    e.textContent, e.getAttribute('class') || '', e.getAttribute('data-slot')]; });""")
    out = []
    for key, t, index, text, cls, slot in shown:
        t = int(t) if t else state["t"]
        where = f"{key}_{t}[{index}]"
        if slot and index not in (None, ""):
            expected = tv.slot_index(slot, key, t, state["j"])
            if str(expected) != index:
                out.append(("numbers", f"{where}: the line for {slot} shows entry {index}, not {expected}"))
        if "chr" in cls.split():
            name = tv.class_name(int(index))
            if not text.endswith(name):
                out.append(("numbers", f"{where}: shows {text!r}, not the class {name}"))
            continue
        true = tv.value(key, t, index)
        got = parse_number(text)
        if true is None:
            out.append(("numbers", f"{where} is shown ({text!r}) but the trace has no such value"))
        elif got is None:
            out.append(("numbers", f"{where}: no number in {text!r}"))
        elif not shown_matches(got, true, digits):
            out.append(("numbers", f"{where} shows {text!r}, the trace has {true!r}"))
    if len(shown) < 10:
        out.append(("numbers", f"only {len(shown)} numbers found on the page"))
    return out, len(shown)


def neighbours(d, tv, state):
    """The neighbouring steps' boxes: the step's number, the initial state before step 1 and
    the end after step T (CellDiagram.stepLabel), never a bare "none"."""
    shown = d.js(VISIBLE_JS + """
      return Array.from(document.querySelectorAll('#diagram svg.cell-diagram text.step')).filter(visible)
        .map(function (e) { return [e.getAttribute('data-offset'), e.textContent]; });""")
    out = []
    for offset, text in shown:
        t = state["t"] + int(offset)
        expected = str(t) if 1 <= t <= tv.T else "h₀, C₀" if t < 1 else "end"
        if text != expected:
            out.append(("neighbours", f"the box of step t {'+' if int(offset) > 0 else '−'} {abs(int(offset))} says {text!r}, not {expected!r}"))
    if len(shown) != 2:
        out.append(("neighbours", f"{len(shown)} neighbouring steps shown, not 2"))
    return out


def diagram_boxes(d):
    """No SVG text outside its box; no two boxes overlap."""
    found = d.js(VISIBLE_JS + """
      var svg = shownDiagram(), out = [];
      if (!svg) return ['no diagram shows'];
      var frames = [];
      svg.querySelectorAll('g.node').forEach(function (g) {
        var frame = g.querySelector('.frame').getBoundingClientRect();
        frames.push([g.getAttribute('data-node'), frame]);
        g.querySelectorAll('text').forEach(function (t) {
          if (!t.textContent.trim()) return;
          var r = t.getBoundingClientRect();
          if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5)
            out.push('"' + t.textContent + '" spills out of ' + g.getAttribute('data-node') + ' (text ' +
                     [r.left, r.right, r.top, r.bottom].map(Math.round) + ', box ' +
                     [frame.left, frame.right, frame.top, frame.bottom].map(Math.round) + ')');
        });
      });
      for (var a = 0; a < frames.length; a++) for (var b = a + 1; b < frames.length; b++) {
        var p = frames[a][1], q = frames[b][1];
        if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
          out.push(frames[a][0] + ' overlaps ' + frames[b][0]);
      }
      return out;""")
    return [("overflow", f) for f in found]


def html_overflow(d):
    """No text, canvas or control reaches past the side of its panel."""
    found = d.js(VISIBLE_JS + """
      var out = [], boxes = 'section, figure, header, footer, nav, .eq, .calc, .bar-row';
      document.querySelectorAll('body *').forEach(function (e) {
        if (e.closest('svg') || e.closest('#tooltip') || e.tagName === 'SCRIPT' || e.tagName === 'STYLE') return;
        var text = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
        if (!text && !/^(CANVAS|SELECT|INPUT|BUTTON)$/.test(e.tagName)) return;
        if (!visible(e)) return;
        var box = e.parentElement && e.parentElement.closest(boxes);
        if (!box) return;
        var r = e.getBoundingClientRect(), b = box.getBoundingClientRect(), style = getComputedStyle(e);
        if (/hidden|clip/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1 && text)
          out.push(e.tagName.toLowerCase() + ' "' + e.textContent.slice(0, 40) + '" is clipped (' + e.scrollWidth + ' px of text in ' +
                   e.clientWidth + ')');
        if (r.right > b.right + 1 || r.left < b.left - 1)
          out.push(e.tagName.toLowerCase() + ' "' + e.textContent.slice(0, 40) + '" reaches past its ' +
                   (box.id || box.className || box.tagName) + ' (' + Math.round(r.left) + '–' + Math.round(r.right) +
                   ' in ' + Math.round(b.left) + '–' + Math.round(b.right) + ')');
      });
      return out.slice(0, 20);""")
    return [("html-overflow", f) for f in found]


def small_text(d, minimum=10.0):
    """No text drawn under `minimum` CSS px: SVG text at its scale, HTML text, heatmap canvases not shrunk."""
    found = d.js(VISIBLE_JS + """
      var min = arguments[0], out = [];
      var svg = shownDiagram();
      if (svg) {
        var scale = svg.getScreenCTM().a;
        svg.querySelectorAll('text, tspan').forEach(function (t) {
          var own = Array.from(t.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
          if (!own) return;
          var px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (px < min - 0.01) out.push('"' + t.textContent + '" in the diagram is ' + px.toFixed(1) + ' px');
        });
      }
      document.querySelectorAll('body *').forEach(function (e) {
        if (e.closest('svg') || e.tagName === 'SCRIPT' || e.tagName === 'STYLE' || !visible(e)) return;
        var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
        if (own && parseFloat(getComputedStyle(e).fontSize) < min - 0.01)
          out.push('"' + e.textContent.slice(0, 30) + '" is ' + getComputedStyle(e).fontSize);
        if (e.tagName === 'CANVAS') {
          var drawn = e.getBoundingClientRect().width, planned = parseFloat(e.style.width);
          if (Math.abs(drawn - planned) > 0.5) out.push('a heatmap is drawn at ' + drawn + ' px instead of ' + planned + ': its labels shrink');
        }
      });
      return out.slice(0, 20);""", minimum)
    return [("small-text", f) for f in found]


def sideways(d):
    w = d.js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    return [] if w[0] <= w[1] else [("sideways", f"the page scrolls sideways: {w[0]} px of content in {w[1]} px")]


# The wiring of the spec's equations: each (from, to) must be a wire (o feeds the ⊙ that makes h_t).
REQUIRED_WIRES = [("prevStep", "C_prev"), ("prevStep", "h_prev"), ("C_prev", "mulF"), ("f", "mulF"), ("mulF", "add"),
                  ("i", "mulI"), ("C_tilde", "mulI"), ("mulI", "add"), ("add", "C"), ("tanh_C", "mulO"), ("o", "mulO"),
                  ("mulO", "h"), ("h", "head"), ("C", "nextStep"), ("h", "nextStep"), ("h_prev", "z"), ("x", "z"),
                  ("z", "f"), ("z", "i"), ("z", "C_tilde"), ("z", "o")]


def wires(d, pass_):
    """Every wire has an arrowhead; the wiring is the equations'; forward the arrowheads touch the
    wire's destination, backward its source (the gradient flows back); backward wires are the
    forward ones reversed."""
    found = d.js(VISIBLE_JS + """
      var svg = shownDiagram();
      if (!svg) return {problems: ['no diagram shows'], wires: []};
      var other = document.querySelector('#diagram svg[data-layout="' + svg.getAttribute('data-layout') + '"]:not([data-pass="' +
                                         svg.getAttribute('data-pass') + '"])');
      var out = [], list = [];
      function points(p) { return p.getAttribute('d').trim().split(/\\s+/).map(function (s) { return s.slice(1); }); }
      svg.querySelectorAll('path.wire').forEach(function (w) {
        var id = w.getAttribute('data-wire'), m = /^url\\(#(.+)\\)$/.exec(w.getAttribute('marker-end') || '');
        var marker = m ? svg.querySelector('marker[id="' + m[1] + '"]') : null;
        var head = marker ? marker.querySelector('path') : null;
        if (!head || getComputedStyle(head).fill === 'none') out.push('wire ' + id + ' has no arrowhead');
        var ps = points(w), last = ps[ps.length - 1].split(',').map(Number);
        var ends = id.split('-'), target = w.closest('svg').querySelector('g.node[data-node="' +
                   (svg.getAttribute('data-pass') === 'backward' ? ends[0] : ends[1]) + '"] .frame');
        var b = target.getBBox();
        var onIt = last[0] >= b.x - 0.6 && last[0] <= b.x + b.width + 0.6 && last[1] >= b.y - 0.6 && last[1] <= b.y + b.height + 0.6;
        if (!onIt) out.push('wire ' + id + ': its arrowhead does not touch ' + target.parentNode.getAttribute('data-node'));
        if (other) {
          var o = other.querySelector('path.wire[data-wire="' + id + '"]');
          if (!o || points(o).reverse().join(' ') !== ps.join(' ')) out.push('wire ' + id + ' is not the other pass\\'s wire reversed');
        }
        list.push(id);
      });
      return {problems: out, wires: list};""")
    out = [("arrows", p) if "arrowhead" in p and "touch" not in p else ("direction", p) for p in found["problems"]]
    have = set(found["wires"])
    for a, b in REQUIRED_WIRES:
        if f"{a}-{b}" not in have:
            out.append(("wiring", f"no wire from {a} to {b}"))
    if "add-tanh_C" not in have and "C-tanh_C" not in have:
        out.append(("wiring", "nothing feeds tanh(C_t) from C_t"))
    return out


def labels(d, pass_):
    """Backward, every label and number of the diagram is a gradient's; forward, none is."""
    found = d.js(VISIBLE_JS + """
      var svg = shownDiagram();
      if (!svg) return [];
      return Array.from(svg.querySelectorAll('text.val, text.eq')).map(function (t) {
        return [t.getAttribute('class'), t.getAttribute('data-key'), t.textContent]; });""")
    out = []
    backward = pass_ == "backward"
    for cls, key, text in found:
        if cls == "val" and (key in GRADIENT_KEYS) != backward:
            out.append(("labels", f"{'backward' if backward else 'forward'} diagram shows {key}: {text!r}"))
        if text.startswith("d") != backward:
            out.append(("labels", f"{'backward' if backward else 'forward'} diagram labels a box {text!r}"))
    if len(found) < 12:
        out.append(("labels", f"only {len(found)} labelled numbers in the diagram"))
    return out


def open_node(d, node, how):
    """Opens a box's arithmetic: by a real click, by the Enter key, or by a dispatched click."""
    if how == "click":
        xy = d.js(VISIBLE_JS + """var g = shownDiagram().querySelector('g.node[data-node="' + arguments[0] + '"]');
          g.scrollIntoView({block: 'center'}); var r = g.querySelector('.frame').getBoundingClientRect();
          return [r.left + r.width / 2, r.top + 4];""", node)
        d.pointer(xy[0], xy[1], click=True)
    elif how == "enter":
        d.js(VISIBLE_JS + "shownDiagram().querySelector('g.node[data-node=\"' + arguments[0] + '\"]').focus();", node)
        d.key("\ue007")
    else:
        d.js(VISIBLE_JS + """shownDiagram().querySelector('g.node[data-node="' + arguments[0] + '"]')
          .dispatchEvent(new MouseEvent('click', {bubbles: true}));""", node)
    return d.js("return window.__explorerState().node;") == node


OPS = {
    "sum": lambda xs: math.fsum(xs),
    "product": lambda xs: math.prod(xs),
    "sigmoid": lambda xs: 1 / (1 + math.exp(-xs[0])),
    "tanh": lambda xs: math.tanh(xs[0]),
    "quotient": lambda xs: xs[0] / xs[1],
    "neglog": lambda xs: -math.log(xs[0]),
}


def formula(d, tv, state, digits, node):
    """The open arithmetic: each block's operands give its total, at full precision and as shown;
    a total that names a key is the trace's number (checked by `numbers` too)."""
    blocks = d.js("""return Array.from(document.querySelectorAll('#formulaBody .calc')).map(function (c) {
        return {op: c.getAttribute('data-op'), title: c.querySelector('.calc-title').textContent,
                rows: Array.from(c.querySelectorAll('tr')).map(function (tr) {
                  var num = tr.querySelector('td.value .num');
                  return {role: tr.getAttribute('data-role'), exact: tr.getAttribute('data-exact'), shown: num.textContent,
                          key: num.getAttribute('data-key'), t: num.getAttribute('data-t'), index: num.getAttribute('data-index')}; })}; });""")
    out = []
    for b in blocks:
        terms = [r for r in b["rows"] if r["role"] == "term"]
        totals = [r for r in b["rows"] if r["role"] == "total"]
        what = f"{node} ({state['pass']}): {b['title']!r}"
        if len(totals) != 1 or not terms:
            out.append(("formula", f"{what}: {len(terms)} terms and {len(totals)} totals"))
            continue
        total = totals[0]
        xs = [float(r["exact"]) for r in terms]
        value = float(total["exact"])
        computed = OPS[b["op"]](xs)
        scale = math.fsum(abs(x) for x in xs) if b["op"] == "sum" else abs(value)
        if abs(computed - value) > 1e-11 * max(scale, 1e-300) + 1e-300:
            out.append(("formula", f"{what}: the operands give {computed!r}, the total is {value!r}"))
        if total["key"]:
            true = tv.value(total["key"], int(total["t"]), total["index"])
            if true is None or abs(value - true) > 1e-14 * max(abs(true), 1e-300):
                out.append(("formula", f"{what}: the total {value!r} is not the trace's {total['key']} ({true!r})"))
        # As shown, to DIGITS digits: the shown operands give the shown total within their rounding.
        shown = [parse_number(r["shown"]) for r in terms]
        shown_total = parse_number(total["shown"])
        if b["op"] == "sum" and None not in shown and shown_total is not None:
            slack = sum(half_unit(x, digits) for x in xs) + half_unit(value, digits)
            if abs(math.fsum(shown) - shown_total) > slack * (1 + 1e-9) + 1e-300:
                out.append(("formula", f"{what}: the shown terms add to {math.fsum(shown)!r}, the shown total is {shown_total!r}"))
    # mse-last has no loss before step T: there dy_t = 0 and the head has nothing to compute.
    nothing = node == "head" and state["pass"] == "backward" and tv.trace["config"]["loss"] == "mse-last" and state["t"] != tv.T
    if not blocks and not nothing:
        out.append(("formula", f"{node} ({state['pass']}): no arithmetic shown"))
    return out, blocks


def tooltip(d, tv, state):
    """Points at a heatmap cell: the tooltip says that cell's exact value, equation and indices, at
    the cursor, and the map outlines the cell."""
    key = d.js("var m = document.querySelector('#heatmaps canvas.overlay'); m.scrollIntoView({block: 'center'}); return m.getAttribute('data-key');")
    t, j = min(tv.T, 3), min(tv.H - 1, 2)
    c = d.js("""var c = window.__explorerCellCentre(arguments[0], arguments[1], arguments[2]);
      window.scrollBy(0, c.y - window.innerHeight / 2);
      return window.__explorerCellCentre(arguments[0], arguments[1], arguments[2]);""", key, t, j)
    d.pointer(c["x"], c["y"])
    tip = d.js("""var e = document.getElementById('tooltip'), r = e.getBoundingClientRect();
      return {hidden: e.hidden, key: e.getAttribute('data-key'), t: e.getAttribute('data-t'), index: e.getAttribute('data-index'),
              exact: e.getAttribute('data-exact'), text: e.textContent, rect: [r.left, r.top, r.right, r.bottom],
              view: [window.innerWidth, window.innerHeight], hovered: window.__explorerState().hovered};""")
    out = []
    if tip["hidden"]:
        return [("tooltip", "pointing at a heatmap cell shows no tooltip")]
    if (tip["key"], tip["t"], tip["index"]) != (key, str(t), str(j)):
        out.append(("tooltip", f"the tooltip is about {tip['key']} t={tip['t']} j={tip['index']}, the pointer is on {key} t={t} j={j}"))
    true = tv.value(key, t, j)
    if float(tip["exact"]) != true or tip["exact"] not in tip["text"]:
        out.append(("tooltip", f"the tooltip says {tip['text']!r}; the trace has {true!r}"))
    if f"step t = {t}, unit j = {j}" not in tip["text"]:
        out.append(("tooltip", f"the tooltip does not give the indices: {tip['text']!r}"))
    x0, y0, x1, y1 = tip["rect"]
    if x0 < 0 or y0 < 0 or x1 > tip["view"][0] or y1 > tip["view"][1]:
        out.append(("tooltip", f"the tooltip is outside the window: {tip['rect']}"))
    # At the cursor: within 40 px of it, and not over it.
    dx = max(x0 - c["x"], 0, c["x"] - x1)
    dy = max(y0 - c["y"], 0, c["y"] - y1)
    if math.hypot(dx, dy) > 40:
        out.append(("tooltip", f"the tooltip is {math.hypot(dx, dy):.0f} px from the cursor"))
    if dx == 0 and dy == 0:
        out.append(("tooltip", "the tooltip covers the cursor"))
    if tip["hovered"] != {"key": key, "t": t, "j": j}:
        out.append(("tooltip", f"the map did not mark the pointed cell: {tip['hovered']}"))
    # The outline is drawn: the overlay has ink just left of the cell (the pointed cell's ring).
    ink = d.js("""var o = document.querySelector('#heatmaps canvas.overlay[data-key="' + arguments[0] + '"]');
      var c = window.__explorerCellRect(arguments[0], arguments[1], arguments[2]), r = o.getBoundingClientRect(), ratio = o.width / r.width;
      return o.getContext('2d').getImageData(Math.floor((c.left - 2 - r.left) * ratio), Math.floor((c.top + c.height / 2 - r.top) * ratio), 1, 1).data[3];""",
                 key, t, j)
    if ink < 128:
        out.append(("tooltip", "the pointed cell has no outline on the map"))
    return out


def characters(d, tv, state):
    """For a character model: the text strip is the input text, the current step marked; the bars
    are the largest predictions in order, the target marked."""
    if tv.trace["config"]["head"] != "softmax":
        return []
    got = d.js(VISIBLE_JS + """
      return {chars: Array.from(document.querySelectorAll('#textStrip .char')).map(function (c) { return c.textContent; }),
              current: Array.from(document.querySelectorAll('#textStrip .char.current')).map(function (c) { return c.getAttribute('data-t'); }),
              rows: Array.from(document.querySelectorAll('#bars .bar-row')).filter(visible).map(function (r) {
                return [r.querySelector('.bar-label').textContent, r.classList.contains('target'),
                        r.querySelector('.bar-value .num').getAttribute('data-index')]; })};""")
    out = []
    t = state["t"]
    if tv.vocabulary:
        text = [tv.class_name(tv.input_class(s))[1:-1] for s in range(1, tv.T + 1)]
        if got["chars"] != text:
            out.append(("characters", f"the text strip shows {''.join(got['chars'])!r}, the input is {''.join(text)!r}"))
        if got["current"] != [str(t)]:
            out.append(("characters", f"the text strip marks steps {got['current']}, not {t}"))
    y = tv.vector("y", t)
    order = sorted(range(len(y)), key=lambda k: (-y[k], k))
    target = tv.trace["target"][t - 1]
    shown = [int(r[2]) for r in got["rows"]]
    if shown[:8] != order[:min(8, len(order))]:
        out.append(("characters", f"the bars show classes {shown[:8]}, the largest predictions are {order[:8]}"))
    for label, is_target, k in got["rows"]:
        if label != tv.class_name(int(k)):
            out.append(("characters", f"bar {k} is labelled {label!r}"))
        if is_target != (int(k) == target):
            out.append(("characters", f"bar {k} is {'marked' if is_target else 'not marked'} as the target ({target})"))
    if target not in shown:
        out.append(("characters", "the target has no bar"))
    return out
