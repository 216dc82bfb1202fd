/// The numbers the cell diagram shows for one step of a trace: the trace's own vectors, and
/// four the trace does not store (`CellDiagram.DerivedKey`): dx_t, the x_t part of dz_t;
/// d tanh(C_t) = dh_t ⊙ o_t; and dh_next, dC_next, what step t + 1 handed back (zero at the
/// last step). The explorer's script derives the same four the same way (explorer-trace.js).
public struct DiagramValues: Sendable {
    public let trace: Trace
    /// The step, from 1.
    public let t: Int

    public init(trace: Trace, t: Int) {
        precondition(t >= 1 && t <= trace.steps.count, "DiagramValues: step \(t) is not in 1…\(trace.steps.count)")
        self.trace = trace
        self.t = t
    }

    /// The vector of a trace key (or a derived key) at this step.
    public func vector(_ key: String) -> [Double]? {
        let step = trace.steps[t - 1]
        if let q = Quantity(key: key) { return step[q] }
        switch key {
        case CellDiagram.DerivedKey.dx:
            guard let dz = step[.dz] else { return nil }
            let from = trace.config.xOffset
            return Array(dz[from..<from + trace.config.input])
        case CellDiagram.DerivedKey.dTanhC:
            guard let dh = step[.dh], let o = step[.o] else { return nil }
            return zip(dh, o).map { $0 * $1 }
        case CellDiagram.DerivedKey.dhNext, CellDiagram.DerivedKey.dCNext:
            guard trace.hasBackward else { return nil }
            if t == trace.steps.count { return Array(repeating: 0, count: trace.config.hidden) }
            return trace.steps[t][key == CellDiagram.DerivedKey.dhNext ? .dhPrev : .dCPrev]
        default:
            return nil
        }
    }

    /// The entry a line shows: unit j, the largest or second largest magnitude (the lower
    /// index on a tie), or the target class.
    public func index(_ slot: CellDiagram.Slot, of key: String, unit j: Int) -> Int? {
        switch slot {
        case .unit:
            return j
        case .rank0, .rank1:
            guard let v = vector(key) else { return nil }
            let order = v.indices.sorted { abs(v[$0]) > abs(v[$1]) || (abs(v[$0]) == abs(v[$1]) && $0 < $1) }
            let rank = slot == .rank0 ? 0 : 1
            return rank < order.count ? order[rank] : nil
        case .target:
            if case .classes(let c) = trace.target { return c[t - 1] }
            return nil
        }
    }

    /// The trace's vocabulary (train --trace-iteration writes it into the config), if any.
    public static func vocabulary(_ trace: Trace) -> [Character]? {
        guard case .string(let s)? = trace.setting("vocabulary") else { return nil }
        return Array(s)
    }

    /// How a class is named: its character in quotes (“e”, with ␣ for a space and ↵ for a
    /// newline) when the trace has a vocabulary, else "class 3".
    public static func className(_ k: Int, vocabulary: [Character]?) -> String {
        guard let vocabulary, k >= 0, k < vocabulary.count else { return "class \(k)" }
        return "“" + visible(vocabulary[k]) + "”"
    }

    /// A character as it can be seen: ␣ for a space, ↵ for a newline, ⇥ for a tab.
    public static func visible(_ c: Character) -> String {
        switch c {
        case " ": return "␣"
        case "\n", "\r\n": return "↵"
        case "\t": return "⇥"
        default: return String(c)
        }
    }
}
