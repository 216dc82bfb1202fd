"""Loads a CSV trace with pandas exactly as written (no options) and checks it against the
JSON trace of the same run: columns, types, and every value to the last bit.

    python3 check_csv.py trace.csv trace.json
"""
import json
import sys

import pandas as pd


def main():
    csv_path, json_path = sys.argv[1], sys.argv[2]
    df = pd.read_csv(csv_path)
    assert list(df.columns) == ["phase", "t", "quantity", "row", "col", "value"], list(df.columns)
    assert df["value"].dtype == "float64", df["value"].dtype
    assert df["row"].dtype == "int64" and df["col"].dtype == "int64"
    assert set(df["phase"]) <= {"parameter", "target", "forward", "total", "backward", "gradient", "clipped"}, set(df["phase"])
    tr = json.load(open(json_path))
    n = 0
    for step in tr["forward"]:
        for key, v in step.items():
            if key == "t":
                continue
            values = [v] if key == "loss" else v
            got = df[(df.phase == "forward") & (df.t == step["t"]) & (df.quantity == key)].sort_values("row")["value"].tolist()
            assert got == values, (key, step["t"], got[:3], values[:3])
            n += len(values)
    for section, phase in [("parameters", "parameter"), ("gradients", "gradient")]:
        for key, rows in tr.get(section, {}).items():
            sub = df[(df.phase == phase) & (df.quantity == key)].sort_values(["row", "col"])
            assert sub["value"].tolist() == [x for r in rows for x in r], key
            n += len(sub)
    assert not df[df.phase.isin(["forward", "backward"])].t.isna().any(), "a forward or backward row without its step"
    total = df[(df.phase == "total") & df.t.isna() & (df.quantity == "loss")]["value"].tolist()
    assert total == [tr["loss"]], total
    print(f"{csv_path}: pandas {pd.__version__} reads {len(df)} rows; {n} values equal the JSON trace's bit for bit")


if __name__ == "__main__":
    main()
