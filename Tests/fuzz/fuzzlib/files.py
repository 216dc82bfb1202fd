"""Files the cases need: private device nodes, checkpoints read and forged, output checkers."""
import json
import os
import stat
import struct

MAGIC = b"LSTMTRACE-CHECKPOINT\n"


def devices(folder):
    """Device nodes for -o, --data and stdout. As root, private copies made with mknod in
    `folder`: a binary with the old bug replaces what it is given by a regular file, and it
    must never be given the machine's own /dev/null. Otherwise links to /dev (which a user
    cannot replace; a replaced link is caught as such)."""
    numbers = {"null": 3, "zero": 5, "full": 7, "urandom": 9}
    out = {}
    for name, minor in numbers.items():
        path = os.path.join(folder, name)
        try:
            if os.geteuid() != 0:
                raise PermissionError
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
        except (PermissionError, OSError):
            os.symlink("/dev/" + name, path)
        out[name] = path
    return out


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def reseal(data):
    """The checkpoint bytes with their checksum written again."""
    body = bytes(data[:-8])
    return body + struct.pack("<Q", fnv1a(body))


def split_checkpoint(data):
    """(prefix up to and with the header's line, header as a dict, body after it)."""
    first = data.index(b"\n")
    second = data.index(b"\n", first + 1)
    third = data.index(b"\n", second + 1)
    return data[: second + 1], json.loads(data[second + 1: third]), data[third + 1:]


def with_header(data, edit):
    """The checkpoint with its header edited by `edit(dict)` (or replaced by the bytes it
    returns), resealed."""
    prefix, header, body = split_checkpoint(data)
    new = edit(header)
    text = new if isinstance(new, bytes) else json.dumps(header, separators=(", ", ": ")).encode()
    return reseal(prefix + text + b"\n" + body)


def with_number(data, index, value):
    """The checkpoint with the float64 at `index` of its body replaced, resealed."""
    prefix, header, body = split_checkpoint(data)
    start = len(data) - len(body) + 8 * index
    patched = bytearray(data)
    patched[start:start + 8] = struct.pack("<d", value)
    return reseal(bytes(patched))


def checkpoint_problem(path):
    """Why the file at `path` is not a whole checkpoint (None if it is one): magic, checksum,
    and the size its header promises."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return f"unreadable: {e}"
    if not data.startswith(MAGIC):
        return "no magic"
    if len(data) < 40 or struct.unpack("<Q", data[-8:])[0] != fnv1a(data[:-8]):
        return "checksum does not match"
    try:
        prefix, header, body = split_checkpoint(data)
    except ValueError:
        return "header unreadable"
    n, hidden = header["parameter_count"], header["hidden"]
    if len(body) != 8 * (2 * n + 2 * hidden) + 4 * 624 + 8:
        return "size does not match its header"
    return None


def json_problem(path):
    """Why the file is not whole JSON: parsed when small; a large one (a trace of 60 MB would
    take the suite's own memory far up) must begin with '{' and end with '}'."""
    try:
        if os.path.getsize(path) > 8 << 20:
            with open(path, "rb") as f:
                head = f.read(16).lstrip()
                f.seek(-16, os.SEEK_END)
                tail = f.read().rstrip()
            return None if head.startswith(b"{") and tail.endswith(b"}") else "not whole JSON: cut short"
        with open(path, "rb") as f:
            json.loads(f.read())
    except (OSError, ValueError) as e:
        return f"not whole JSON: {str(e)[:80]}"
    return None


def text_problem(marker):
    """A checker: the file exists and contains `marker` (a complete page ends with it)."""
    def check(path):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            return f"unreadable: {e}"
        return None if marker.encode() in data else f"no {marker!r}: incomplete"
    return check
