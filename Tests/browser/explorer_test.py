"""Headless-Chromium tests of the HTML explorer (lstm-trace html), through WebDriver.

For a small trace (the issue's `--input 3 --hidden 5 --steps 4`), a softmax trace (class
numbers, x-first) and a notebook-sized character trace (`train --trace-iteration`), at 1400 px
and at 400 px, forward and backward, it checks in a real browser: no console error; no SVG text
outside its box and no boxes overlapping; no text or canvas past its panel; no text under 10 px;
no sideways scroll; every wire directed, wired as the equations say, reversed backward; backward
labels are gradients; every number shown (diagram, arithmetic, bars, equations) equals the
trace's at display precision; each box's arithmetic adds up to the trace's value; the heatmap
tooltip gives the exact value at the cursor; the text strip and the prediction bars; the URL
and the keyboard; and the notebook-sized page is drawn within 1 s. Then it plants faults in
copies of the pages (faults.py) and requires each to be reported in its category: the run
passes only if every real page passes and every planted fault is caught.

Categories a planted fault must trip: errors, fetch, format, diagram, url, overflow (SVG),
html-overflow (HTML, clipped or past its panel), small-text, sideways, arrows, wiring, direction,
labels, neighbours, numbers, formula, tooltip, characters, load-time. A check that cannot run on a page is
reported as "harness".

Screenshots of every state go to a folder it prints (--shots, default .build/explorer-screenshots).

    python3 Tests/browser/explorer_test.py .build/release/lstm-trace [--data ../shared/data/shakespear.txt]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import checks  # noqa: E402
import faults  # noqa: E402
from trace_values import TraceValues  # noqa: E402
from webdriver import Chromedriver, WebDriver  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTHS = (1400, 400)
LOAD_LIMIT_MS = 1000
# Boxes whose arithmetic is opened in each pass (forward: every weighted sum and product).
FORWARD_NODES = ["f", "i", "C_tilde", "o", "C", "tanh_C", "h", "head", "C_prev", "mulF"]
BACKWARD_NODES = ["h", "h_prev", "C", "o", "f", "i", "C_tilde", "tanh_C", "C_prev", "head", "x", "mulI"]


def load(d, path, fragment=""):
    """A fresh load (not a jump within the page that is already open)."""
    d.go("about:blank")
    d.go("file://" + path + fragment)
    for _ in range(400):
        if d.js("return document.body && document.body.getAttribute('data-ready') === 'true';"):
            return True
        time.sleep(0.025)
    return False


class Run:
    def __init__(self, d, shots, cases, digits):
        self.d, self.shots, self.cases, self.digits = d, shots, cases, digits

    def state(self, name, path, tv, width, pass_, screenshots=True, dark=False):
        """Every check of one page at one width in one pass; returns its problems. A check that
        cannot run (the page is too broken for it) is a problem too, after those found so far."""
        found = []
        try:
            return self.checks(found, name, path, tv, width, pass_, screenshots, dark)
        except Exception as e:  # noqa: BLE001 - any failure of the page or the harness is reported
            label = f"{name}-{width}-{pass_}"
            return found + [("harness", f"{label}: a check could not run: {str(e)[:300]}")], {}

    def checks(self, problems, name, path, tv, width, pass_, screenshots, dark):
        d = self.d
        d.size(width, 900)
        d.dark(dark)
        t = 2 if tv.T > 1 else 1
        j = 1 if tv.H > 1 else 0
        state = {"t": t, "j": j, "pass": pass_}
        label = f"{name}-{width}-{pass_}" + ("-dark" if dark else "")
        if not load(d, path, f"#t={t}&j={j}&pass={pass_}&node=f"):
            return [("errors", f"{label}: the page never became ready")] + checks.errors(d), {}
        problems += checks.errors(d)
        problems += checks.fetches_nothing(d)
        problems += checks.number_format(d, self.cases, self.digits)
        problems += checks.one_diagram(d)
        got = d.js("return window.__explorerState();")
        if (got["t"], got["j"], got["pass"]) != (t, j, pass_):
            problems.append(("url", f"the fragment asked for t={t} j={j} {pass_}, the page shows {got}"))
        if screenshots:
            d.screenshot(os.path.join(self.shots, f"{label}-top.png"))
            d.screenshot(os.path.join(self.shots, f"{label}-diagram.png"), "#cell")
        problems += checks.diagram_boxes(d)
        problems += checks.html_overflow(d)
        problems += checks.small_text(d)
        problems += checks.sideways(d)
        problems += checks.wires(d, pass_)
        problems += checks.labels(d, pass_)
        problems += checks.neighbours(d, tv, state)
        counts = {"numbers": 0, "blocks": 0}
        p, n = checks.numbers(d, tv, state, self.digits)
        problems += p
        counts["numbers"] += n
        nodes = FORWARD_NODES if pass_ == "forward" else BACKWARD_NODES
        for k, node in enumerate(nodes):
            how = "click" if k == 0 else "enter" if k == 1 else "dispatch"
            if not checks.open_node(d, node, how):
                problems.append(("formula", f"{label}: {how} on {node} did not open its arithmetic"))
                continue
            p, blocks = checks.formula(d, tv, state, self.digits, node)
            problems += p
            counts["blocks"] += len(blocks)
            if pass_ == "forward" and node == "f" and not any(b["op"] == "sum" for b in blocks):
                problems.append(("formula", "the forget gate's arithmetic has no weighted sum"))
            p, n = checks.numbers(d, tv, state, self.digits)
            problems += p
            counts["numbers"] += n
            if screenshots and node in ("f", "h"):
                d.screenshot(os.path.join(self.shots, f"{label}-formula-{node}.png"), "#formula")
        problems += checks.characters(d, tv, state)
        if screenshots and not d.js("return document.getElementById('characters').hidden;"):
            d.screenshot(os.path.join(self.shots, f"{label}-characters.png"), "#characters")
        problems += checks.tooltip(d, tv, state)
        if screenshots:
            d.screenshot(os.path.join(self.shots, f"{label}-heatmap-hover.png"))
            d.screenshot(os.path.join(self.shots, f"{label}-heatmaps.png"), "#heatmapSection")
            d.screenshot(os.path.join(self.shots, f"{label}-equations.png"), "#equationSection")
        problems += checks.sideways(d)
        problems += checks.errors(d)
        problems[:] = [(c, m if m.startswith(label) else f"{label}: {m}") for c, m in problems]
        return problems, counts

    def keyboard_and_url(self, path, tv):
        """→ moves a step and the fragment follows; a link opens its step, unit and pass."""
        d, out = self.d, []
        d.size(1400, 900)
        d.dark(False)
        load(d, path)
        d.js("document.activeElement && document.activeElement.blur();")
        d.key("\ue014")  # ArrowRight
        if "t=2" not in d.js("return location.hash;") or d.js("return document.getElementById('diagramStep').textContent;") != "2":
            out.append(("url", f"after → the page shows {d.js('return location.hash;')}"))
        if load(d, path, f"#t={tv.T}&j={tv.H - 1}&pass=backward&node=h") and tv.has_backward:
            got = d.js("return window.__explorerState();")
            if (got["t"], got["j"], got["pass"], got["node"]) != (tv.T, tv.H - 1, "backward", "h"):
                out.append(("url", f"a link to t={tv.T} j={tv.H - 1} backward h opened {got}"))
        return out

    def load_times(self, path, runs=3):
        ms = []
        for _ in range(runs):
            load(self.d, path)
            ms.append(self.d.js("return window.__explorerReadyMs;"))
        return ms


def make_pages(binary, folder, data):
    def run(*args):
        subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    pages = {}

    def page(name, trace_args, title):
        json_path = os.path.join(folder, name + ".json")
        run(*trace_args, "--format", "json", "-o", json_path)
        html = os.path.join(folder, name + ".html")
        run("html", "--from", json_path, "--title", title, "-o", html)
        pages[name] = (html, json.load(open(json_path)))

    page("step", ["step", "--input", "3", "--hidden", "5", "--steps", "4"], "Small: X = 3, H = 5, T = 4")
    page("softmax", ["step", "--steps", "4", "--hidden", "6", "--output", "5", "--loss", "cross-entropy", "--concat", "x-first"],
         "Softmax head, x-first")
    page("notebook", ["train", *(["--data", data] if data else []), "--iterations", "3", "--trace-iteration", "2"],
         "Notebook iteration 2")
    page("mse-all", ["step", "--steps", "3", "--hidden", "4", "--output", "3", "--loss", "mse-all"], "Every step's loss")
    page("forward-only", ["step", "--steps", "2", "--no-backward"], "Forward only")
    page("tiny", ["step", "--steps", "1", "--input", "1", "--hidden", "1", "--output", "1"], "One unit, one step")
    # Traced directly from model options too (html's own path).
    run("html", "--input", "3", "--hidden", "5", "--steps", "4", "-o", os.path.join(folder, "direct.html"))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--data", help="the Shakespeare sample, for the notebook-sized trace (X = 62, H = 100, T = 25)")
    ap.add_argument("--shots", default=".build/explorer-screenshots", help="where screenshots and pages go")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    shots = os.path.abspath(a.shots)
    shutil.rmtree(shots, ignore_errors=True)
    pages_dir = os.path.join(shots, "pages")
    os.makedirs(pages_dir)
    print(f"explorer browser tests; screenshots in {shots}")
    cases_file = json.load(open(os.path.join(HERE, "number-format-cases.json")))
    pages = make_pages(binary, pages_dir, a.data)
    values = {name: TraceValues(trace) for name, (_, trace) in pages.items()}

    driver = Chromedriver()
    problems, caught_report, failed_controls = [], [], []
    try:
        d = WebDriver(driver.port)
        run = Run(d, shots, cases_file["cases"], cases_file["digits"])
        try:
            for name in ("step", "softmax", "notebook"):
                path, _ = pages[name]
                for width in WIDTHS:
                    for pass_ in ("forward", "backward"):
                        p, counts = run.state(name, path, values[name], width, pass_)
                        problems += p
                        print(f"  {name} at {width} px, {pass_}: {counts.get('numbers', 0)} numbers and "
                              f"{counts.get('blocks', 0)} blocks of arithmetic checked, {len(p)} problems")
            for pass_ in ("forward", "backward"):
                p, _ = run.state("notebook", pages["notebook"][0], values["notebook"], 1400, pass_, dark=True)
                problems += p
            print(f"  notebook at 1400 px in dark mode: {len(problems)} problems so far")
            p, _ = run.state("mse-all", pages["mse-all"][0], values["mse-all"], 1400, "backward", screenshots=False)
            problems += p
            for width in WIDTHS:
                p, _ = run.state("tiny", pages["tiny"][0], values["tiny"], width, "backward", screenshots=False)
                problems += p
            p, _ = run.state("forward-only", pages["forward-only"][0], values["forward-only"], 1400, "forward", screenshots=False)
            problems += p
            if not d.js("return document.getElementById('backwardButton').disabled;"):
                problems.append(("url", "forward-only: the backward switch is not disabled"))
            p, _ = run.state("direct", os.path.join(pages_dir, "direct.html"), values["step"], 1400, "forward", screenshots=False)
            problems += p
            problems += run.keyboard_and_url(pages["step"][0], values["step"])

            nb_path, nb = pages["notebook"]
            ms = run.load_times(nb_path)
            size = os.path.getsize(nb_path) / 1e6
            c = nb["config"]
            print(f"  notebook-sized page (H = {c['hidden']}, T = {c['steps']}, X = {c['input']}, {size:.1f} MB): "
                  f"drawn {', '.join(f'{x:.0f}' for x in ms)} ms after navigation started (limit {LOAD_LIMIT_MS})")
            if max(ms) > LOAD_LIMIT_MS:
                problems.append(("load-time", f"the notebook-sized page took {max(ms):.0f} ms"))

            # The planted faults: each must be reported, in its category.
            for label, category, page, width, pass_, plant in faults.faults(pages["step"][1]):
                base, trace = pages[page]
                bad = os.path.join(pages_dir, "fault-" + label.replace(" ", "-").replace("/", "") + ".html")
                with open(base) as f:
                    html = plant(f.read())
                with open(bad, "w") as f:
                    f.write(html)
                if category == "load-time":
                    ms = run.load_times(bad, runs=1)
                    found = [("load-time", f"{ms[0]:.0f} ms")] if max(ms) > LOAD_LIMIT_MS else []
                else:
                    found, _ = run.state("fault", bad, values[page], width, pass_, screenshots=False)
                categories = sorted({c for c, _ in found})
                if category in categories:
                    example = next(m for c, m in found if c == category)
                    caught_report.append(f"  caught: {label} -> {category}: {example[:150]}")
                else:
                    failed_controls.append(f"  NOT caught: {label} (expected {category}; reported {categories})")
        finally:
            d.quit()
    finally:
        driver.close()
    print("planted faults:")
    for line in caught_report + failed_controls:
        print(line)
    if problems or failed_controls:
        print("FAILED:")
        for c, m in problems[:200]:
            print(f"  [{c}] {m}")
        if len(problems) > 200:
            print(f"  … and {len(problems) - 200} more")
        for line in failed_controls:
            print(line)
        sys.exit(1)
    print(f"explorer browser tests passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
