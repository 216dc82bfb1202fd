/// A `.npy` dtype string (`<f8`, `>i4`, `|u1`, `<U12`) and how its items become float64.
///
/// Floats of 2, 4 and 8 bytes convert exactly; integers and booleans convert exactly while
/// |v| ≤ 2^53 (beyond, an integer that a float64 cannot hold is refused, naming it). Either
/// byte order is read. Complex numbers, long doubles, objects, bytes and dates are refused.
struct NPYDType: Equatable {
    enum Kind: Equatable { case float, signed, unsigned, bool, unicode }

    let kind: Kind
    /// Bytes per item (for unicode, 4 per character).
    let itemSize: Int
    let bigEndian: Bool

    /// The dtype numpy writes for float64 on every little-endian machine.
    static let float64 = "<f8"

    init(_ descr: String) throws {
        var chars = Array(descr)
        guard chars.count >= 2 else { throw NumpyFileError("dtype '\(descr)' is not a numpy dtype string") }
        var order: Character = "="
        if "<>|=".contains(chars[0]) { order = chars.removeFirst() }
        bigEndian = order == ">"
        let code = chars.removeFirst()
        if code == "O" { throw NumpyFileError("dtype '\(descr)' holds Python objects (pickled); save an array of numbers") }
        guard let n = Int(String(chars)), n > 0 else { throw NumpyFileError("dtype '\(descr)' is not a numpy dtype string") }
        switch (code, n) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        case ("b", 1): kind = .bool
        case ("U", _): kind = .unicode
        case ("f", _):
            throw NumpyFileError("dtype '\(descr)' (a \(n * 8)-bit float, e.g. np.longdouble) cannot be read as float64 "
                                 + "without rounding; save it with .astype(np.float64)")
        case ("c", _): throw NumpyFileError("dtype '\(descr)' holds complex numbers; lstm-trace reads real float64 numbers")
        default: throw NumpyFileError("dtype '\(descr)' is not a number type lstm-trace reads (float64, float32, integers)")
        }
        itemSize = kind == .unicode ? 4 * n : n
    }

    /// The unsigned integer of `itemSize` bytes at `p`, in the file's byte order.
    @inline(__always)
    private func word(_ p: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        var v: UInt64 = 0
        if bigEndian {
            for k in 0..<itemSize { v = v << 8 | UInt64(p[at + k]) }
        } else {
            for k in (0..<itemSize).reversed() { v = v << 8 | UInt64(p[at + k]) }
        }
        return v
    }

    /// Item `i` of the data as float64; throws when it cannot be held exactly.
    func number(_ p: UnsafeRawBufferPointer, _ i: Int) throws -> Double {
        let w = word(p, i * itemSize)
        switch kind {
        case .float:
            switch itemSize {
            case 8: return Double(bitPattern: w)
            case 4: return Double(Float(bitPattern: UInt32(w)))
            default: return NPYDType.half(UInt16(w))
            }
        case .signed:
            let shift = UInt64(64 - 8 * itemSize)
            let v = Int64(bitPattern: w << shift) >> Int64(shift)
            guard let d = Double(exactly: v) else { throw NumpyFileError("the integer \(v) cannot be held exactly by a float64") }
            return d
        case .unsigned:
            guard let d = Double(exactly: w) else { throw NumpyFileError("the integer \(w) cannot be held exactly by a float64") }
            return d
        case .bool:
            return w == 0 ? 0 : 1
        case .unicode:
            throw NumpyFileError("the array holds text, not numbers")
        }
    }

    /// Item `i` of a unicode array (UTF-32 code units, NUL-padded).
    func text(_ p: UnsafeRawBufferPointer, _ i: Int) throws -> String {
        var out = String.UnicodeScalarView()
        let start = i * itemSize
        for c in stride(from: start, to: start + itemSize, by: 4) {
            var v: UInt32 = 0
            if bigEndian {
                for k in 0..<4 { v = v << 8 | UInt32(p[c + k]) }
            } else {
                for k in (0..<4).reversed() { v = v << 8 | UInt32(p[c + k]) }
            }
            if v == 0 { break }
            guard let u = Unicode.Scalar(v) else { throw NumpyFileError("the text holds an invalid character (code \(v))") }
            out.append(u)
        }
        return String(out)
    }

    /// IEEE binary16 to float64 (exact: every half is a float64).
    static func half(_ h: UInt16) -> Double {
        let sign: Double = h & 0x8000 != 0 ? -1 : 1
        let exponent = Int(h >> 10 & 0x1F), fraction = Double(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
