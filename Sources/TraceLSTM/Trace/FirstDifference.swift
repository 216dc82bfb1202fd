/// The first place where two computations part: the first quantity, in the order the
/// computation makes them, whose values (or shape) differ, told with its step, index, both
/// values, its equation and which of its inputs still agree. Where every input of that
/// equation agrees and its result does not, the equation itself is where the two differ:
/// "first difference: backward t = 4, dC_prev[0]: 0.612 vs 0.403; dC_{t−1} = f_t ⊙ dC_t, and
/// f_t and dC_t agree here, so this line is where the two computations part."
enum FirstDifference {
    /// A place in the computation: a key, at a step for per-step quantities.
    struct Cell {
        let key: TraceKey
        let t: Int?
    }

    /// What two files hold at a cell.
    enum Outcome {
        case missing(inA: Bool, inB: Bool)
        case agree
        case differ(index: String, a: Double, b: Double)
        case shapes(String)
    }

    static func outcome(_ cell: Cell, _ a: ComparisonSide, _ b: ComparisonSide, _ tol: ComparisonTolerance) -> Outcome {
        let (x, y): (NumpyArray?, NumpyArray?)
        if case .quantity(let q) = cell.key, let t = cell.t {
            (x, y) = (a.steps[q]?[t], b.steps[q]?[t])
        } else {
            (x, y) = (a.tensors[cell.key], b.tensors[cell.key])
        }
        guard let x, let y else { return .missing(inA: x != nil, inB: y != nil) }
        guard x.squeezedShape == y.squeezedShape else { return .shapes(TraceComparison.shapes(x, y)) }
        let c = tol.compare(x.values, y.values)
        guard c.differs else { return .agree }
        let shape = cell.t == nil ? x.shape : x.squeezedShape
        return .differ(index: NumpyArray.index(c.worst, in: shape), a: x.values[c.worst], b: y.values[c.worst])
    }

    /// The sentence for the first cell that differs, or nil.
    static func find(_ a: ComparisonSide, _ b: ComparisonSide, _ tol: ComparisonTolerance, _ config: LSTMConfiguration,
                     steps: String?) -> String? {
        let T = max(a.stepNumbers.last ?? 0, b.stepNumbers.last ?? 0)
        var cells = TraceComparison.wholeBefore.map { Cell(key: $0, t: nil) }
        let forward = T == 0 ? [] : (1...T).flatMap { t in Quantity.forwardOrder.map { Cell(key: .quantity($0), t: t) } }
        let backward = T == 0 ? [] : (1...T).reversed().flatMap { t in Quantity.backwardOrder.map { Cell(key: .quantity($0), t: t) } }
        let before = cells.count
        cells += forward + TraceComparison.wholeMiddle.map { Cell(key: $0, t: nil) } + backward
        cells += TraceComparison.wholeAfter.map { Cell(key: $0, t: nil) }
        for (n, cell) in cells.enumerated() {
            if n == before, let steps {
                return "first difference: \(steps); the two files are not runs of the same sequence."
            }
            switch outcome(cell, a, b, tol) {
            case .missing, .agree: continue
            case .shapes(let s):
                return "first difference: \(place(cell, config)), \(name(cell.key, config)): \(s)."
            case let .differ(index, x, y):
                return "first difference: \(place(cell, config)), \(name(cell.key, config))\(index): "
                    + "\(NumberFormat.display(x)) vs \(NumberFormat.display(y)); " + explanation(cell, a, b, tol, config, T: T)
            }
        }
        return nil
    }

    static func place(_ cell: Cell, _ config: LSTMConfiguration) -> String {
        switch cell.key {
        case .quantity(let q): return (q.isGradient ? "backward" : "forward") + " t = \(cell.t!)"
        case .parameter: return "parameters"
        case .gradient: return "gradients"
        case .clipped: return "clipped gradients"
        case .target: return "target"
        case .loss: return "loss"
        }
    }

    static func name(_ key: TraceKey, _ config: LSTMConfiguration) -> String {
        if case .quantity(let q) = key { return q.key }
        return key.flatName(head: config.head)
    }

    /// The equation, and what its inputs show.
    static func explanation(_ cell: Cell, _ a: ComparisonSide, _ b: ComparisonSide, _ tol: ComparisonTolerance,
                            _ config: LSTMConfiguration, T: Int) -> String {
        let t = cell.t ?? 0
        switch cell.key {
        case .parameter: return "the two files hold different parameters, so every value computed from them differs too."
        case .target: return "the two runs compare their outputs with different targets."
        case .quantity(.x): return "the two runs read different inputs x_t."
        case .quantity(.hPrev) where t == 1: return "the two runs start from different initial states h_0."
        case .quantity(.cPrev) where t == 1: return "the two runs start from different initial states C_0."
        default: break
        }
        let equation = cell.key.equation(config) ?? name(cell.key, config)
        var agree: [String] = [], differ: [String] = []
        var missingFrom: [(side: String, names: [String])] = []
        for dependency in cell.key.inputs(config) {
            let steps: [Int?]
            switch dependency.step {
            case .same: steps = [t]
            case .previous: steps = t > 1 ? [t - 1] : []
            case .next: steps = t < T ? [t + 1] : []
            case .every: steps = Array(Set(a.stepNumbers).intersection(b.stepNumbers)).sorted()
            case .none: steps = [nil]
            }
            if steps.isEmpty { continue }  // dh_next at t = T, h_{t−1} at t = 1: zero or given
            let outcomes = steps.map { outcome(Cell(key: dependency.key, t: $0), a, b, tol) }
            let text = dependency.text(head: config.head)
            if let m = outcomes.lazy.compactMap({ o -> String? in
                if case let .missing(inA, inB) = o { return !inA && !inB ? "either file" : inA ? "B" : "A" }
                return nil
            }).first {
                if let k = missingFrom.firstIndex(where: { $0.side == m }) { missingFrom[k].names.append(text) } else { missingFrom.append((m, [text])) }
            } else if outcomes.allSatisfy({ if case .agree = $0 { return true }; return false }) {
                agree.append(text)
            } else {
                differ.append(text)
            }
        }
        let missing = missingFrom.map { "\(list($0.names)) \($0.names.count == 1 ? "is" : "are") not in \($0.side)" }
        var s = equation
        if !agree.isEmpty { s += (missing.isEmpty && differ.isEmpty ? ", and " : "; ") + list(agree) + (agree.count == 1 ? " agrees" : " agree") + " here" }
        if !differ.isEmpty { s += (agree.isEmpty ? "; " : ", but ") + list(differ) + (differ.count == 1 ? " differs" : " differ") + " as well" }
        if !missing.isEmpty {
            s += (agree.isEmpty && differ.isEmpty ? "; " : ", but ") + list(missing)
            return s + ", so the difference may begin there."
        }
        if !differ.isEmpty { return s + "." }
        return s + ", so this line is where the two computations part."
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
