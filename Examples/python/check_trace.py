"""Checks a trace that `lstm-trace` wrote against an independent numpy recomputation.

From the file's own parameters, inputs, initial state and target, lstm_reference.py runs the
forward pass and BPTT again in x87 80-bit (np.longdouble: no BLAS takes part, so the reference
is the same on every x86-64 machine); every key of the spec must be present and agree:

  forward values   within 1e-12  (normwise relative error per key and step)
  gradients        within 1e-10

How far float64 arithmetic lands from that reference: over the 48 traces of cross_check.py,
lstm-trace's worst is about 1e-15 forward and 1e-13 backward, and numpy's own float64 run of the
same code about the same (both printed); the bars sit three orders of magnitude above that
spread, and far below any real mistake (a wrong term moves a value by 1e-3 or more).

With --draw, the parameters, inputs and target must also be bit-identical to what
`np.random.seed(seed)` and the draws of the step command give (config.seed, config.init).
With --finite-differences N, N entries of each parameter are also checked by central
differences computed here in numpy.

    python3 check_trace.py trace.json [--draw] [--finite-differences 5]

Exits 1 on any disagreement, printing the key, step, index, expected and actual value.
"""
import argparse
import json
import sys

import numpy as np

import lstm_reference as ref

FORWARD_TOL = 1e-12
GRADIENT_TOL = 1e-10


def normwise(actual, expected):
    actual = np.asarray(actual, dtype=np.longdouble).ravel()
    expected = np.asarray(expected, dtype=np.longdouble).ravel()
    if actual.shape != expected.shape:
        return np.inf, 0
    diff = np.abs(actual - expected)
    scale = np.max(np.abs(expected)) if expected.size else 0.0
    k = int(np.argmax(diff)) if diff.size else 0
    worst = diff[k] if diff.size else 0.0
    return float(worst / scale if scale > 0 else worst), k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--finite-differences", type=int, default=0)
    a = ap.parse_args()
    with open(a.trace) as f:
        tr = json.load(f)
    failures = []

    def check(name, actual, expected, tol):
        rel, k = normwise(actual, expected)
        if not rel <= tol:
            e = np.asarray(expected, dtype=float).ravel()
            v = np.asarray(actual, dtype=float).ravel()
            detail = f"expected {e[k]!r}, got {v[k]!r}" if e.shape == v.shape else f"shape {v.shape} vs {e.shape}"
            failures.append(f"{name}[{k}]: {detail} (relative error {rel:.3g} > {tol:g})")

    if tr.get("format") != ref.FORMAT:
        sys.exit(f"{a.trace}: format {tr.get('format')!r}, expected {ref.FORMAT!r}")
    c = tr["config"]
    head = c["head"]
    wk, bk = ref.head_keys(head)
    params = {k: np.array(v, dtype=float) for k, v in tr["parameters"].items()}
    xs = np.array([s["x"] for s in tr["forward"]], dtype=float)
    T = len(tr["forward"])
    if c["loss"] == "mse-last":
        target = np.array(tr["target"], dtype=float).reshape(-1, 1)
    elif c["loss"] == "mse-all":
        target = np.array(tr["target"], dtype=float)
    else:
        target = [int(k) for k in tr["target"]]
    h0, C0 = tr["forward"][0]["h_prev"], tr["forward"][0]["C_prev"]

    if a.draw:
        dx, dt, dp = ref.draw_problem(c["input"], c["hidden"], c["output"], T, seed=c["seed"], init=c["init"], loss=c["loss"])
        for k in dp:
            if not np.array_equal(dp[k], params[k]):
                failures.append(f"parameter {k} is not bit-identical to numpy's draw")
        if not np.array_equal(dx, xs):
            failures.append("inputs x are not bit-identical to numpy's draw")
        if not np.array_equal(np.asarray(dt, dtype=float).ravel(), np.asarray(target, dtype=float).ravel()):
            failures.append("target is not bit-identical to numpy's draw")

    fw, total, bw, grads = ref.run(params, xs, target, concat_order=c["concat"], loss=c["loss"], h0=h0, C0=C0,
                                   backward="backward" in tr, dtype=np.longdouble)
    # numpy's own float64 run of the same code, for the figure printed beside the tool's.
    fw64, total64, bw64, grads64 = ref.run(params, xs, target, concat_order=c["concat"], loss=c["loss"], h0=h0, C0=C0,
                                           backward="backward" in tr)
    worst = {"tool forward": 0.0, "tool backward": 0.0, "numpy forward": 0.0, "numpy backward": 0.0}

    def note(kind, actual, expected):
        worst[kind] = max(worst[kind], normwise(actual, expected)[0])
    for s, mine in zip(tr["forward"], fw):
        expected_keys = [k for k in ref.FORWARD_KEYS if k in mine]
        for k in expected_keys:
            if k not in s:
                failures.append(f"forward t={s['t']}: key {k} missing")
                continue
            check(f"forward t={s['t']} {k}", s[k], mine[k], FORWARD_TOL)
            note("tool forward", s[k], mine[k])
            note("numpy forward", fw64[s["t"] - 1][k], mine[k])
    check("loss", tr["loss"], total, FORWARD_TOL)
    if "backward" in tr:
        for s, mine in zip(tr["backward"], bw):
            for k in [k for k in ref.BACKWARD_KEYS if k in mine]:
                if k not in s:
                    failures.append(f"backward t={s['t']}: key {k} missing")
                    continue
                check(f"backward t={s['t']} {k}", s[k], mine[k], GRADIENT_TOL)
                note("tool backward", s[k], mine[k])
                note("numpy backward", bw64[s["t"] - 1][k], mine[k])
        for k, v in grads.items():
            if k not in tr["gradients"]:
                failures.append(f"gradients: key {k} missing")
                continue
            check(f"gradient {k}", tr["gradients"][k], v, GRADIENT_TOL)
            note("tool backward", tr["gradients"][k], v)
            note("numpy backward", grads64[k], v)

    if a.finite_differences and "backward" in tr:
        rng = np.random.RandomState(12345)
        eps = 1e-5
        for k, w in params.items():
            for _ in range(a.finite_differences):
                idx = rng.randint(w.size)
                saved = w.flat[idx]
                w.flat[idx] = saved + eps
                plus = ref.run(params, xs, target, c["concat"], c["loss"], h0, C0, backward=False)[1]
                w.flat[idx] = saved - eps
                minus = ref.run(params, xs, target, c["concat"], c["loss"], h0, C0, backward=False)[1]
                w.flat[idx] = saved
                numeric = (plus - minus) / (2 * eps)
                analytic = np.array(tr["gradients"]["d" + k], dtype=float).flat[idx]
                rel = abs(analytic - numeric) / (abs(analytic + numeric) + 1e-9)
                floor = 4 * np.spacing(max(abs(plus), abs(minus))) / eps
                if rel > 1e-5 and abs(analytic - numeric) > floor:
                    failures.append(f"finite differences d{k}[{idx}]: analytic {analytic!r}, numeric {numeric!r} (rel {rel:.3g})")

    if failures:
        print(f"{a.trace}: {len(failures)} disagreements", file=sys.stderr)
        for line in failures[:40]:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    n_keys = sum(len(s) - 1 for s in tr["forward"]) + sum(len(s) - 1 for s in tr.get("backward", [])) + len(tr.get("gradients", {}))
    print(f"{a.trace}: OK ({n_keys} keys; forward within {FORWARD_TOL:g}, gradients within {GRADIENT_TOL:g}"
          + (", drawn bit-identically" if a.draw else "") + "); from the 80-bit reference: lstm-trace "
          + f"{worst['tool forward']:.1e} forward, {worst['tool backward']:.1e} backward; numpy float64 "
          + f"{worst['numpy forward']:.1e}, {worst['numpy backward']:.1e}")


if __name__ == "__main__":
    main()
