/// A dense float64 matrix stored row by row, as numpy stores a C-ordered array.
///
/// ```
/// A[r, c] = storage[r * cols + c]
/// ```
///
/// A column vector of n entries (a bias, numpy's shape `(n, 1)`) is a `Matrix` with
/// `cols == 1`. Shapes are checked by every operation; a mismatch is a programming error
/// (the command line validates what users type before it reaches the library).
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// The entries, row-major: `rows * cols` of them.
    public var storage: [Double]

    /// A matrix of the given shape with every entry set to `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.storage = Array(repeating: value, count: rows * cols)
    }

    /// A matrix of the given shape over existing row-major entries.
    public init(rows: Int, cols: Int, storage: [Double]) {
        precondition(storage.count == rows * cols,
                     "Matrix: \(storage.count) entries do not make a \(rows)×\(cols) matrix")
        self.rows = rows
        self.cols = cols
        self.storage = storage
    }

    /// A matrix from its rows (each the same length), as `np.array([[…], …])`.
    public init(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "Matrix: ragged rows")
        self.init(rows: rowArrays.count, cols: cols, storage: rowArrays.flatMap { $0 })
    }

    /// A column vector (shape `(n, 1)`).
    public init(column: [Double]) {
        self.init(rows: column.count, cols: 1, storage: column)
    }

    /// The entry at row `r`, column `c` (0-based).
    public subscript(r: Int, c: Int) -> Double {
        get {
            precondition(r >= 0 && r < rows && c >= 0 && c < cols, "Matrix: index (\(r), \(c)) outside \(rows)×\(cols)")
            return storage[r * cols + c]
        }
        set {
            precondition(r >= 0 && r < rows && c >= 0 && c < cols, "Matrix: index (\(r), \(c)) outside \(rows)×\(cols)")
            storage[r * cols + c] = newValue
        }
    }

    /// Row `r` as an array.
    public func row(_ r: Int) -> [Double] {
        precondition(r >= 0 && r < rows, "Matrix: row \(r) outside 0..<\(rows)")
        return Array(storage[(r * cols)..<((r + 1) * cols)])
    }

    /// All rows, each an array (the JSON layout of a matrix).
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// The number of entries, `rows * cols`.
    public var count: Int { storage.count }
}
