/// When two numbers (and two vectors) agree: |a − b| ≤ absolute + relative · scale, where the
/// scale is the largest finite magnitude in either vector (normwise, so an entry that is small
/// by cancellation does not read as a large error). NaN and ±∞ agree only with themselves;
/// never with a finite number.
public struct ComparisonTolerance: Sendable {
    public var relative: Double
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Compares two vectors of the same length: whether they differ, the normwise relative
    /// difference max|a − b| / scale (∞ where a non-finite number meets another value), and
    /// the entry with the largest difference.
    public func compare(_ a: [Double], _ b: [Double]) -> (differs: Bool, relative: Double, worst: Int) {
        precondition(a.count == b.count, "ComparisonTolerance: \(a.count) against \(b.count) entries")
        var scale = 0.0
        for v in a where v.isFinite { scale = Swift.max(scale, Swift.abs(v)) }
        for v in b where v.isFinite { scale = Swift.max(scale, Swift.abs(v)) }
        var largest = 0.0, worst = 0
        for k in 0..<a.count {
            let d: Double
            if a[k].isFinite && b[k].isFinite {
                d = Swift.abs(a[k] - b[k])
            } else {
                d = a[k] == b[k] || (a[k].isNaN && b[k].isNaN) ? 0 : .infinity
            }
            if d > largest {
                largest = d
                worst = k
            }
        }
        let relativeDifference = largest == 0 ? 0 : scale > 0 ? largest / scale : .infinity
        return (largest > absolute + relative * scale, relativeDifference, worst)
    }
}

/// One key of a comparison: its worst entry over the steps and entries.
public struct KeyComparison: Sendable {
    public enum Status: Sendable, Equatable {
        /// Every compared entry agrees.
        case agree
        /// A value, a shape or the set of steps differs.
        case differ
        /// The key is in one file only (not counted as a difference).
        case onlyInA, onlyInB
    }

    public let key: TraceKey
    /// `parameters.W_f`, `forward.f`, `target`, `loss`, `backward.dC`, `gradients.dW_f`.
    public let label: String
    public let status: Status
    /// The worst normwise relative difference (nil when no values were compared).
    public let relative: Double?
    /// Where the worst entry is: `t=3 [2]`, `[1][4]`.
    public let location: String
    /// The two values there.
    public let a: Double?, b: Double?
    /// Shapes or steps that differ, in words: `4 × 7 in A, 7 × 4 in B`.
    public let note: String
}

/// The result of comparing two files.
public struct ComparisonReport: Sendable {
    /// Every key in either file, in the order of the computation.
    public let rows: [KeyComparison]
    /// Lines on settings of the two configs that differ (concat order, head, loss).
    public let warnings: [String]
    /// `A has 4 steps, B has 2`, when the files hold different steps.
    public let steps: String?
    /// The first quantity in the order of the computation that differs, with its step, index,
    /// both values, its equation and which of its inputs agree; nil when nothing differs.
    public let firstDifference: String?

    /// Keys compared (in both files).
    public var compared: Int { rows.filter { $0.status == .agree || $0.status == .differ }.count }
    /// Keys that differ.
    public var differing: Int { rows.filter { $0.status == .differ }.count }
    /// Whether anything differs (a key, or the steps).
    public var differs: Bool { differing > 0 || steps != nil }
}

/// Compares two files of a trace's numbers key by key, as `lstm-trace compare` does, and finds
/// where the two computations part.
public enum TraceComparison {
    /// The keys in the order of the computation: what it starts from (the parameters and the
    /// target), the forward pass step by step, the loss, the backward pass from the last step,
    /// the parameter gradients.
    static let wholeBefore: [TraceKey] = ParameterName.allCases.map { .parameter($0) } + [.target]
    static let wholeMiddle: [TraceKey] = [.loss]
    static let wholeAfter: [TraceKey] = ParameterName.allCases.map { .gradient($0) } + ParameterName.allCases.map { .clipped($0) }

    public static func compare(_ a: ComparisonSide, _ b: ComparisonSide, tolerance: ComparisonTolerance) -> ComparisonReport {
        let config = modelConfig(a, b)
        var rows: [KeyComparison] = []
        for key in wholeBefore { rows += wholeRow(key, a, b, tolerance, config).map { [$0] } ?? [] }
        for q in Quantity.forwardOrder { rows += stepRow(q, a, b, tolerance, config).map { [$0] } ?? [] }
        for key in wholeMiddle { rows += wholeRow(key, a, b, tolerance, config).map { [$0] } ?? [] }
        for q in Quantity.backwardOrder { rows += stepRow(q, a, b, tolerance, config).map { [$0] } ?? [] }
        for key in wholeAfter { rows += wholeRow(key, a, b, tolerance, config).map { [$0] } ?? [] }

        var warnings: [String] = []
        for (setting, what) in [("concat", "concat orders"), ("head", "heads"), ("loss", "losses")] {
            if let x = a.setting(setting), let y = b.setting(setting), x != y {
                warnings.append("Warning: the \(what) differ: A's is \(x), B's is \(y).")
            }
        }
        let (sa, sb) = (a.stepNumbers, b.stepNumbers)
        let steps = !sa.isEmpty && !sb.isEmpty && sa != sb
            ? (sa.count != sb.count ? "A has \(sa.count) step\(sa.count == 1 ? "" : "s"), B has \(sb.count)" + stepCountCulprit(a, b)
                : "A has steps \(describe(sa)), B has \(describe(sb))")
            : nil
        return ComparisonReport(rows: rows, warnings: warnings, steps: steps,
                                firstDifference: FirstDifference.find(a, b, tolerance, config, steps: steps))
    }

    /// Which quantity gives a file its extra steps, by the file's own name, when the step counts
    /// differ: `: B's hidden (h) has 6, A's 5; a list that starts with h_0 has one row more than
    /// h_1 … h_T`. Named when another quantity has every step of the shorter file in both files,
    /// or when it is h or C with one row more (a list that kept h_0 or C_0); two runs of
    /// different lengths name none.
    static func stepCountCulprit(_ a: ComparisonSide, _ b: ComparisonSide) -> String {
        func count(_ side: ComparisonSide, _ q: Quantity) -> Int { side.steps[q]?.count ?? 0 }
        func name(_ side: ComparisonSide, _ q: Quantity) -> String {
            guard let given = side.matched.first(where: { $0.key == .quantity(q) })?.name, given != q.key else { return q.key }
            return "\(given) (\(q.key))"
        }
        let shared = (Quantity.forwardOrder + Quantity.backwardOrder).filter { count(a, $0) > 0 && count(b, $0) > 0 }
        let differing = shared.filter { count(a, $0) != count(b, $0) }
        guard let q = differing.first else { return "" }
        let (na, nb) = (count(a, q), count(b, q))
        let (more, fewer, side, label) = na > nb ? (na, nb, a, "A") : (nb, na, b, "B")
        let keptInitialState = more == fewer + 1 && [.h, .c].contains(q)
        let shorter = min(a.stepNumbers.count, b.stepNumbers.count)
        let othersAgree = shared.contains { count(a, $0) == shorter && count(b, $0) == shorter }
        guard othersAgree || keptInitialState else { return "" }
        var line = ": \(label)'s \(name(side, q)) has \(more), \(label == "A" ? "B" : "A")'s \(fewer)"
        if keptInitialState {
            line += "; a list that starts with \(q == .h ? "h_0" : "C_0") has one row more than \(q == .h ? "h_1 … h_T" : "C_1 … C_T")"
        }
        return line
    }

    /// The model whose equations the explanations quote: A's config, else B's, else what the
    /// keys suggest (a softmax head where `v` or `W_v` appears).
    static func modelConfig(_ a: ComparisonSide, _ b: ComparisonSide) -> LSTMConfiguration {
        let concat = (a.setting("concat") ?? b.setting("concat")).flatMap(ConcatOrder.init(rawValue:)) ?? .hFirst
        let softmax = a.has(.quantity(.v)) || b.has(.quantity(.v)) || a.has(.quantity(.dv)) || b.has(.quantity(.dv))
        let loss = (a.setting("loss") ?? b.setting("loss")).flatMap(LossKind.init(rawValue:)) ?? (softmax ? .crossEntropy : .mseLast)
        return LSTMConfiguration(input: 1, hidden: 1, output: 1, concat: concat, loss: loss)
    }

    /// The table's name of a key: `parameters.W_f`, `forward.f`, `backward.dC`, `target`.
    static func label(_ key: TraceKey, head: Head) -> String {
        switch key {
        case .quantity(let q): return (q.isGradient ? "backward." : "forward.") + q.key
        case .parameter(let p): return "parameters." + p.key(head: head)
        case .gradient(let p): return "gradients." + p.gradientKey(head: head)
        case .clipped(let p): return "clipped." + p.gradientKey(head: head)
        case .target: return "target"
        case .loss: return "loss"
        }
    }

    /// Step numbers for reading: `1…4`, or `1, 3, 4`.
    static func describe(_ steps: [Int]) -> String {
        guard let first = steps.first, let last = steps.last else { return "none" }
        return last - first + 1 == steps.count && steps.count > 2 ? "\(first)…\(last)" : steps.map(String.init).joined(separator: ", ")
    }

    /// Shapes in words: `4 × 7 in A, 7 × 4 in B`.
    static func shapes(_ a: NumpyArray, _ b: NumpyArray) -> String {
        "\(NumpyArray.describe(a.shape)) in A, \(NumpyArray.describe(b.shape)) in B"
    }

    private static func wholeRow(_ key: TraceKey, _ a: ComparisonSide, _ b: ComparisonSide, _ tol: ComparisonTolerance,
                                 _ config: LSTMConfiguration) -> KeyComparison? {
        let name = label(key, head: config.head)
        switch (a.tensors[key], b.tensors[key]) {
        case (nil, nil): return nil
        case (_, nil): return KeyComparison(key: key, label: name, status: .onlyInA, relative: nil, location: "", a: nil, b: nil, note: "only in A")
        case (nil, _): return KeyComparison(key: key, label: name, status: .onlyInB, relative: nil, location: "", a: nil, b: nil, note: "only in B")
        case let (x?, y?):
            guard x.squeezedShape == y.squeezedShape else {
                return KeyComparison(key: key, label: name, status: .differ, relative: nil, location: "", a: nil, b: nil, note: shapes(x, y))
            }
            let c = tol.compare(x.values, y.values)
            let at = x.count == 0 ? nil : c.worst
            return KeyComparison(key: key, label: name, status: c.differs ? .differ : .agree, relative: c.relative,
                                 location: at.map { NumpyArray.index($0, in: x.shape) } ?? "", a: at.map { x.values[$0] },
                                 b: at.map { y.values[$0] }, note: "")
        }
    }

    private static func stepRow(_ q: Quantity, _ a: ComparisonSide, _ b: ComparisonSide, _ tol: ComparisonTolerance,
                                _ config: LSTMConfiguration) -> KeyComparison? {
        let key = TraceKey.quantity(q), name = label(key, head: config.head)
        let sa = a.steps[q] ?? [:], sb = b.steps[q] ?? [:]
        if sa.isEmpty && sb.isEmpty { return nil }
        if sb.isEmpty { return KeyComparison(key: key, label: name, status: .onlyInA, relative: nil, location: "", a: nil, b: nil, note: "only in A") }
        if sa.isEmpty { return KeyComparison(key: key, label: name, status: .onlyInB, relative: nil, location: "", a: nil, b: nil, note: "only in B") }
        var notes: [String] = []
        var differs = false
        if Set(sa.keys) != Set(sb.keys) {
            notes.append("steps \(describe(sa.keys.sorted())) in A, \(describe(sb.keys.sorted())) in B")
            // mse-last has a loss term at t = T only, which a learner may write as T terms, zero
            // before T: the steps both have are compared, and the sets alone are no difference.
            differs = q != .loss
        }
        var worst: (relative: Double, t: Int, k: Int, shape: [Int], a: Double, b: Double)?
        for t in Set(sa.keys).intersection(sb.keys).sorted() {
            let (x, y) = (sa[t]!, sb[t]!)
            guard x.squeezedShape == y.squeezedShape else {
                if !differs || notes.count < 2 { notes.append("t=\(t): " + shapes(x, y)) }
                differs = true
                continue
            }
            let c = tol.compare(x.values, y.values)
            differs = differs || c.differs
            if x.count > 0, worst == nil || c.relative > worst!.relative {
                worst = (c.relative, t, c.worst, x.shape, x.values[c.worst], y.values[c.worst])
            }
        }
        return KeyComparison(key: key, label: name, status: differs ? .differ : .agree, relative: worst?.relative,
                             location: worst.map { "t=\($0.t) " + NumpyArray.index($0.k, in: $0.shape.filter { $0 != 1 }) } ?? "",
                             a: worst?.a, b: worst?.b, note: notes.joined(separator: "; "))
    }
}
