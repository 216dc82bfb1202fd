"""Checkpoints given to `sample --checkpoint` and `train --resume`: cut at every point (in
steps), single bits flipped, and forged files with a valid checksum whose contents no run
could write (each must be refused with 65), beside forgeries that are valid (each must load)."""
import math
import os

from .files import reseal, split_checkpoint, with_header, with_number
from .judge import Case

NAN_BITS = "7ff8000000000000"


def cases(ctx):
    with open(ctx.checkpoint, "rb") as f:
        good = f.read()
    prefix, header, body = split_checkpoint(good)
    rng = ctx.rng
    out = []

    def both(name, data, expect, resume_expect=None):
        folder = ctx.folder("checkpoint")
        path = os.path.join(folder, "ck")
        with open(path, "wb") as f:
            f.write(data)
        out.append(Case("checkpoint", f"sample/{name}", ["sample", "--checkpoint", path, "--length", "20"], expect, keep=[path]))
        out.append(Case("checkpoint", f"resume/{name}", ["train", "--resume", path, "--iterations", "6", "--sample-length", "5"],
                        resume_expect or expect, watch=[folder], keep=[path]))

    both("unchanged", good, (0,))
    both("resealed, unchanged", reseal(good), (0,))
    # Every truncation point, in steps: the magic, the version, the header, the body, the key, the checksum.
    header_end = len(good) - len(body)
    points = sorted(set([0, 1, 10, 20, 21, 22, 23] + list(range(24, header_end, max(1, (header_end - 24) // 8)))
                        + list(range(header_end, len(good), max(1, (len(good) - header_end) // 14))) + [len(good) - 9, len(good) - 8, len(good) - 1]))
    for n in points:
        both(f"cut to {n} bytes", good[:n], (65,))
    # Single bits flipped anywhere (the checksum catches each).
    for k in range(24):
        i = rng.randrange(len(good))
        bit = 1 << rng.randrange(8)
        flipped = bytearray(good)
        flipped[i] ^= bit
        both(f"bit {bit} of byte {i} flipped", bytes(flipped), (65,))
    # Forged headers, checksum valid.
    forged = [
        ("learning rate -0.1", lambda h: h.__setitem__("learning_rate", -0.1)),
        ("learning rate 0", lambda h: h.__setitem__("learning_rate", 0)),
        ("learning rate 1e7", lambda h: h.__setitem__("learning_rate", 1e7)),
        ("clip 0", lambda h: h.__setitem__("clip", 0)),
        ("clip -1", lambda h: h.__setitem__("clip", -1)),
        ("weight sd 0", lambda h: h.__setitem__("weight_sd", 0)),
        ("hidden 0", lambda h: h.__setitem__("hidden", 0)),
        ("hidden 5000", lambda h: h.__setitem__("hidden", 5000)),
        ("hidden 4096 (a claim the file does not hold)", lambda h: h.update(hidden=4096, parameter_count=params(4096, len(h["vocabulary"])))),
        ("steps 0", lambda h: h.__setitem__("steps", 0)),
        ("seed -1", lambda h: h.__setitem__("seed", -1)),
        ("seed 2^32", lambda h: h.__setitem__("seed", 1 << 32)),
        ("smooth loss NaN", lambda h: h.__setitem__("smooth_loss_bits", NAN_BITS)),
        ("smooth loss negative", lambda h: h.update(smooth_loss_bits=neg_bits(h["smooth_loss_bits"]), smooth_loss=-h["smooth_loss"])),
        ("smooth loss written twice differently", lambda h: h.__setitem__("smooth_loss", h["smooth_loss"] + 1)),
        ("vocabulary code -1", lambda h: h["vocabulary"].__setitem__(0, -1)),
        ("vocabulary code 0", lambda h: h["vocabulary"].__setitem__(0, 0)),
        ("vocabulary code 0x110000", lambda h: h["vocabulary"].__setitem__(-1, 0x110000)),
        ("vocabulary code a surrogate", lambda h: h["vocabulary"].__setitem__(-1, 0xD800)),
        ("vocabulary out of order", lambda h: h["vocabulary"].reverse()),
        ("vocabulary repeated", lambda h: h["vocabulary"].__setitem__(1, h["vocabulary"][0])),
        ("vocabulary of one", lambda h: h.__setitem__("vocabulary", h["vocabulary"][:1])),
        ("vocabulary not a list", lambda h: h.__setitem__("vocabulary", "abc")),
        ("iteration -1", lambda h: h.__setitem__("iteration", -1)),
        ("pointer past the text", lambda h: h.__setitem__("pointer", h["corpus_length"] + 1)),
        ("corpus length 0", lambda h: h.__setitem__("corpus_length", 0)),
        ("parameter count wrong", lambda h: h.__setitem__("parameter_count", h["parameter_count"] + 1)),
        ("mt position 625", lambda h: h.__setitem__("mt_position", 625)),
        ("gauss NaN", lambda h: h.update(has_gauss=True, gauss_bits=NAN_BITS)),
        ("has_gauss a number", lambda h: h.__setitem__("has_gauss", 1)),
        ("another format name", lambda h: h.__setitem__("format", "lstm-trace/1")),
        ("no format name", lambda h: h.pop("format")),
        ("a missing field", lambda h: h.pop(rng.choice(["hidden", "steps", "clip", "iteration", "pointer", "corpus_fingerprint"]))),
        ("a field of the wrong type", lambda h: h.__setitem__(rng.choice(["hidden", "learning_rate", "clip", "iteration"]), "1")),
        ("header not JSON", lambda h: b"{ this is not json"),
        ("header with 1e400", lambda h: b'{"format": "lstm-trace-checkpoint/1", "learning_rate": 1e400}'),
    ]
    for name, change in forged:
        both(f"forged: {name}", with_header(good, change), (65,))
    n, hidden = header["parameter_count"], header["hidden"]
    for name, index, value in [("a weight NaN", rng.randrange(n), math.nan), ("a weight infinite", rng.randrange(n), math.inf),
                               ("Adagrad memory negative", n + rng.randrange(n), -1.0), ("Adagrad memory NaN", n + rng.randrange(n), math.nan),
                               ("h outside [-1, 1]", 2 * n + rng.randrange(hidden), 1.5), ("C infinite", 2 * n + hidden + rng.randrange(hidden), -math.inf)]:
        both(f"forged: {name}", with_number(good, index, value), (65,))
    # Another version line, resealed.
    both("forged: version 2", reseal(good.replace(b"\n1\n", b"\n2\n", 1)), (65,))
    # Valid forgeries: the loader refuses what is impossible, not what is merely different.
    both("forged, valid: iteration 2", with_header(good, lambda h: h.__setitem__("iteration", 2)), (0,))
    both("forged, valid: learning rate 0.05", with_header(good, lambda h: h.__setitem__("learning_rate", 0.05)), (0,))
    # A checkpoint given where a checkpoint is not expected, and other files given as one.
    both("a trace as a checkpoint", open(next(iter(ctx.traces.values())), "rb").read(), (65,))
    both("random bytes", bytes(rng.randrange(256) for _ in range(3000)), (65,))
    return out


def params(hidden, vocabulary):
    z = hidden + vocabulary
    return 4 * hidden * z + 4 * hidden + vocabulary * hidden + vocabulary


def neg_bits(bits):
    return format(int(bits, 16) | (1 << 63), "x")
