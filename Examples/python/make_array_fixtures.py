"""Writes the .npy, .npz and CSV files that the Swift tests read with lstm-trace's own codec
(Tests/TraceLSTMTests/Fixtures/arrays/), and expected.json: for each file, what numpy itself
reads from it (shape and float64 values, or the text), or that lstm-trace must refuse it.

    python3 Examples/python/make_array_fixtures.py

Every file is written by numpy (np.save, np.savez, np.savez_compressed, np.savetxt), so the
tests check the codec against numpy's own output, not against files written by the codec.
"""
import json
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Tests", "TraceLSTMTests", "Fixtures", "arrays")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240610)
    m = rng.standard_normal((3, 4))
    expected = {}

    def numbers(name, array, read_as=None):
        """A file numpy wrote; numpy's own float64 reading of it is what lstm-trace must read."""
        a = np.load(os.path.join(OUT, name)) if read_as is None else read_as
        expected[name] = {"shape": list(a.shape), "values": [float(v) for v in np.asarray(a, dtype=np.float64).ravel(order="C")]}

    def refused(name, why):
        expected[name] = {"refused": why}

    def save(name, a):
        np.save(os.path.join(OUT, name), a)

    save("f8.npy", m)
    numbers("f8.npy", None)
    save("f8_scalar.npy", np.float64(2.5))
    numbers("f8_scalar.npy", None)
    save("f8_3d.npy", rng.standard_normal((2, 3, 1)))
    numbers("f8_3d.npy", None)
    save("f8_big_endian.npy", m.astype(">f8"))
    numbers("f8_big_endian.npy", None)
    save("f8_fortran.npy", np.asfortranarray(m))
    numbers("f8_fortran.npy", None)
    save("f8_fortran_3d.npy", np.asfortranarray(rng.standard_normal((2, 3, 4))))
    numbers("f8_fortran_3d.npy", None)
    save("f4.npy", m.astype(np.float32))
    numbers("f4.npy", None)
    save("f2.npy", np.array([0.5, -2.0, 65504.0, 6e-8, 0.0], dtype=np.float16))
    numbers("f2.npy", None)
    save("i8.npy", np.array([[0, -3], [2**53, -(2**53)]], dtype=np.int64))
    numbers("i8.npy", None)
    save("i4_big_endian.npy", np.array([1, -2, 3], dtype=">i4"))
    numbers("i4_big_endian.npy", None)
    save("u1.npy", np.array([0, 7, 255], dtype=np.uint8))
    numbers("u1.npy", None)
    save("bool.npy", np.array([True, False, True]))
    numbers("bool.npy", None)
    save("empty.npy", np.zeros((0, 3)))
    numbers("empty.npy", None)
    save("i8_inexact.npy", np.array([1, 2**53 + 1], dtype=np.int64))
    refused("i8_inexact.npy", "cannot be held exactly by a float64")
    save("c16.npy", np.array([1 + 2j]))
    refused("c16.npy", "complex")
    save("longdouble.npy", np.array([1.0], dtype=np.longdouble))
    refused("longdouble.npy", "without rounding")
    np.save(os.path.join(OUT, "object.npy"), np.array([{"a": 1}], dtype=object), allow_pickle=True)
    refused("object.npy", "Python objects")
    save("structured.npy", np.zeros(2, dtype=[("a", "<f8"), ("b", "<i4")]))
    refused("structured.npy", "structured dtype")
    save("text.npy", np.array('{"concat": "h-first", "note": "é ⊙"}'))
    expected["text.npy"] = {"text": '{"concat": "h-first", "note": "é ⊙"}'}
    with open(os.path.join(OUT, "f8.npy"), "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "truncated.npy"), "wb") as f:
        f.write(data[:-5])
    refused("truncated.npy", "damaged or cut short")

    # .npz: stored (np.savez) and deflated (np.savez_compressed), read back through np.load.
    members = {"W_f": m, "b_f": rng.standard_normal((3, 1)), "steps": np.arange(6, dtype=np.int64),
               "config": np.array('{"input": 1}'),
               "big": rng.standard_normal((20, 30)), "repeats": np.tile(np.arange(7.0), 300)}
    np.savez(os.path.join(OUT, "stored.npz"), **members)
    np.savez_compressed(os.path.join(OUT, "compressed.npz"), **members)
    # zlib level 0 writes stored DEFLATE blocks; level 1 favours fixed Huffman codes on small data.
    for level in (0, 1):
        with zipfile.ZipFile(os.path.join(OUT, f"deflate_level{level}.npz"), "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            for k, v in members.items():
                with z.open(k + ".npy", "w") as f:
                    np.lib.format.write_array(f, np.asanyarray(v))
    # numpy reads the same arrays from all four files: they are written once, under "npz".
    readings = []
    for name in ("stored.npz", "compressed.npz", "deflate_level0.npz", "deflate_level1.npz"):
        with np.load(os.path.join(OUT, name)) as z:
            readings.append({k: ({"text": str(z[k])} if z[k].dtype.kind == "U" else
                                 {"shape": list(z[k].shape), "values": [float(v) for v in z[k].astype(np.float64).ravel()]})
                             for k in z.files})
    assert all(r == readings[0] for r in readings)
    expected_npz = {"files": ["stored.npz", "compressed.npz", "deflate_level0.npz", "deflate_level1.npz"],
                    "members": readings[0]}
    with open(os.path.join(OUT, "stored.npz"), "rb") as f:
        data = bytearray(f.read())
    data[200] ^= 0xFF  # inside W_f's data: the CRC-32 no longer matches
    with open(os.path.join(OUT, "damaged.npz"), "wb") as f:
        f.write(bytes(data))
    refused("damaged.npz", "CRC-32 does not match")

    # CSV, as np.savetxt writes it (comma-separated, and its default space-separated form).
    np.savetxt(os.path.join(OUT, "comma.csv"), m, delimiter=",", header="a,b,c,d")
    numbers("comma.csv", None, read_as=np.loadtxt(os.path.join(OUT, "comma.csv"), delimiter=","))
    np.savetxt(os.path.join(OUT, "spaces.csv"), m)
    numbers("spaces.csv", None, read_as=np.loadtxt(os.path.join(OUT, "spaces.csv"), ndmin=2))

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"numpy": np.__version__, "files": expected, "npz": expected_npz}, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(OUT), f"({len(expected)} files)")


if __name__ == "__main__":
    main()
