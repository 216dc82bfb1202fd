/// One key of a comparison of two trace files.
public struct TraceDifference: Sendable {
    /// The key: `parameters.W_f`, `forward.f`, `backward.dC`, `gradients.dW_o`, `target`, `loss`.
    public let key: String
    /// The worst relative difference max|a − b| / max(|a|, |b|) over the key's entries (per
    /// step for per-step keys), or nil when the key is in one file only.
    public let relative: Double?
    /// Where the worst entry is: `t=3 [2]`, `[1][4]`.
    public let location: String
    /// The two values there.
    public let a: Double, b: Double
    /// Why there is no number (`only in A`, `shapes differ`).
    public let note: String
}

/// Compares two traces in the spec's JSON layout key by key, as `lstm-trace compare` does.
///
/// The relative difference of a vector (one key at one step) is normwise:
/// max_k |a_k − b_k| / max(max_k |a_k|, max_k |b_k|), 0 when both are all zero. An entry
/// that is small because of cancellation therefore does not read as a large error.
public enum TraceComparison {
    /// Every key of the spec, in the spec's order; keys absent from both files are left out.
    public static func compare(_ a: JSONValue, _ b: JSONValue) -> [TraceDifference] {
        var out: [TraceDifference] = []
        func tensors(_ section: String) {
            let ka = a[section]?.objectValue?.map(\.0) ?? [], kb = b[section]?.objectValue?.map(\.0) ?? []
            for key in ka + kb.filter({ !ka.contains($0) }) {
                out.append(difference("\(section).\(key)", [(nil, a[section]?[key])], [(nil, b[section]?[key])]))
            }
        }
        func steps(_ section: String, _ keys: [String]) {
            let sa = a[section]?.arrayValue ?? [], sb = b[section]?.arrayValue ?? []
            for key in keys {
                let va = sa.map { ($0["t"]?.intValue, $0[key]) }.filter { $0.1 != nil }
                let vb = sb.map { ($0["t"]?.intValue, $0[key]) }.filter { $0.1 != nil }
                if va.isEmpty && vb.isEmpty { continue }
                out.append(difference("\(section).\(key)", va, vb))
            }
        }
        tensors("parameters")
        steps("forward", Quantity.forwardOrder.map(\.key))
        if a["target"] != nil || b["target"] != nil { out.append(difference("target", [(nil, a["target"])], [(nil, b["target"])])) }
        if a["loss"] != nil || b["loss"] != nil { out.append(difference("loss", [(nil, a["loss"])], [(nil, b["loss"])])) }
        steps("backward", Quantity.backwardOrder.map(\.key))
        tensors("gradients")
        tensors("clipped")
        return out
    }

    /// Flattens a number, an array of numbers, or an array of rows; nil for anything else.
    static func flatten(_ v: JSONValue) -> (values: [Double], cols: Int)? {
        if let d = v.doubleValue { return ([d], 1) }
        guard let items = v.arrayValue else { return nil }
        if let flat = v.numberArray { return (flat, 1) }
        var values: [Double] = []
        var cols = 0
        for item in items {
            guard let row = item.numberArray else { return nil }
            cols = row.count
            values += row
        }
        return (values, max(cols, 1))
    }

    private static func difference(_ key: String, _ a: [(Int?, JSONValue?)], _ b: [(Int?, JSONValue?)]) -> TraceDifference {
        let hasA = a.contains { $0.1 != nil }, hasB = b.contains { $0.1 != nil }
        if !hasA || !hasB {
            return TraceDifference(key: key, relative: nil, location: "", a: 0, b: 0, note: hasA ? "only in A" : "only in B")
        }
        guard a.count == b.count else {
            return TraceDifference(key: key, relative: .infinity, location: "", a: 0, b: 0,
                                   note: "\(a.count) steps in A, \(b.count) in B")
        }
        var worst = TraceDifference(key: key, relative: 0, location: "", a: 0, b: 0, note: "")
        for ((t, va), (_, vb)) in zip(a, b) {
            guard let fa = va.flatMap(flatten), let fb = vb.flatMap(flatten), fa.values.count == fb.values.count else {
                return TraceDifference(key: key, relative: .infinity, location: t.map { "t=\($0)" } ?? "", a: 0, b: 0,
                                       note: "shapes differ")
            }
            var scale = 0.0, maxDiff = -1.0, at = 0
            for k in 0..<fa.values.count {
                scale = Swift.max(scale, Swift.abs(fa.values[k]), Swift.abs(fb.values[k]))
                let d = Swift.abs(fa.values[k] - fb.values[k])
                if d > maxDiff || d.isNaN {
                    maxDiff = d
                    at = k
                }
            }
            let rel = maxDiff.isNaN ? Double.infinity : scale == 0 ? 0 : maxDiff / scale
            if rel > worst.relative! || (rel == 0 && worst.location.isEmpty) {
                var location = t.map { "t=\($0) " } ?? ""
                location += fa.cols > 1 ? "[\(at / fa.cols)][\(at % fa.cols)]" : "[\(at)]"
                worst = TraceDifference(key: key, relative: rel, location: location, a: fa.values[at], b: fb.values[at], note: "")
            }
        }
        return worst
    }
}
