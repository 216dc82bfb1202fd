/// numpy's `.npy` format (`np.save`, and each member of an `.npz`), read and written.
///
/// Reading takes any dtype `NPYDType` converts exactly, in either byte order, and Fortran
/// order (rearranged into C order). Writing produces what `np.save` writes for a C-ordered
/// float64 array (`<f8`), an int64 array (`<i8`) or one string (`<U…`), format 1.0.
public enum NPY {
    /// The item a `.npy` file holds.
    public static func read(_ bytes: [UInt8]) throws -> NumpyItem {
        let (header, start) = try NPYHeader.read(bytes)
        let dtype = try NPYDType(header.descr)
        guard let count = NumpyArray.count(of: header.shape) else {
            throw NumpyFileError("the shape \(header.shape) is too large")
        }
        let (needed, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow, needed == bytes.count - start else {
            throw NumpyFileError("shape \(NumpyArray.describe(header.shape)) of \(header.descr) needs \(overflow ? "more" : String(needed)) "
                                 + "bytes of data, and the file has \(bytes.count - start): it is damaged or cut short")
        }
        return try bytes.withUnsafeBytes { raw in
            let data = UnsafeRawBufferPointer(rebasing: raw[start...])
            if dtype.kind == .unicode {
                guard count == 1 else { throw NumpyFileError("the array holds \(count) strings; lstm-trace reads numbers, or one string") }
                return .text(try dtype.text(data, 0))
            }
            var values = [Double](repeating: 0, count: count)
            do {
                for i in 0..<count { values[i] = try dtype.number(data, i) }
            } catch let e as NumpyFileError {
                throw NumpyFileError("\(e.description) (dtype \(header.descr))")
            }
            if header.fortranOrder && header.shape.count > 1 { values = cOrder(fromFortran: values, shape: header.shape) }
            return .numbers(NumpyArray(shape: header.shape, values: values))
        }
    }

    /// A float64 array as `np.save` writes it.
    public static func bytes(_ a: NumpyArray) -> [UInt8] {
        var out = NPYHeader(descr: NPYDType.float64, fortranOrder: false, shape: a.shape).bytes()
        out.reserveCapacity(out.count + 8 * a.count)
        for v in a.values { appendLittleEndian(v.bitPattern, into: &out) }
        return out
    }

    /// An int64 array (class indices) as `np.save` writes it.
    public static func bytes(integers: [Int], shape: [Int]) -> [UInt8] {
        precondition(NumpyArray.count(of: shape) == integers.count, "NPY: \(integers.count) integers for shape \(shape)")
        var out = NPYHeader(descr: "<i8", fortranOrder: false, shape: shape).bytes()
        for v in integers { appendLittleEndian(UInt64(bitPattern: Int64(v)), into: &out) }
        return out
    }

    /// One string as a 0-d unicode array (what `np.savez(f, key="text")` stores).
    public static func bytes(text: String) -> [UInt8] {
        let scalars = Array(text.unicodeScalars)
        var out = NPYHeader(descr: "<U\(max(1, scalars.count))", fortranOrder: false, shape: []).bytes()
        for u in scalars {
            var v = u.value
            for _ in 0..<4 {
                out.append(UInt8(v & 0xFF))
                v >>= 8
            }
        }
        if scalars.isEmpty { out += [0, 0, 0, 0] }
        return out
    }

    private static func appendLittleEndian(_ v: UInt64, into out: inout [UInt8]) {
        var v = v
        for _ in 0..<8 {
            out.append(UInt8(v & 0xFF))
            v >>= 8
        }
    }

    /// Column-major entries rearranged into row-major ones.
    static func cOrder(fromFortran f: [Double], shape: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: f.count)
        // Walk the C-ordered positions with a counter; a Fortran offset has the first axis fastest.
        var index = [Int](repeating: 0, count: shape.count)
        var strides = [Int](repeating: 1, count: shape.count)
        for d in 1..<shape.count { strides[d] = strides[d - 1] * shape[d - 1] }
        for k in 0..<f.count {
            var offset = 0
            for d in 0..<shape.count { offset += index[d] * strides[d] }
            out[k] = f[offset]
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return out
    }
}
