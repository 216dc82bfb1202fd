/// How a file names and shapes a model's parameters.
public enum ParameterLayout: String, CaseIterable, Sendable {
    /// The trace's names: `W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o` (each W is H × Z, its columns
    /// in the concat order; each b a column of H), head `W_y, b_y` or `W_v, b_v` (K × H, K).
    case ours
    /// A PyTorch `state_dict` of `nn.LSTM` and `nn.Linear`: `weight_ih_l0` (4H × X) and
    /// `weight_hh_l0` (4H × H) stack the gates' blocks in the order i, f, g, o (g is C̃);
    /// `bias_ih_l0` and `bias_hh_l0` (4H) are two biases whose sum is ours; the head is
    /// `<name>.weight` (K × H) and `<name>.bias` (K).
    case pytorch
}

/// The module names of a PyTorch `state_dict`: `lstm` in `lstm.weight_ih_l0` (the `nn.LSTM`),
/// `head` in `head.weight` (the `nn.Linear`). An empty name is a key without a prefix.
public struct PyTorchModules: Sendable, Equatable {
    public var lstm: String, head: String

    public init(lstm: String, head: String) {
        self.lstm = lstm
        self.head = head
    }

    /// The names a key's prefix gives: "rnn." is rnn, "" is none.
    init(lstmPrefix: String, headPrefix: String) {
        func name(_ prefix: String) -> String { prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix }
        self.init(lstm: name(lstmPrefix), head: name(headPrefix))
    }

    public var lstmPrefix: String { lstm.isEmpty ? "" : lstm + "." }
    public var headPrefix: String { head.isEmpty ? "" : head + "." }

    /// What `weights --layout pytorch` writes for a model it drew: a module with
    /// `self.lstm = nn.LSTM(…)` and `self.head = nn.Linear(…)`.
    public static let standard = PyTorchModules(lstm: "lstm", head: "head")

    /// The trace's config keys that record them (`pytorch_lstm`, `pytorch_head`).
    public var settings: [(String, JSONValue)] {
        [("pytorch_lstm", .string(lstm)), ("pytorch_head", .string(head))]
    }

    /// The names a trace's config records, or nil when it records none.
    public init?(recordedIn trace: Trace) {
        guard case .string(let lstm)? = trace.setting("pytorch_lstm"), case .string(let head)? = trace.setting("pytorch_head")
        else { return nil }
        self.init(lstm: lstm, head: head)
    }
}

/// The parameters a file holds, with the sizes its shapes give.
public struct ImportedParameters: Sendable {
    public let layout: ParameterLayout
    /// A PyTorch file's own module names, so that its gradients go back under its own keys.
    public let modules: PyTorchModules?
    /// X, H and K, from the shapes.
    public let input: Int, hidden: Int, output: Int
    /// The head the names fix (`W_v` is a softmax head, `W_y` a linear one); nil when they do
    /// not say (PyTorch's `nn.Linear` could feed either).
    public let head: Head?
    /// Every entry in `ParameterSet.values` order, which does not depend on the concat order
    /// or the loss (each gate matrix is kept as its h-block and x-block).
    let values: [Double]

    /// The parameters for `config`, whose sizes must be these.
    public func parameters(_ config: LSTMConfiguration) -> ParameterSet {
        precondition(config.input == input && config.hidden == hidden && config.output == output,
                     "ImportedParameters: sizes \(input), \(hidden), \(output) for \(config)")
        var p = ParameterSet(zerosFor: config)
        p.values = values
        return p
    }
}

/// Parameters read from, and written as, named arrays in either layout.
public enum ParameterArrays {
    /// PyTorch's gate order within its stacked matrices and biases: i, f, g (= C̃), o.
    public static let pytorchGateOrder: [ParameterName] = [.wi, .wf, .wc, .wo]
    /// Reads parameters from named arrays: PyTorch's layout when a name ends in
    /// `weight_ih_l0`, else ours (names through `LearnerNames`). `concat` is the order of the
    /// columns of W in the file (ours only). Throws a line naming the key and the shape expected.
    public static func read(_ arrays: [(name: String, array: NumpyArray)], concat: ConcatOrder) throws -> ImportedParameters {
        for (name, a) in arrays {
            if let k = a.values.firstIndex(where: { !$0.isFinite }) {
                throw NumpyFileError("\(name)\(NumpyArray.index(k, in: a.shape)) is \(a.values[k]); weights must be finite numbers")
            }
        }
        if arrays.contains(where: { $0.name.hasSuffix("weight_ih_l0") }) { return try readPyTorch(arrays) }
        return try readOurs(arrays, concat: concat)
    }

    private static func readOurs(_ arrays: [(name: String, array: NumpyArray)], concat: ConcatOrder) throws -> ImportedParameters {
        var found: [ParameterName: (name: String, array: NumpyArray)] = [:]
        var head: Head?
        for (name, a) in arrays {
            guard case .parameter(let p) = LearnerNames.resolve(name) else {
                throw NumpyFileError("\(name) is not a parameter; expected \(expectedNames)")
            }
            if let other = found[p] { throw NumpyFileError("\(name) and \(other.name) are the same parameter") }
            found[p] = (name, a)
            if p.isHead {
                let h: Head = ["wv", "bv"].contains(LearnerNames.fold(name)) ? .softmax : .linear
                if let head, head != h { throw NumpyFileError("\(name) belongs to the \(h.rawValue) head, but the file also has the \(head.rawValue) head's names") }
                head = h
            }
        }
        for p in ParameterName.allCases where found[p] == nil {
            throw NumpyFileError("\(p.key(head: head ?? .linear)) is missing; expected \(expectedNames)")
        }
        let wf = found[.wf]!.array
        guard wf.shape.count == 2, wf.shape[1] > wf.shape[0], wf.shape[0] > 0 else {
            throw NumpyFileError("\(found[.wf]!.name) has shape \(NumpyArray.describe(wf.shape)); expected H × Z with Z = H + X > H")
        }
        let wy = found[.wy]!.array
        let H = wf.shape[0], X = wf.shape[1] - H
        guard wy.shape.count == 2, wy.shape[1] == H, wy.shape[0] > 0 else {
            throw NumpyFileError("\(found[.wy]!.name) has shape \(NumpyArray.describe(wy.shape)); expected K × H = K × \(H)")
        }
        let K = wy.shape[0]
        let config = LSTMConfiguration(input: X, hidden: H, output: K, concat: concat)
        var p = ParameterSet(zerosFor: config)
        for name in ParameterName.allCases {
            let (given, a) = found[name]!
            let s = name.shape(config)
            let fits = name.isBias ? a.squeezedShape == [s.rows].filter { $0 != 1 } : a.shape == [s.rows, s.cols]
            guard fits else {
                let expected = name.isBias ? "\(s.rows) (or \(s.rows) × 1)" : "\(s.rows) × \(s.cols)"
                throw NumpyFileError("\(given) has shape \(NumpyArray.describe(a.shape)); expected \(expected), as H = \(H), X = \(X), K = \(K) "
                                     + "from \(found[.wf]!.name) and \(found[.wy]!.name)")
            }
            p[name] = Matrix(rows: s.rows, cols: s.cols, storage: a.values)
        }
        return ImportedParameters(layout: .ours, modules: nil, input: X, hidden: H, output: K, head: head, values: p.values)
    }

    static var expectedNames: String {
        ParameterName.allCases.map { $0.key(head: .linear) }.joined(separator: ", ") + " (or W_v, b_v), or a PyTorch state_dict"
    }

    private static func readPyTorch(_ arrays: [(name: String, array: NumpyArray)]) throws -> ImportedParameters {
        let lstmKey = arrays.first { $0.name.hasSuffix("weight_ih_l0") }!.name
        let prefix = String(lstmKey.dropLast("weight_ih_l0".count))
        var lstm: [String: NumpyArray] = [:]
        var headArrays: [String: (name: String, array: NumpyArray)] = [:]
        for (name, a) in arrays {
            if name.hasPrefix(prefix), ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"].contains(String(name.dropFirst(prefix.count))) {
                lstm[String(name.dropFirst(prefix.count))] = a
            } else if name.hasPrefix(prefix) && name.contains("_l1") {
                throw NumpyFileError("\(name) belongs to a second layer; lstm-trace traces one layer (num_layers=1)")
            } else if name.hasPrefix(prefix) && name.contains("_reverse") {
                throw NumpyFileError("\(name) belongs to a bidirectional LSTM; lstm-trace traces one direction")
            } else if name.hasPrefix(prefix) && name.contains("weight_hr") {
                throw NumpyFileError("\(name) is a projection (proj_size > 0); lstm-trace traces nn.LSTM without one")
            } else if name.hasSuffix("weight") || name.hasSuffix("bias") {
                let module = String(name.dropLast(name.hasSuffix("weight") ? 6 : 4))
                if let other = headArrays.values.first(where: { !$0.name.hasPrefix(module) }) {
                    throw NumpyFileError("\(name) and \(other.name): two output heads; expected one nn.Linear (<name>.weight, <name>.bias)")
                }
                headArrays[name.hasSuffix("weight") ? "weight" : "bias"] = (name, a)
            } else {
                throw NumpyFileError("\(name) is not part of an nn.LSTM state_dict (\(prefix)weight_ih_l0, …) or its nn.Linear head")
            }
        }
        guard let wih = lstm["weight_ih_l0"], let whh = lstm["weight_hh_l0"] else {
            throw NumpyFileError("\(prefix)weight_hh_l0 is missing; expected 4H × H beside \(prefix)weight_ih_l0")
        }
        guard whh.shape.count == 2, whh.shape[0] % 4 == 0, whh.shape[0] > 0, whh.shape[1] * 4 == whh.shape[0] else {
            throw NumpyFileError("\(prefix)weight_hh_l0 is \(NumpyArray.describe(whh.shape)); expected 4H × H")
        }
        let H = whh.shape[1]
        guard wih.shape.count == 2, wih.shape[0] == 4 * H, wih.shape[1] > 0 else {
            throw NumpyFileError("\(prefix)weight_ih_l0 is \(NumpyArray.describe(wih.shape)); expected 4H × X = \(4 * H) × X")
        }
        let X = wih.shape[1]
        var biases: [NumpyArray] = []
        for key in ["bias_ih_l0", "bias_hh_l0"] {
            guard let b = lstm[key] else {
                // nn.LSTM(bias=False) has neither; one without the other is a broken file.
                if lstm["bias_ih_l0"] == nil && lstm["bias_hh_l0"] == nil { continue }
                throw NumpyFileError("\(prefix)\(key) is missing; expected \(4 * H) numbers beside the other bias")
            }
            guard b.squeezedShape == [4 * H] else {
                throw NumpyFileError("\(prefix)\(key) has shape \(NumpyArray.describe(b.shape)); expected 4H = \(4 * H) numbers")
            }
            biases.append(b)
        }
        guard let w = headArrays["weight"], let b = headArrays["bias"] else {
            throw NumpyFileError("no output head: expected <name>.weight (K × \(H)) and <name>.bias (K) of an nn.Linear(\(H), K)")
        }
        guard w.array.shape.count == 2, w.array.shape[1] == H, w.array.shape[0] > 0 else {
            throw NumpyFileError("\(w.name) has shape \(NumpyArray.describe(w.array.shape)); expected K × H = K × \(H)")
        }
        let K = w.array.shape[0]
        guard b.array.squeezedShape == [K].filter({ $0 != 1 }) else {
            throw NumpyFileError("\(b.name) has shape \(NumpyArray.describe(b.array.shape)); expected K = \(K) numbers")
        }
        let config = LSTMConfiguration(input: X, hidden: H, output: K, concat: .hFirst)
        var p = ParameterSet(zerosFor: config)
        let Z = H + X
        for (block, name) in pytorchGateOrder.enumerated() {
            // Our W_g is [W_hh block | W_ih block] (h-first); our b_g = b_ih block + b_hh block.
            var m = Matrix(rows: H, cols: Z)
            for r in 0..<H {
                for c in 0..<H { m[r, c] = whh.values[(block * H + r) * H + c] }
                for c in 0..<X { m[r, H + c] = wih.values[(block * H + r) * X + c] }
            }
            p[name] = m
            p[bias(of: name)] = Matrix(column: (0..<H).map { r in biases.reduce(0.0) { $0 + $1.values[block * H + r] } })
        }
        p[.wy] = Matrix(rows: K, cols: H, storage: w.array.values)
        p[.by] = Matrix(column: b.array.values)
        let modules = PyTorchModules(lstmPrefix: prefix, headPrefix: String(w.name.dropLast("weight".count)))
        return ImportedParameters(layout: .pytorch, modules: modules, input: X, hidden: H, output: K, head: nil, values: p.values)
    }

    /// The bias beside a gate matrix (b_y beside W_y).
    public static func bias(of w: ParameterName) -> ParameterName {
        switch w {
        case .wf: return .bf
        case .wi: return .bi
        case .wc: return .bc
        case .wo: return .bo
        default: return .by
        }
    }

    /// Parameters (or, with `gradient`, their gradients) as named arrays in `layout`.
    ///
    /// Ours: the trace's keys (`dW_f`, … for gradients), W as H × Z in the concat order, b as
    /// H × 1. PyTorch's: `lstm.weight_ih_l0`, … and `head.weight`, `head.bias` (or `modules`'
    /// own names); PyTorch's two
    /// biases add up to ours, so the parameters are written as `bias_ih_l0` = b and
    /// `bias_hh_l0` = 0, while each of the two gradients equals db (∂L/∂b_ih = ∂L/∂b_hh = ∂L/∂b,
    /// because b_ih and b_hh enter only through their sum).
    public static func arrays(_ p: ParameterSet, layout: ParameterLayout, gradient: Bool,
                              modules: PyTorchModules = .standard) -> [(name: String, array: NumpyArray)] {
        let c = p.config, H = c.hidden, X = c.input
        switch layout {
        case .ours:
            return ParameterName.allCases.map { name in
                (gradient ? name.gradientKey(head: c.head) : name.key(head: c.head), NumpyArray(p[name]))
            }
        case .pytorch:
            var wih: [Double] = [], whh: [Double] = [], bih: [Double] = [], bhh: [Double] = []
            for name in pytorchGateOrder {
                let m = p[name], b = p[bias(of: name)].storage
                for r in 0..<H {
                    for k in 0..<c.concatSize {
                        let entry = c.concatEntry(k)
                        if entry.isHidden { whh.append(m[r, k]) }
                    }
                    for k in 0..<c.concatSize where !c.concatEntry(k).isHidden { wih.append(m[r, k]) }
                }
                bih += b
                bhh += gradient ? b : [Double](repeating: 0, count: H)
            }
            let (l, h) = (modules.lstmPrefix, modules.headPrefix)
            return [(l + "weight_ih_l0", NumpyArray(shape: [4 * H, X], values: wih)),
                    (l + "weight_hh_l0", NumpyArray(shape: [4 * H, H], values: whh)),
                    (l + "bias_ih_l0", NumpyArray(vector: bih)), (l + "bias_hh_l0", NumpyArray(vector: bhh)),
                    (h + "weight", NumpyArray(p[.wy])), (h + "bias", NumpyArray(vector: p[.by].storage))]
        }
    }
}
