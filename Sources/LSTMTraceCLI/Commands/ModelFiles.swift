import TraceLSTM

/// A size of the model and where it came from, for the messages when two sources disagree:
/// (5, "W_f in 'w.npz'"), (3, "--input").
struct SizeClaim {
    let value: Int
    let source: String
}

/// A learner's own model and data: `--weights`, `--inputs`, `--target`, `--h0`, `--c0`,
/// read and checked against each other. Sizes come from the shapes; the first file that
/// fixes a size fixes it, and any later file that disagrees is refused with one line naming
/// it, the key and the shape expected (65).
struct ModelFiles {
    /// The options, in the order they are read.
    static let names = ["--weights", "--inputs", "--target", "--h0", "--c0"]

    var weights: (path: String, parameters: ImportedParameters)?
    var inputs: (path: String, matrix: Matrix)?
    var target: (path: String, target: Target)?
    var h0: [Double]?, c0: [Double]?
    var paths: [(option: String, path: String)] = []

    /// X, H, K and T as far as the files fix them.
    var input: SizeClaim?, hidden: SizeClaim?, output: SizeClaim?, steps: SizeClaim?

    /// Reads the files given. `concat` is the order of the columns of W in a weights file
    /// that does not say (a whole trace says); `lossOption` is --loss if given.
    init(_ a: ParsedArguments, concat: ConcatOrder, lossOption: LossKind?, outputOption: Int?) throws {
        for name in Self.names { if let p = a.string(name) { paths.append((name, p)) } }
        if let path = a.string("--weights") {
            let (arrays, config) = try ArrayFile.named(path)
            let fileConcat = config?["concat"]?.stringValue.flatMap(ConcatOrder.init(rawValue:)) ?? concat
            let imported = try ArrayFile.reading(path) { try ParameterArrays.read(arrays, concat: fileConcat) }
            weights = (path, imported)
            let (w, wy) = imported.layout == .pytorch ? ("weight_hh_l0 and weight_ih_l0", "the head's weight") : ("W_f", "W_y")
            input = SizeClaim(value: imported.input, source: "\(w) in '\(path)'")
            hidden = SizeClaim(value: imported.hidden, source: "\(w) in '\(path)'")
            output = SizeClaim(value: imported.output, source: "\(wy) in '\(path)'")
        }
        loss = Self.loss(option: lossOption, head: weights?.parameters.head)
        if let path = a.string("--inputs") {
            let x = try ArrayFile.array(path, what: "inputs")
            let s = x.shape
            guard s.count == 2 || (s.count == 3 && s[2] == 1), s[0] > 0, s[1] > 0 else {
                throw CLIError.badData(Text.wrongShape(path, "inputs", s, expected: "T × \(input.map { String($0.value) } ?? "X") (one row x_t per step; or T × X × 1)"))
            }
            try Self.agree(&input, s[1], source: "the inputs '\(path)'", path, "inputs", s, expected: { "T × \($0)" }, symbol: "X")
            steps = SizeClaim(value: s[0], source: "the inputs '\(path)'")
            try ArrayFile.reading(path) { try Self.requireFinite(x, "inputs") }
            inputs = (path, Matrix(rows: s[0], cols: s[1], storage: x.values))
        }
        for (option, what) in [("--h0", "h0"), ("--c0", "c0")] {
            guard let path = a.string(option) else { continue }
            let v = try ArrayFile.array(path, what: what)
            guard v.squeezedShape.count <= 1, v.count > 0 else {
                throw CLIError.badData(Text.wrongShape(path, what, v.shape, expected: "\(hidden.map { String($0.value) } ?? "H") numbers"))
            }
            try Self.agree(&hidden, v.count, source: "\(what) '\(path)'", path, what, v.shape, expected: { "\($0) numbers" }, symbol: "H")
            try ArrayFile.reading(path) { try Self.requireFinite(v, what) }
            if option == "--h0" { h0 = v.values } else { c0 = v.values }
        }
        if let path = a.string("--target") { target = (path, try readTarget(path, outputOption: outputOption)) }
    }

    /// The loss: --loss, else what the weights' names suggest (W_v, b_v: cross-entropy), else
    /// mse-last. The names only suggest: a learner's softmax head called W_y is read as W_v
    /// under --loss cross-entropy.
    let loss: LossKind

    private static func loss(option: LossKind?, head: Head?) -> LossKind {
        option ?? (head == .softmax ? .crossEntropy : .mseLast)
    }

    /// Records a size, or checks it against the one already fixed.
    private static func agree(_ claim: inout SizeClaim?, _ value: Int, source: String, _ path: String, _ what: String, _ shape: [Int],
                              expected: (Int) -> String, symbol: String) throws {
        if let known = claim, known.value != value {
            throw CLIError.badData(Text.wrongShape(path, what, shape, expected: expected(known.value) + " (\(symbol) = \(known.value) from \(known.source))"))
        }
        if claim == nil { claim = SizeClaim(value: value, source: source) }
    }

    private static func requireFinite(_ a: NumpyArray, _ what: String) throws {
        if let k = a.values.firstIndex(where: { !$0.isFinite }) {
            throw NumpyFileError("\(what)\(NumpyArray.index(k, in: a.shape)) is \(a.values[k]); expected finite numbers")
        }
    }

    /// The target in the shape the loss asks for: K values (mse-last), T × K (mse-all), T class
    /// indices (cross-entropy).
    private mutating func readTarget(_ path: String, outputOption: Int?) throws -> Target {
        let y = try ArrayFile.array(path, what: "target")
        try ArrayFile.reading(path) { try Self.requireFinite(y, "target") }
        let s = y.shape, source = "the target '\(path)'"
        let k = output.map { String($0.value) } ?? "K", t = steps.map { String($0.value) } ?? "T"
        switch loss {
        case .mseLast:
            guard y.squeezedShape.count <= 1, y.count > 0 else {
                throw CLIError.badData(Text.wrongShape(path, "target", s, expected: "\(k) numbers for mse-last (Y; one target per step is --loss mse-all)"))
            }
            try Self.agree(&output, y.count, source: source, path, "target", s, expected: { "\($0) numbers for mse-last" }, symbol: "K")
            return .last(y.values)
        case .mseAll:
            let rows = s.first ?? 0, cols = s.count >= 2 ? s[1] : 1
            guard (s.count == 1 || s.count == 2 || (s.count == 3 && s[2] == 1)), rows > 0, cols > 0 else {
                throw CLIError.badData(Text.wrongShape(path, "target", s, expected: "\(t) × \(k) for mse-all (one row Y_t per step)"))
            }
            try Self.agree(&steps, rows, source: source, path, "target", s, expected: { "\($0) × \(k) for mse-all" }, symbol: "T")
            try Self.agree(&output, cols, source: source, path, "target", s, expected: { "\(t) × \($0) for mse-all" }, symbol: "K")
            return .everyStep(Matrix(rows: rows, cols: cols, storage: y.values))
        case .crossEntropy:
            guard y.squeezedShape.count <= 1, y.count > 0 else {
                throw CLIError.badData(Text.wrongShape(path, "target", s, expected: "\(t) class indices for cross-entropy (one per step)"))
            }
            try Self.agree(&steps, y.count, source: source, path, "target", s, expected: { "\($0) class indices" }, symbol: "T")
            let K = output?.value ?? outputOption ?? ModelOptions.defaultOutput
            let from = output?.source ?? (outputOption != nil ? "--output" : "the default --output")
            if let bad = y.values.firstIndex(where: { $0 != $0.rounded() || $0 < 0 || $0 >= Double(K) }) {
                throw CLIError.badData(Text.badArrayFile(path, "target[\(bad)] is \(NumberFormat.exact(y.values[bad])); expected a class index, "
                                                         + "a whole number from 0 to \(K - 1) (K = \(K) from \(from))"))
            }
            return .classes(y.values.map { Int($0) })
        }
    }

    /// What the files put in a trace's config: where each part came from.
    var settings: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for (option, path) in paths { out.append((String(option.dropFirst(2)), .string(path))) }
        if let w = weights {
            out.append(("weights_layout", .string(w.parameters.layout.rawValue)))
            if let m = w.parameters.modules {
                out += [("biases", .string(Text.pytorchBiasesSummed))] + m.settings
            }
        }
        return out
    }
}
