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

    /// Whether this is one of the four gate matrices (stored as an h-block and an x-block).
    public var isGateWeight: Bool { !isBias && !isHead }

    /// Its shape (rows, columns) in a model of this configuration.
    public func shape(_ config: LSTMConfiguration) -> (rows: Int, cols: Int) {
        switch self {
        case .wf, .wi, .wc, .wo: return (config.hidden, config.concatSize)
        case .bf, .bi, .bc, .bo: return (config.hidden, 1)
        case .wy: return (config.output, config.hidden)
        case .by: return (config.output, 1)
        }
    }

    /// Its number of entries in a model of this configuration.
    public func count(_ config: LSTMConfiguration) -> Int {
        let s = shape(config)
        return s.rows * s.cols
    }
}

extension LSTMConfiguration {
    /// The number of parameter entries, W_f through b_y.
    public var parameterCount: Int { ParameterName.allCases.reduce(0) { $0 + $1.count(self) } }
}

/// Every parameter of a model in one flat float64 buffer, each tensor a named block of it.
///
/// The same type holds the parameters, their gradients and the optimizer's memory (llm.c's
/// `params`, `grads`, `m`): `grads[.wf]` is the gradient of `params[.wf]`, entry for entry,
/// and an update is one loop over the three buffers.
///
/// Layout: each gate matrix W (H × Z) is stored as its two blocks, W_h (H × H, the columns
/// that meet h_{t−1}) then W_x (H × X, the columns that meet x_t), each row-major, because
/// W · z_t = W_h · h_{t−1} + W_x · x_t is how the cell computes it. `self[.wf]` and the trace
/// files show W as one H × Z matrix with its columns in the concat order.
public struct ParameterSet: Equatable, Sendable {
    /// The model the tensors belong to.
    public let config: LSTMConfiguration
    /// All entries: W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o, W_y, b_y (gate matrices as their
    /// h-block then x-block).
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
            total += name.count(config)
        }
        self.offsets = offsets
        self.values = [Double](repeating: 0, count: total)
    }

    /// The range of `values` that holds one tensor.
    public func range(of name: ParameterName) -> Range<Int> {
        let start = offsets[name.rawValue]
        return start..<(start + name.count(config))
    }

    /// Where entry (row, col) of a tensor lives in `values`; `col` counts the columns of the
    /// H × Z matrix in the concat order.
    public func index(_ name: ParameterName, row: Int, col: Int) -> Int {
        let s = name.shape(config)
        precondition(row >= 0 && row < s.rows && col >= 0 && col < s.cols, "ParameterSet: (\(row), \(col)) outside \(s.rows)×\(s.cols)")
        let start = offsets[name.rawValue]
        guard name.isGateWeight else { return start + row * s.cols + col }
        let H = config.hidden, X = config.input
        let entry = config.concatEntry(col)
        return entry.isHidden ? start + row * H + entry.index : start + H * H + row * X + entry.index
    }

    /// One tensor as a matrix (a bias as a column; a gate matrix as H × Z in the concat order).
    public subscript(name: ParameterName) -> Matrix {
        get {
            let s = name.shape(config)
            var m = Matrix(rows: s.rows, cols: s.cols)
            for r in 0..<s.rows {
                for c in 0..<s.cols { m.storage[r * s.cols + c] = values[index(name, row: r, col: c)] }
            }
            return m
        }
        set {
            let s = name.shape(config)
            precondition(newValue.rows == s.rows && newValue.cols == s.cols,
                         "ParameterSet: \(newValue.rows)×\(newValue.cols) given for a \(s.rows)×\(s.cols) tensor")
            for r in 0..<s.rows {
                for c in 0..<s.cols { values[index(name, row: r, col: c)] = newValue.storage[r * s.cols + c] }
            }
        }
    }

    /// Calls `body` with raw views of the tensors (for the kernels, which only read them).
    func withPointers<R>(_ body: (ParameterPointers) throws -> R) rethrows -> R {
        let config = self.config
        return try values.withUnsafeBufferPointer { buffer in
            try body(ParameterPointers(base: UnsafeMutablePointer(mutating: buffer.baseAddress!), offsets: offsets, config: config))
        }
    }

    /// Calls `body` with raw views of the tensors that it may write through.
    mutating func withMutablePointers<R>(_ body: (ParameterPointers) throws -> R) rethrows -> R {
        let offsets = self.offsets, config = self.config
        return try values.withUnsafeMutableBufferPointer { buffer in
            try body(ParameterPointers(base: buffer.baseAddress!, offsets: offsets, config: config))
        }
    }
}

/// The two blocks of a gate matrix: W_h (H × H, row-major) and W_x (H × X, row-major).
struct GateWeights {
    let h: UnsafeMutablePointer<Double>
    let x: UnsafeMutablePointer<Double>
}

/// Raw views of the tensors of a `ParameterSet` for the kernels (valid only inside the
/// `withUnsafe…` call that made them).
struct ParameterPointers {
    let wf, wi, wc, wo: GateWeights
    let bf, bi, bc, bo, wy, by: UnsafeMutablePointer<Double>

    init(base: UnsafeMutablePointer<Double>, offsets: [Int], config: LSTMConfiguration) {
        func at(_ name: ParameterName) -> UnsafeMutablePointer<Double> { base + offsets[name.rawValue] }
        func gate(_ name: ParameterName) -> GateWeights {
            GateWeights(h: at(name), x: at(name) + config.hidden * config.hidden)
        }
        (wf, wi, wc, wo) = (gate(.wf), gate(.wi), gate(.wc), gate(.wo))
        (bf, bi, bc, bo, wy, by) = (at(.bf), at(.bi), at(.bc), at(.bo), at(.wy), at(.by))
    }
}
