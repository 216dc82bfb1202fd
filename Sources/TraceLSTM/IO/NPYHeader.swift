/// The header of a `.npy` file: the Python dict literal numpy writes after the magic string,
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`, padded with spaces to a
/// multiple of 64 bytes and ended by a newline.
///
/// See numpy's `numpy/lib/format.py` (format versions 1.0, 2.0 and 3.0).
struct NPYHeader: Equatable {
    /// The dtype string: byte order (`<`, `>`, `|`, `=`), kind and item size, e.g. `<f8`.
    var descr: String
    /// Whether the entries are stored column-major (`np.asfortranarray`).
    var fortranOrder: Bool
    /// The shape.
    var shape: [Int]

    /// The six bytes every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Reads the magic, version and header dict from the start of `bytes`; returns the header
    /// and where the data starts.
    static func read(_ bytes: [UInt8]) throws -> (NPYHeader, dataStart: Int) {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw NumpyFileError("not a .npy file (it does not start with \\x93NUMPY)")
        }
        let major = bytes[6]
        let lengthSize: Int
        switch major {
        case 1: lengthSize = 2
        case 2, 3: lengthSize = 4
        default: throw NumpyFileError(".npy format version \(major).\(bytes[7]); lstm-trace reads versions 1, 2 and 3")
        }
        guard bytes.count >= 8 + lengthSize else { throw NumpyFileError("the .npy header is cut short") }
        var length = 0
        for k in (0..<lengthSize).reversed() { length = length << 8 | Int(bytes[8 + k]) }
        let start = 8 + lengthSize
        guard length <= bytes.count - start else { throw NumpyFileError("the .npy header is cut short") }
        // Version 1 and 2 headers are latin-1, version 3 UTF-8; the dict itself is ASCII.
        let text = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
        return (try parse(text), start + length)
    }

    /// Parses the dict literal.
    static func parse(_ text: String) throws -> NPYHeader {
        var scanner = Scanner(Array(text.unicodeScalars))
        func bad(_ why: String) -> NumpyFileError { NumpyFileError("the .npy header \(why): \(text.trimmingSpaces)") }
        var descr: String?, fortran: Bool?, shape: [Int]?
        guard scanner.take("{") else { throw bad("is not a Python dict") }
        while !scanner.take("}") {
            guard let key = scanner.string() else { throw bad("has a key that is not a string") }
            guard scanner.take(":") else { throw bad("has no ':' after '\(key)'") }
            switch key {
            case "descr":
                guard let d = scanner.string() else {
                    throw NumpyFileError("the array has a structured dtype (a record of fields); lstm-trace reads arrays of numbers")
                }
                descr = d
            case "fortran_order":
                if scanner.take("True") { fortran = true } else if scanner.take("False") { fortran = false } else {
                    throw bad("has a fortran_order that is neither True nor False")
                }
            case "shape":
                guard let s = scanner.tuple() else { throw bad("has a shape that is not a tuple of whole numbers") }
                shape = s
            default:
                throw bad("has an unknown key '\(key)'")
            }
            if !scanner.take(",") {
                guard scanner.take("}") else { throw bad("is not a Python dict") }
                break
            }
        }
        guard let descr, let fortran, let shape else { throw bad("lacks 'descr', 'fortran_order' or 'shape'") }
        return NPYHeader(descr: descr, fortranOrder: fortran, shape: shape)
    }

    /// The header bytes numpy writes for this dict (format 1.0, padded so that the data starts
    /// at a multiple of 64 bytes).
    func bytes() -> [UInt8] {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var dict = Array("{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(shapeText), }".utf8)
        let unpadded = 10 + dict.count + 1
        dict += [UInt8](repeating: 0x20, count: (64 - unpadded % 64) % 64) + [0x0A]
        precondition(dict.count <= 0xFFFF, "NPYHeader: a header of \(dict.count) bytes needs format 2.0")
        return NPYHeader.magic + [1, 0, UInt8(dict.count & 0xFF), UInt8(dict.count >> 8)] + dict
    }
}

/// Reads the tokens of a header dict: quoted strings, tuples of integers, punctuation.
private struct Scanner {
    let s: [Unicode.Scalar]
    var k = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func skipSpace() {
        while k < s.count, s[k] == " " || s[k] == "\n" || s[k] == "\t" || s[k] == "\r" { k += 1 }
    }

    /// Consumes `word` if it comes next.
    mutating func take(_ word: String) -> Bool {
        skipSpace()
        let w = Array(word.unicodeScalars)
        guard k + w.count <= s.count, Array(s[k..<(k + w.count)]) == w else { return false }
        k += w.count
        return true
    }

    /// A string in single or double quotes (numpy's dtype strings have no escapes).
    mutating func string() -> String? {
        skipSpace()
        guard k < s.count, s[k] == "'" || s[k] == "\"" else { return nil }
        let quote = s[k]
        var out = String.UnicodeScalarView()
        k += 1
        while k < s.count, s[k] != quote {
            out.append(s[k])
            k += 1
        }
        guard k < s.count else { return nil }
        k += 1
        return String(out)
    }

    /// `()`, `(3,)`, `(3, 4)`: non-negative integers (Python 2's `3L` suffix allowed).
    mutating func tuple() -> [Int]? {
        guard take("(") else { return nil }
        var out: [Int] = []
        while true {
            if take(")") { return out }
            skipSpace()
            var digits = ""
            while k < s.count, ("0"..."9").contains(s[k]) {
                digits.unicodeScalars.append(s[k])
                k += 1
            }
            guard let n = Int(digits) else { return nil }
            out.append(n)
            _ = take("L")
            if !take(",") { return take(")") ? out : nil }
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var t = Substring(self)
        while let c = t.last, c == " " || c == "\n" { t = t.dropLast() }
        return String(t)
    }
}
