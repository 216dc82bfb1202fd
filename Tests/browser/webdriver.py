"""A small WebDriver client for Debian's chromium and chromium-driver (no Selenium needed)."""
import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Chromedriver:
    """chromedriver on a free port, stopped by close()."""

    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen([shutil.which("chromedriver") or "/usr/bin/chromedriver", f"--port={self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/status", timeout=1)
                return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError("chromedriver did not start")

    def close(self):
        self.process.terminate()
        self.process.wait()


class WebDriver:
    def __init__(self, port, width=1400, height=1000):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": shutil.which("chromium") or "/usr/bin/chromium",
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                                            "--allow-file-access-from-files", "--force-device-scale-factor=1"]},
            "goog:loggingPrefs": {"browser": "ALL"}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return json.loads(r.read().decode() or "{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.read().decode()[:500]}")

    def s(self, path, method="POST", body=None):
        return self.call(method, f"/session/{self.session}{path}", body if body is not None else ({} if method == "POST" else None))

    def go(self, url):
        self.s("/url", body={"url": url})

    def js(self, script, *args):
        return self.s("/execute/sync", body={"script": script, "args": list(args)})

    def size(self, width, height):
        """Sets the viewport to width × height CSS pixels (the window, in headless mode)."""
        self.s("/window/rect", body={"width": width, "height": height})

    def dark(self, on):
        """Emulates prefers-color-scheme: dark (or light) through the DevTools protocol."""
        self.s("/goog/cdp/execute", body={"cmd": "Emulation.setEmulatedMedia",
                                          "params": {"features": [{"name": "prefers-color-scheme", "value": "dark" if on else "light"}]}})

    def key(self, key):
        self.s("/actions", body={"actions": [{"type": "key", "id": "keyboard",
                                              "actions": [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]})
        self.s("/actions", method="DELETE")

    def pointer(self, x, y, click=False):
        """Moves the mouse to (x, y) in the viewport, and clicks there if asked."""
        actions = [{"type": "pointerMove", "duration": 0, "origin": "viewport", "x": int(round(x)), "y": int(round(y))}]
        if click:
            actions += [{"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]
        self.s("/actions", body={"actions": [{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                                              "actions": actions}]})

    def element(self, css):
        return self.s("/element", body={"using": "css selector", "value": css})[ELEMENT]

    def click(self, css):
        self.s(f"/element/{self.element(css)}/click")

    def logs(self):
        try:
            return self.s("/se/log", body={"type": "browser"}) or []
        except RuntimeError:
            return []

    def screenshot(self, path, css=None):
        """The viewport, or one whole element, as a PNG file (the window grows to hold the
        element for the shot: headless Chromium clips element shots to the window)."""
        if css:
            window = self.s("/window/rect", method="GET")
            # Room for the element below anything sticky at the top (the explorer's controls).
            height = self.js("""var e = document.querySelector(arguments[0]), bar = document.getElementById('controls');
              var top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
              return Math.ceil(e.getBoundingClientRect().height + top);""", css)
            grow = height + 160 > window["height"]
            if grow:
                self.size(window["width"], min(height + 160, 6000))
            self.js("""var e = document.querySelector(arguments[0]), bar = document.getElementById('controls');
              var top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
              window.scrollBy(0, e.getBoundingClientRect().top - top - 8);""", css)
            data = self.s(f"/element/{self.element(css)}/screenshot", method="GET")
            if grow:
                self.size(window["width"], window["height"])
        else:
            data = self.s("/screenshot", method="GET")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        except Exception:
            pass
