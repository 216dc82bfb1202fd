/// The parameters of the cell and its head, by the names of the equations.
public enum ParameterName: Int, CaseIterable, Sendable {
    case wf, bf, wi, bi, wc, bc, wo, bo, wy, by

    /// Whether this is a bias (a column, numpy shape `(n, 1)`).
    public var isBias: Bool {
        switch self {
        case .bf, .bi, .bc, .bo, .by: return true
        case .wf, .wi, .wc, .wo, .wy: return false
        }
    }

    /// Whether this belongs to the output head (W_y, b_y; W_v, b_v for the softmax head).
    public var isHead: Bool { self == .wy || self == .by }

    /// Its shape (rows, columns) in a model of this configuration.
    public func shape(_ config: LSTMConfiguration) -> (rows: Int, cols: Int) {
        switch self {
        case .wf, .wi, .wc, .wo: return (config.hidden, config.concatSize)
        case .bf, .bi, .bc, .bo: return (config.hidden, 1)
        case .wy: return (config.output, config.hidden)
        case .by: return (config.output, 1)
        }
    }
}

/// Every parameter of a model in one flat float64 buffer, each tensor a named block of it.
///
/// The same type holds the parameters, their gradients and the optimizer's memory (llm.c's
/// `params`, `grads`, `m`): `grads[.wf]` is the gradient of `params[.wf]`, entry for entry,
/// and an update is one loop over the three buffers.
public struct ParameterSet: Equatable, Sendable {
    /// The model the tensors belong to.
    public let config: LSTMConfiguration
    /// All entries: W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o, W_y, b_y, each row-major.
    public var values: [Double]
    /// Where each tensor starts in `values`, indexed by `ParameterName.rawValue`.
    public let offsets: [Int]

    /// All parameters zero (a gradient or optimizer memory before its first use).
    public init(zerosFor config: LSTMConfiguration) {
        self.config = config
        var offsets: [Int] = []
        var total = 0
        for name in ParameterName.allCases {
            offsets.append(total)
            let s = name.shape(config)
            total += s.rows * s.cols
        }
        self.offsets = offsets
        self.values = [Double](repeating: 0, count: total)
    }

    /// The number of entries of one tensor.
    public func count(of name: ParameterName) -> Int {
        let s = name.shape(config)
        return s.rows * s.cols
    }

    /// The range of `values` that holds one tensor.
    public func range(of name: ParameterName) -> Range<Int> {
        let start = offsets[name.rawValue]
        return start..<(start + count(of: name))
    }

    /// One tensor as a matrix (a bias as a column).
    public subscript(name: ParameterName) -> Matrix {
        get {
            let s = name.shape(config)
            return Matrix(rows: s.rows, cols: s.cols, storage: Array(values[range(of: name)]))
        }
        set {
            let s = name.shape(config)
            precondition(newValue.rows == s.rows && newValue.cols == s.cols,
                         "ParameterSet: \(newValue.rows)×\(newValue.cols) given for a \(s.rows)×\(s.cols) tensor")
            values.replaceSubrange(range(of: name), with: newValue.storage)
        }
    }

    /// Calls `body` with raw views of the tensors (for the kernels, which only read them).
    func withPointers<R>(_ body: (ParameterPointers) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { buffer in
            try body(ParameterPointers(base: UnsafeMutablePointer(mutating: buffer.baseAddress!), offsets: offsets))
        }
    }

    /// Calls `body` with raw views of the tensors that it may write through.
    mutating func withMutablePointers<R>(_ body: (ParameterPointers) throws -> R) rethrows -> R {
        let offsets = self.offsets
        return try values.withUnsafeMutableBufferPointer { buffer in
            try body(ParameterPointers(base: buffer.baseAddress!, offsets: offsets))
        }
    }
}

/// Raw views of the tensors of a `ParameterSet` for the kernels (valid only inside the
/// `withUnsafe…` call that made them).
struct ParameterPointers {
    let wf, bf, wi, bi, wc, bc, wo, bo, wy, by: UnsafeMutablePointer<Double>

    init(base: UnsafeMutablePointer<Double>, offsets: [Int]) {
        func at(_ name: ParameterName) -> UnsafeMutablePointer<Double> { base + offsets[name.rawValue] }
        (wf, bf, wi, bi, wc) = (at(.wf), at(.bf), at(.wi), at(.bi), at(.wc))
        (bc, wo, bo, wy, by) = (at(.bc), at(.wo), at(.bo), at(.wy), at(.by))
    }
}
