"""The reference side of the browser tests: a trace's numbers, read from its JSON file, and the
numbers as the page writes them (4 significant digits, 9.617×10⁻⁶)."""
import math
import re

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:×10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|NaN|[−-]?∞")
GRADIENT_KEYS = {"dy", "dv", "dh", "do", "da_o", "dC", "dC_tilde", "da_C", "di", "da_i", "df", "da_f", "dz", "dh_prev",
                 "dC_prev", "dx", "dtanh_C", "dh_next", "dC_next"}


def parse_number(text):
    """The last number in a text as the page writes numbers, or None."""
    found = NUMBER.findall(text)
    if not found:
        return None
    s = found[-1].replace("−", "-")
    if s in ("NaN",):
        return math.nan
    if s.endswith("∞"):
        return -math.inf if s.startswith("-") else math.inf
    if "×10" in s:
        mantissa, exponent = s.split("×10")
        return float(mantissa) * 10.0 ** int(exponent.translate(SUPERSCRIPTS))
    return float(s)


def half_unit(x, digits):
    """Half a unit in the last shown digit of x (0 for an exact zero)."""
    if x == 0 or not math.isfinite(x):
        return 0.0
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(x))) - digits + 1)


def shown_matches(shown, true, digits):
    """Whether a shown number is `true` rounded to `digits` significant digits."""
    if true == 0:
        return shown == 0
    return abs(shown - true) <= half_unit(true, digits) * (1 + 1e-9) + 1e-300


class TraceValues:
    def __init__(self, trace):
        self.trace = trace
        c = trace["config"]
        self.T, self.H, self.X, self.K = len(trace["forward"]), c["hidden"], c["input"], c["output"]
        self.x_offset = self.H if c["concat"] == "h-first" else 0
        self.vocabulary = list(c["vocabulary"]) if isinstance(c.get("vocabulary"), str) else None
        self.has_backward = "backward" in trace

    def vector(self, key, t):
        """The vector of a key at step t (1-based), the four derived keys included."""
        if t < 1 or t > self.T:
            return None
        f = self.trace["forward"][t - 1]
        if key in f:
            return [f[key]] if key == "loss" else f[key]
        if not self.has_backward:
            return None
        b = self.trace["backward"][t - 1]
        if key in b:
            return b[key]
        if key == "dx":
            return b["dz"][self.x_offset:self.x_offset + self.X]
        if key == "dtanh_C":
            return [d * o for d, o in zip(b["dh"], f["o"])]
        if key in ("dh_next", "dC_next"):
            if t == self.T:
                return [0.0] * self.H
            return self.trace["backward"][t]["dh_prev" if key == "dh_next" else "dC_prev"]
        return None

    def value(self, key, t, index):
        """A number of the trace: a step's vector entry, or a parameter entry ("j,k")."""
        if key in self.trace["parameters"]:
            j, k = (int(s) for s in str(index).split(","))
            return self.trace["parameters"][key][j][k]
        v = self.vector(key, t)
        i = int(index)
        return v[i] if v is not None and 0 <= i < len(v) else None

    def slot_index(self, slot, key, t, j):
        """The entry a diagram line shows (CellDiagram.Slot)."""
        if slot == "unit":
            return j
        if slot == "target":
            return self.trace["target"][t - 1] if self.trace["config"]["loss"] == "cross-entropy" else None
        v = self.vector(key, t)
        order = sorted(range(len(v)), key=lambda k: (-abs(v[k]), k))
        rank = 0 if slot == "rank0" else 1
        return order[rank] if rank < len(order) else None

    def class_name(self, k):
        if self.vocabulary is None:
            return f"class {k}"
        c = self.vocabulary[k]
        return "“" + {" ": "␣", "\n": "↵", "\t": "⇥"}.get(c, c) + "”"

    def input_class(self, t):
        x = self.trace["forward"][t - 1]["x"]
        return x.index(1.0) if self.vocabulary else None
