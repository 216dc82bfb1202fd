/// The page and its style sheet (the script is in `ExplorerScript.swift`).
enum ExplorerTemplate {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%%TITLE%% · lstm-trace explorer</title>
<style>
%%STYLE%%
</style>
</head>
<body>
<header>
  <h1>%%TITLE%%</h1>
  <p id="summary"></p>
</header>
<main>
  <section id="controls" aria-label="Step, unit and pass">
    <div class="group">
      <button type="button" id="prev" aria-label="Previous step (left arrow key)" title="Previous step (←)">←</button>
      <input type="range" id="step" min="1" max="1" value="1" aria-label="Time step">
      <button type="button" id="next" aria-label="Next step (right arrow key)" title="Next step (→)">→</button>
      <output id="stepLabel" for="step" aria-live="polite">t = 1</output>
    </div>
    <div class="group">
      <label for="unit">unit j</label>
      <input type="number" id="unit" min="0" max="0" value="0" aria-describedby="unitHelp">
      <span id="unitHelp" class="hint">(↑/↓ in the box; or click a heatmap cell)</span>
    </div>
    <div class="group" role="radiogroup" aria-label="Pass">
      <button type="button" id="forwardButton" role="radio" aria-checked="true">Forward values</button>
      <button type="button" id="backwardButton" role="radio" aria-checked="false">Backward gradients</button>
    </div>
    <div class="group"><span id="lossLabel"></span></div>
  </section>
  <div class="columns">
    <section id="diagramSection" aria-labelledby="diagramHeading">
      <h2 id="diagramHeading">The cell at step <span id="diagramStep">1</span>, unit <span id="diagramUnit">0</span></h2>
      <svg id="diagram" viewBox="0 0 980 540" role="group" aria-labelledby="diagramHeading"></svg>
      <p class="hint">Each box shows its quantity for unit j (forward) or the gradient of the loss with respect to it
      (backward, written d·). The strip under a box shows all units, the chosen one outlined.</p>
    </section>
    <section id="equationSection" aria-labelledby="equationHeading">
      <h2 id="equationHeading">Equations at this step</h2>
      <div id="equations"></div>
    </section>
  </div>
  <section id="heatmapSection" aria-labelledby="heatmapHeading">
    <h2 id="heatmapHeading">Units × time</h2>
    <p class="hint">Rows are hidden units, columns are steps. Hover over a map to read a value; click a cell, or focus
    a map and move with the arrow keys, to show that step and unit in the diagram.</p>
    <div id="heatmaps"></div>
    <div id="readout" role="status" aria-live="polite"></div>
  </section>
</main>
<footer><p>Written by lstm-trace. Everything on this page is in this file; it fetches nothing.</p></footer>
<script type="application/json" id="symbols">
%%SYMBOLS%%</script>
<script type="application/json" id="trace-data">
%%TRACE%%</script>
<script>
%%SCRIPT%%
</script>
</body>
</html>

"""#

    static let style = #"""
:root {
  --bg: #ffffff; --fg: #1b1b1f; --muted: #5b5b66; --panel: #f4f5f7; --line: #8a8f99; --accent: #0b62c4;
  --node: #ffffff; --node-border: #4a4f59; --focus: #d14900;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171b; --fg: #e8e9ec; --muted: #a3a7b0; --panel: #20232a; --line: #7c818c; --accent: #6ab0ff;
          --node: #1d2026; --node-border: #aab0bb; --focus: #ffa04d; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       background: var(--bg); color: var(--fg); }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 1.4em; margin: 16px 0 4px; }
h2 { font-size: 1.1em; margin: 8px 0; }
#summary, .hint, footer { color: var(--muted); }
.hint { font-size: 0.9em; }
#controls { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; background: var(--panel);
            padding: 10px 12px; border-radius: 8px; position: sticky; top: 0; z-index: 2; }
.group { display: flex; align-items: center; gap: 8px; }
button { font: inherit; padding: 4px 12px; border: 1px solid var(--node-border); border-radius: 6px;
         background: var(--node); color: var(--fg); cursor: pointer; }
button[aria-checked="true"] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
input[type=number] { width: 5em; font: inherit; background: var(--node); color: var(--fg); border: 1px solid var(--node-border); border-radius: 4px; }
input[type=range] { width: 220px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
@media (max-width: 1000px) { .columns { grid-template-columns: 1fr; } }
#diagram { width: 100%; height: auto; }
#diagram .wire { stroke: var(--line); stroke-width: 2; fill: none; }
#diagram .box { fill: var(--node); stroke: var(--node-border); stroke-width: 1.5; }
#diagram .op { fill: var(--panel); stroke: var(--node-border); stroke-width: 1.5; }
#diagram text { fill: var(--fg); font-size: 15px; }
#diagram .label { font-weight: 600; }
#diagram .val { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 13px; }
#diagram .opsym { font-size: 18px; font-weight: 600; }
#diagram .chosen { stroke: var(--focus); stroke-width: 1.5; }
#equations .eq { background: var(--panel); border-radius: 6px; padding: 6px 10px; margin: 0 0 8px; }
#equations .eqtext { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
#equations table { border-collapse: collapse; margin-top: 4px; }
#equations td { padding: 0 10px 0 0; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
#heatmaps { display: flex; flex-wrap: wrap; gap: 16px; }
.map { background: var(--panel); border-radius: 6px; padding: 6px 8px; }
.map h3 { font-size: 0.95em; margin: 0 0 4px; font-weight: 600; }
.map canvas { display: block; image-rendering: pixelated; cursor: crosshair; border: 1px solid var(--node-border); }
.legend { display: flex; align-items: center; gap: 6px; font-size: 0.85em; color: var(--muted); margin-top: 4px; }
.legend canvas { border: none; cursor: default; }
#readout { min-height: 3em; margin: 10px 0 24px; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace;
           background: var(--panel); padding: 8px 10px; border-radius: 6px; white-space: pre-wrap; }
"""#
}
