"""Headless-browser tests of the HTML explorer (lstm-trace html), through WebDriver.

Needs Debian's chromium and chromium-driver (.ci/run installs them). For each page it checks,
in a real browser: the page loads with no console errors and no exceptions; every number shown
for step 1 (the diagram and the equations) equals the JSON trace's at display precision; after
pressing the right-arrow key the numbers are step 2's and the URL fragment says t=2; the
backward switch shows the gradients, equal to the trace's. It saves screenshots in a temporary
folder (printed) for inspection. It also proves that it can fail: a copy of a page with one
wrong embedded number, and a copy that throws, must both be reported.

    python3 Tests/browser/explorer_test.py .build/release/lstm-trace [--data ../shared/data/shakespear.txt]
"""
import argparse
import base64
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
DIGITS = 4  # the page's display precision (window.__explorerDigits is checked to agree)


class WebDriver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": shutil.which("chromium") or "/usr/bin/chromium",
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1100",
                                            "--allow-file-access-from-files"]},
            "goog:loggingPrefs": {"browser": "ALL"}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read().decode() or "{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.read().decode()[:500]}")

    def s(self, path, method="POST", body=None):
        return self.call(method, f"/session/{self.session}{path}", body if body is not None else ({} if method == "POST" else None))

    def go(self, url):
        self.s("/url", body={"url": url})

    def js(self, script, *args):
        return self.s("/execute/sync", body={"script": script, "args": list(args)})

    def key(self, key):
        self.s("/actions", body={"actions": [{"type": "key", "id": "keyboard",
                                              "actions": [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})

    def click(self, css):
        el = self.s("/element", body={"using": "css selector", "value": css})
        self.s(f"/element/{el[ELEMENT]}/click")

    def logs(self):
        try:
            return self.s("/se/log", body={"type": "browser"}) or []
        except RuntimeError:
            return []

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("/screenshot", method="GET")))

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        except Exception:
            pass


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def value_of(trace, key, t, j):
    """The trace's number behind a key at step t (1-based), unit j: the reference."""
    steps = {"forward": trace["forward"], "backward": trace.get("backward", [])}
    T = len(trace["forward"])
    for section in ("forward", "backward"):
        if section in trace and t <= len(steps[section]) and key in steps[section][t - 1]:
            v = steps[section][t - 1][key]
            return v if key == "loss" else v[j]
    if key in ("dh_next", "dC_next"):
        if t == T:
            return 0.0
        return trace["backward"][t]["dh_prev" if key == "dh_next" else "dC_prev"][j]
    return None


def shown_matches(text, true):
    """Whether a displayed number is `true` rounded to DIGITS significant digits."""
    shown = float(text.split("=")[-1].strip().replace("−", "-"))
    if true == 0:
        return shown == 0
    unit = 10 ** (math.floor(math.log10(abs(true))) - DIGITS + 1)
    return abs(shown - true) <= 0.5 * unit * (1 + 1e-9) + 1e-300


def check_numbers(d, trace, t, what):
    """Every value the page shows for step t (diagram boxes and equation cells) against the trace."""
    shown = d.js("""return Array.from(document.querySelectorAll('#diagram text.val[data-key], #equations td[data-key]'))
        .filter(e => e.getAttribute('data-index') !== '' && e.textContent.indexOf('=') >= 0)
        .map(e => [e.getAttribute('data-key'), parseInt(e.getAttribute('data-index'), 10), e.textContent]);""")
    problems = []
    for key, j, text in shown:
        true = value_of(trace, key, t, j)
        if true is None:
            problems.append(f"{what}: {key}[{j}] is shown ({text!r}) but the trace has no such value at t={t}")
        elif not shown_matches(text, true):
            problems.append(f"{what}: {key}_{t}[{j}] shows {text!r}, the trace has {true!r}")
    if len(shown) < 8:
        problems.append(f"{what}: only {len(shown)} numbers found on the page")
    return problems, len(shown)


def load(d, path, fragment=""):
    d.go("file://" + path + fragment)
    for _ in range(200):
        if d.js("return document.body && document.body.getAttribute('data-ready') === 'true';"):
            return True
        time.sleep(0.05)
    return False


def errors(d):
    page = d.js("return window.__explorerErrors || ['the explorer script did not run'];")
    console = [e["message"] for e in d.logs() if e.get("level") == "SEVERE"]
    return page + console


def check_page(d, path, trace, shots, name):
    """All the checks of one page; returns a list of problems (empty when it passes)."""
    problems = []
    if not load(d, path):
        return [f"{name}: the page never became ready"] + errors(d)
    problems += [f"{name}: error: {e}" for e in errors(d)]
    if d.js("return window.__explorerDigits;") != DIGITS:
        problems.append(f"{name}: the page's display precision is not {DIGITS}")
    p, n1 = check_numbers(d, trace, 1, f"{name} step 1")
    problems += p
    d.screenshot(os.path.join(shots, f"{name}-step1.png"))
    T = len(trace["forward"])
    if T > 1:
        d.key("\ue014")  # ArrowRight
        if "t=2" not in d.js("return location.hash;"):
            problems.append(f"{name}: after → the URL fragment is {d.js('return location.hash;')!r}")
        p, _ = check_numbers(d, trace, 2, f"{name} after →")
        problems += p
        d.screenshot(os.path.join(shots, f"{name}-step2.png"))
    if "backward" in trace:
        d.click("#backwardButton")
        t = 2 if T > 1 else 1
        p, nb = check_numbers(d, trace, t, f"{name} backward")
        problems += p
        keys = d.js("return Array.from(document.querySelectorAll('#diagram text.val[data-key]')).map(e => e.getAttribute('data-key'));")
        if not any(k.startswith("d") for k in keys):
            problems.append(f"{name}: the backward switch shows no gradient in the diagram")
        d.screenshot(os.path.join(shots, f"{name}-backward.png"))
    # A link opens that step: load with a fragment.
    if T > 1 and load(d, path, f"#t={T}&j=0&pass=forward"):
        if d.js("return document.getElementById('diagramStep').textContent;") != str(T):
            problems.append(f"{name}: #t={T} did not open step {T}")
    problems += [f"{name}: error: {e}" for e in errors(d)]
    print(f"  {name}: {n1} numbers checked at step 1" + (", then step 2 and the backward pass" if T > 1 else ""))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--data", help="the Shakespeare sample, for a notebook-sized trace (X = 62)")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    shots = tempfile.mkdtemp(prefix="lstm-trace-explorer-")
    print(f"explorer browser tests; screenshots and pages in {shots}")

    def run(*args):
        subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL)

    pages = []
    step_json = os.path.join(shots, "step.json")
    run("step", "--steps", "3", "--format", "json", "-o", step_json)
    run("html", "--from", step_json, "-o", os.path.join(shots, "step.html"))
    pages.append(("step", step_json))
    ce_json = os.path.join(shots, "softmax.json")
    run("step", "--steps", "4", "--hidden", "6", "--output", "5", "--loss", "cross-entropy", "--concat", "x-first",
        "--format", "json", "-o", ce_json)
    run("html", "--from", ce_json, "-o", os.path.join(shots, "softmax.html"))
    pages.append(("softmax", ce_json))
    nb_json = os.path.join(shots, "notebook.json")
    data = ["--data", a.data] if a.data else []
    run("train", *data, "--iterations", "2", "--trace-iteration", "1", "--format", "json", "-o", nb_json)
    run("html", "--from", nb_json, "--title", "Notebook iteration 1", "-o", os.path.join(shots, "notebook.html"))
    pages.append(("notebook", nb_json))

    # Negative controls: a page with one wrong number, and a page that throws.
    with open(os.path.join(shots, "step.html")) as f:
        html = f.read()
    trace = json.load(open(step_json))
    true = trace["forward"][0]["f"][0]
    wrong = html.replace(json.dumps(true), json.dumps(true + 0.01), 1)
    assert wrong != html, "the negative control could not alter the page"
    open(os.path.join(shots, "wrong-number.html"), "w").write(wrong)
    open(os.path.join(shots, "throws.html"), "w").write(html.replace("</body>", "<script>throw new Error('planted');</script></body>"))

    port = free_port()
    driver = subprocess.Popen([shutil.which("chromedriver") or "/usr/bin/chromedriver", f"--port={port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    problems = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        d = WebDriver(port)
        try:
            for name, json_path in pages:
                problems += check_page(d, os.path.join(shots, name + ".html"), json.load(open(json_path)), shots, name)
            # The notebook-sized page: how long until it is drawn.
            load(d, os.path.join(shots, "notebook.html"))
            ms = d.js("return window.__explorerReadyMs;")
            size = os.path.getsize(os.path.join(shots, "notebook.html")) / 1e6
            cfg = json.load(open(nb_json))["config"]
            print(f"  notebook-sized page (H = {cfg['hidden']}, T = {cfg['steps']}, X = {cfg['input']}, {size:.1f} MB): "
                  f"drawn {ms:.0f} ms after navigation started")
            # The checker must catch these two.
            caught_wrong = check_page(d, os.path.join(shots, "wrong-number.html"), trace, shots, "wrong-number")
            caught_throw = check_page(d, os.path.join(shots, "throws.html"), trace, shots, "throws")
            if not any("shows" in p for p in caught_wrong):
                problems.append("negative control: a page showing a wrong number was not caught")
            if not any("planted" in p for p in caught_throw):
                problems.append("negative control: a page that throws was not caught")
            print(f"  negative controls caught: {len(caught_wrong)} problems in the wrong-number page, "
                  f"{len(caught_throw)} in the throwing page")
        finally:
            d.quit()
    finally:
        driver.terminate()
        driver.wait()
    if problems:
        print("FAILED:")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("explorer browser tests passed")


if __name__ == "__main__":
    main()
