/// Arrays written as text: JSON (a number, an array of numbers, an array of rows, …) and CSV
/// (one row a line), into the same `NumpyArray` that `.npy` files give.
public enum ArrayText {
    /// A JSON number or nested arrays of numbers, which must be rectangular: [[1, 2], [3, 4]]
    /// is 2 × 2, [[1, 2], [3]] is refused. `null` reads as NaN (JSON has no NaN, and trace files
    /// write NaN as null).
    public static func array(_ value: JSONValue) throws -> NumpyArray {
        var shape: [Int] = []
        var probe = value
        while case .array(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        guard let count = NumpyArray.count(of: shape) else { throw NumpyFileError("the array is too large") }
        var values: [Double] = []
        values.reserveCapacity(count)
        var path: [Int] = []
        func where_() -> String { path.map { "[\($0)]" }.joined() }
        func walk(_ v: JSONValue) throws {
            let depth = path.count
            if depth == shape.count {
                switch v {
                case .number(let d): values.append(d)
                case .integer(let i): values.append(Double(i))
                case .null: values.append(.nan)
                case .array: throw NumpyFileError("\(where_()) is an array where a number belongs (the rows are not all alike)")
                default: throw NumpyFileError("\(where_().isEmpty ? "the value" : where_()) is \(describe(v)), not a number")
                }
                return
            }
            guard case .array(let items) = v else {
                throw NumpyFileError("\(where_()) is \(describe(v)) where a row of \(shape[depth]) belongs (the rows are not all alike)")
            }
            guard items.count == shape[depth] else {
                throw NumpyFileError("ragged rows: \(where_()) has \(items.count) entries, \(String(repeating: "[0]", count: depth)) has \(shape[depth])")
            }
            for (k, item) in items.enumerated() {
                path.append(k)
                try walk(item)
                path.removeLast()
            }
        }
        try walk(value)
        return NumpyArray(shape: shape, values: values)
    }

    /// An array as JSON: a number for (), an array of numbers for a vector, nested arrays
    /// (rows) for more axes; the inverse of `array(_:)`.
    public static func json(_ a: NumpyArray) -> JSONValue {
        func nested(_ axis: Int, _ offset: Int) -> JSONValue {
            if axis == a.shape.count { return .number(a.values[offset]) }
            let stride = NumpyArray.count(of: Array(a.shape[(axis + 1)...]))!
            return .array((0..<a.shape[axis]).map { nested(axis + 1, offset + $0 * stride) })
        }
        return nested(0, 0)
    }

    /// What a JSON value is, in words.
    public static func describe(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "true or false"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Numbers from CSV text, one row a line: separated by commas, or by spaces and tabs as
    /// `np.savetxt` writes them by default. Blank lines and lines starting with `#` are skipped,
    /// and so is a first line that holds no number at all (a header). Every row must have as
    /// many numbers as the first; the result is rows × columns.
    public static func csv(_ text: String) throws -> NumpyArray {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        let byComma = lines.contains { $0.contains(",") }
        var rows = 0, cols = -1
        var values: [Double] = []
        var headerAllowed = true
        for (n, line) in lines.enumerated() {
            let trimmed = line.trimmed(" \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = byComma ? trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed(" \t\"") }
                : trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let numbers = fields.map { Double($0) }
            if headerAllowed && numbers.allSatisfy({ $0 == nil }) {
                headerAllowed = false
                continue
            }
            headerAllowed = false
            if let bad = numbers.firstIndex(where: { $0 == nil }) {
                throw NumpyFileError("line \(n + 1), field \(bad + 1): '\(fields[bad])' is not a number")
            }
            if cols >= 0 && fields.count != cols {
                throw NumpyFileError("line \(n + 1) has \(fields.count) numbers, the first row has \(cols)")
            }
            cols = fields.count
            rows += 1
            values += numbers.map { $0! }
        }
        guard rows > 0 else { throw NumpyFileError("no rows of numbers") }
        return NumpyArray(shape: [rows, cols], values: values)
    }
}

private extension Substring {
    func trimmed(_ set: String) -> String {
        var s = self[...]
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
