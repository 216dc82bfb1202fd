/// The inputs x_1 … x_T of a sequence.
public enum SequenceInput: Equatable, Sendable {
    /// Dense inputs: row t−1 of the T × X matrix is x_t (the tutorial's `X[t-1]`).
    case dense(Matrix)
    /// One-hot inputs (the notebook's characters): x_t is all zeros but a 1 at index
    /// `indices[t−1]`, among `classes` entries.
    case oneHot(indices: [Int], classes: Int)

    /// T, the number of steps.
    public var steps: Int {
        switch self {
        case .dense(let m): return m.rows
        case .oneHot(let indices, _): return indices.count
        }
    }

    /// X, the size of each x_t.
    public var size: Int {
        switch self {
        case .dense(let m): return m.cols
        case .oneHot(_, let classes): return classes
        }
    }

    /// The same inputs as a dense T × X matrix.
    public var denseMatrix: Matrix {
        switch self {
        case .dense(let m): return m
        case .oneHot(let indices, let classes):
            var m = Matrix(rows: indices.count, cols: classes)
            for (t, k) in indices.enumerated() { m[t, k] = 1 }
            return m
        }
    }
}

/// What the loss compares the outputs with.
public enum Target: Equatable, Sendable {
    /// `mse-last`: the K values Y that y_T should equal.
    case last([Double])
    /// `mse-all`: row t−1 of the T × K matrix is the target of y_t.
    case everyStep(Matrix)
    /// `cross-entropy`: the class index (0-based) that y_t should give the most probability.
    case classes([Int])
}
