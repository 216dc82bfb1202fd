"""Traces of your own weights and data, checked against an independent numpy recomputation.

The learner's model of check_my_lstm.py (weights drawn with numpy's default_rng, non-zero
biases, a given h0 and C0) is traced by `lstm-trace step --weights … --inputs … --target …
--h0 … --c0 …` with its weights given as .npz and as JSON, in both concat orders and with all
three losses (cross-entropy reads the same weights under the softmax head's names W_v, b_v).
Each trace must

- hold exactly the numbers given (parameters, inputs, target, h0, C0: bit for bit), and
- agree with lstm_reference.py run on those numbers in 80-bit np.longdouble (check_trace.py):
  forward values within 1e-12, gradients within 1e-10 (normwise relative).

    python3 Examples/python/check_own_weights.py .build/release/lstm-trace
    python3 Examples/python/check_own_weights.py BINARY --fixture   # also rewrite the Swift tests' reference

With --fixture it writes the three targets, the softmax-named weights and the 80-bit reference
traces of the six runs to Tests/TraceLSTMTests/Fixtures/own_model/ (beside the files that
check_my_lstm.py --fixture writes), which the Swift tests hold the tool to.
"""
import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

import check_my_lstm as learner
import lstm_reference as ref

HERE = os.path.dirname(os.path.abspath(__file__))
LOSSES = ["mse-last", "mse-all", "cross-entropy"]
TARGET_FILES = {"mse-last": "target_last.npy", "mse-all": "target.csv", "cross-entropy": "target_classes.json"}


def targets(target_all):
    """The three losses' targets: Y (K values), Y_t (T × K, the learner's own), class indices."""
    rng = np.random.default_rng(8)
    return {"mse-last": rng.standard_normal(learner.K), "mse-all": target_all,
            "cross-entropy": [int(k) for k in rng.integers(0, learner.K, learner.T)]}


def write_files(folder, model, xs, target_all, h0, c0):
    learner.write_inputs(folder, model, xs, target_all, h0, c0)
    ts = targets(target_all)
    np.save(os.path.join(folder, TARGET_FILES["mse-last"]), ts["mse-last"])
    with open(os.path.join(folder, TARGET_FILES["cross-entropy"]), "w") as f:
        json.dump(ts["cross-entropy"], f)
    np.savez_compressed(os.path.join(folder, "weights_compressed.npz"), **model.weights())
    softmax = {{"W_y": "W_v", "b_y": "b_v"}.get(k, k): v for k, v in model.weights().items()}
    np.savez(os.path.join(folder, "weights_softmax.npz"), **softmax)
    with open(os.path.join(folder, "weights_softmax.json"), "w") as f:
        json.dump({k: v.tolist() for k, v in softmax.items()}, f, indent=1)
    return ts


def weights_file(folder, loss, fmt):
    return os.path.join(folder, ("weights_softmax" if loss == "cross-entropy" else "weights") + "." + fmt)


def reference_trace(model, xs, ts, h0, c0, concat, loss):
    """lstm_reference.py's run in longdouble on the given numbers, as a trace."""
    params = model.weights()
    if loss == "cross-entropy":
        params = {{"W_y": "W_v", "b_y": "b_v"}.get(k, k): v for k, v in params.items()}
    target = np.asarray(ts[loss]).reshape(-1, 1) if loss == "mse-last" else ts[loss]
    fw, total, bw, grads = ref.run(params, xs, target, concat_order=concat, loss=loss, h0=h0, C0=c0, dtype=np.longdouble)
    config = {"input": learner.X, "hidden": learner.H, "output": learner.K, "steps": learner.T, "concat": concat,
              "head": "softmax" if loss == "cross-entropy" else "linear", "loss": loss}
    return ref.to_json(config, params, xs, target, fw, total, bw, grads)


def npz_matches_json(binary, tmp, trace_json, label):
    """`weights -o FILE.npz` and `step --format npz` read back in numpy (np.load, no pickle) as
    the JSON trace's numbers, bit for bit: lstm-trace's writer against numpy's reader."""
    failures = []
    with open(trace_json) as f:
        tr = json.load(f)
    head = tr["config"]["head"]
    weights = os.path.join(tmp, "back.npz")
    subprocess.run([binary, "weights", "--from", trace_json, "-o", weights], check=True)
    with np.load(weights, allow_pickle=False) as z:
        for k, v in tr["parameters"].items():
            if not np.array_equal(z[k], np.array(v)):
                failures.append(f"{label}: weights -o FILE.npz: {k} is not the trace's")
    npz = os.path.join(tmp, "trace.npz")
    subprocess.run([binary, "step", "--weights", weights, "--inputs", os.path.join(tmp, "inputs.npy"), "--target",
                    os.path.join(tmp, TARGET_FILES[tr["config"]["loss"]]), "--h0", os.path.join(tmp, "h0.npy"), "--c0",
                    os.path.join(tmp, "c0.json"), "--concat", tr["config"]["concat"], "--loss", tr["config"]["loss"],
                    "--format", "npz", "-o", npz], check=True)
    with np.load(npz, allow_pickle=False) as z:
        if str(z["format"]) != tr["format"] or json.loads(str(z["config"]))["concat"] != tr["config"]["concat"]:
            failures.append(f"{label}: step --format npz: format or config")
        for section in ("forward", "backward"):
            for k in tr[section][0]:
                name = "step_loss" if k == "loss" else k
                if k == "t" or (k == "loss" and tr["config"]["loss"] == "mse-last"):
                    continue
                if not np.array_equal(z[name], np.array([s[k] for s in tr[section]])):
                    failures.append(f"{label}: step --format npz: {name} is not the JSON trace's T × … stack")
        for k, v in list(tr["parameters"].items()) + list(tr["gradients"].items()) + [("target", tr["target"]), ("loss", tr["loss"])]:
            if not np.array_equal(z[k], np.array(v)):
                failures.append(f"{label}: step --format npz: {k} is not the JSON trace's")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--fixture", action="store_true")
    a = ap.parse_args()
    model, xs, target_all, h0, c0 = learner.problem()
    failures = []
    worst = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        ts = write_files(tmp, model, xs, target_all, h0, c0)
        for concat, loss, fmt in itertools.product(["h-first", "x-first"], LOSSES, ["npz", "json"]):
            label = f"{concat} {loss} weights.{fmt}"
            path = os.path.join(tmp, "trace.json")
            subprocess.run([a.binary, "step", "--weights", weights_file(tmp, loss, fmt), "--inputs", os.path.join(tmp, "inputs.npy"),
                            "--target", os.path.join(tmp, TARGET_FILES[loss]), "--h0", os.path.join(tmp, "h0.npy"),
                            "--c0", os.path.join(tmp, "c0.json"), "--concat", concat, "--loss", loss,
                            "--format", "json", "-o", path], check=True)
            with open(path) as f:
                tr = json.load(f)
            given = model.weights()
            for k, v in given.items():
                key = {"W_y": "W_v", "b_y": "b_v"}.get(k, k) if loss == "cross-entropy" else k
                if not np.array_equal(np.array(tr["parameters"][key]), v):
                    failures.append(f"{label}: parameters.{key} is not the given array, bit for bit")
            steps = tr["forward"]
            for name, got, want in [("x", [s["x"] for s in steps], xs), ("h0", steps[0]["h_prev"], h0), ("C0", steps[0]["C_prev"], c0),
                                    ("target", tr["target"], ts[loss])]:
                if not np.array_equal(np.array(got, dtype=float).ravel(), np.array(want, dtype=float).ravel()):
                    failures.append(f"{label}: {name} is not the given array, bit for bit")
            if fmt == "npz":
                failures += npz_matches_json(a.binary, tmp, path, label)
            r = subprocess.run([sys.executable, os.path.join(HERE, "check_trace.py"), path], capture_output=True, text=True)
            if r.returncode != 0:
                failures.append(f"{label}: check_trace.py: {r.stderr.strip()}")
                continue
            m = re.search(r"lstm-trace (\S+) forward, (\S+) backward", r.stdout)
            worst = [max(w, float(v)) for w, v in zip(worst, m.groups())]
        if a.fixture:
            folder = learner.FIXTURE
            os.makedirs(folder, exist_ok=True)
            write_files(folder, model, xs, target_all, h0, c0)
            traces = [reference_trace(model, xs, ts, h0, c0, concat, loss) for concat, loss in itertools.product(["h-first", "x-first"], LOSSES)]
            with open(os.path.join(folder, "reference.json"), "w") as f:
                json.dump({"numpy": np.__version__, "computed_in": "longdouble", "traces": traces}, f, indent=1)
                f.write("\n")
            print("wrote", os.path.relpath(folder))
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"check_own_weights: 12 traces of given weights (.npz and JSON; h-first and x-first; mse-last, mse-all, cross-entropy) "
          f"hold the given numbers bit for bit and agree with the 80-bit numpy reference (bars 1e-12 forward, 1e-10 gradients); "
          f"worst distance {worst[0]:.1e} forward, {worst[1]:.1e} backward")


if __name__ == "__main__":
    main()
