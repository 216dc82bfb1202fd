/// An array as numpy holds it: a shape and its entries, as float64, in C order (row-major: the
/// last index runs fastest), which is how `.npy` files, trace files and `Matrix` store them.
///
/// ```
/// shape (T, H)    values[t * H + j] = a[t, j]
/// shape ()        one number (numpy's 0-d array, np.float64(x))
/// ```
public struct NumpyArray: Equatable, Sendable {
    /// The length of each axis (empty for a single number).
    public let shape: [Int]
    /// The entries in C order: the product of `shape` of them.
    public var values: [Double]

    /// An array of the given shape over existing C-ordered entries.
    public init(shape: [Int], values: [Double]) {
        precondition(shape.allSatisfy { $0 >= 0 } && NumpyArray.count(of: shape) == values.count,
                     "NumpyArray: \(values.count) entries do not make shape \(shape)")
        self.shape = shape
        self.values = values
    }

    /// A matrix as a 2-D array (a bias, stored as a column, becomes shape (n, 1)).
    public init(_ m: Matrix) { self.init(shape: [m.rows, m.cols], values: m.storage) }

    /// A vector as a 1-D array.
    public init(vector: [Double]) { self.init(shape: [vector.count], values: vector) }

    /// One number as a 0-d array.
    public init(scalar: Double) { self.init(shape: [], values: [scalar]) }

    /// The number of entries.
    public var count: Int { values.count }

    /// The shape without its axes of length 1 (numpy's `squeeze`): a vector of H stored as
    /// (H,), (H, 1) or (1, H) is the same H numbers in the same order.
    public var squeezedShape: [Int] { shape.filter { $0 != 1 } }

    /// The product of a shape's lengths, or nil when it overflows.
    public static func count(of shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            if overflow || d < 0 { return nil }
            n = p
        }
        return n
    }

    /// A shape for reading: `4 × 7`, `5`, `a single number` for ().
    public static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "a single number" : shape.map(String.init).joined(separator: " × ")
    }

    /// Entry k's index as numpy writes it: `[1][4]` for k = 1 · 5 + 4 in a 2 × 5 array, `` for ().
    public static func index(_ k: Int, in shape: [Int]) -> String {
        var rest = k
        var parts: [Int] = []
        for d in shape.reversed() where d > 0 {
            parts.append(rest % d)
            rest /= d
        }
        return parts.reversed().map { "[\($0)]" }.joined()
    }

    /// The sub-array at index `i` of the first axis (row i of a matrix, step i of a T × H stack).
    public func slice(_ i: Int) -> NumpyArray {
        precondition(!shape.isEmpty && i >= 0 && i < shape[0], "NumpyArray: slice \(i) outside \(shape)")
        let inner = Array(shape.dropFirst())
        let n = NumpyArray.count(of: inner)!
        return NumpyArray(shape: inner, values: Array(values[(i * n)..<((i + 1) * n)]))
    }
}
