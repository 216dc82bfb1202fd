/// A trace as tidy CSV (RFC 4180), one value a row:
/// ```
/// phase,t,quantity,row,col,value
/// forward,1,f,0,0,0.52497918747894
/// gradient,,dW_f,4,7,-0.0012
/// ```
/// `phase` is `parameter`, `forward`, `backward`, `gradient`, and also `target` (the loss's
/// target), `total` (the sequence's loss L, `total,,loss,0,0,…`) and `clipped` (gradients after
/// clipping, where a run clips); `t` is empty where it has no meaning, so that every `forward`
/// and `backward` row has its step. Values are full precision.
public enum TraceCSV {
    /// The column names.
    public static let header = "phase,t,quantity,row,col,value"

    /// The CSV text.
    public static func string(_ trace: Trace) -> String {
        var out = header + "\r\n"
        out.reserveCapacity(64 * (trace.parameters.values.count * 2 + trace.steps.count * 40 * trace.config.hidden))
        func row(_ phase: String, _ t: Int?, _ key: String, _ r: Int, _ c: Int, _ value: Double) {
            out += phase + "," + (t.map(String.init) ?? "") + "," + key + "," + String(r) + "," + String(c) + ","
                + JSONWriter.number(value) + "\r\n"
        }
        func tensors(_ phase: String, _ p: ParameterSet, gradient: Bool) {
            for name in ParameterName.allCases {
                let m = p[name]
                let key = gradient ? name.gradientKey(head: trace.head) : name.key(head: trace.head)
                for r in 0..<m.rows {
                    for c in 0..<m.cols { row(phase, nil, key, r, c, m.storage[r * m.cols + c]) }
                }
            }
        }
        tensors("parameter", trace.parameters, gradient: false)
        switch trace.target {
        case .last(let y): for (k, v) in y.enumerated() { row("target", nil, "target", k, 0, v) }
        case .everyStep(let m):
            for t in 0..<m.rows { for k in 0..<m.cols { row("target", t + 1, "target", k, 0, m[t, k]) } }
        case .classes(let c): for (t, k) in c.enumerated() { row("target", t + 1, "target", 0, 0, Double(k)) }
        }
        for step in trace.steps {
            for q in trace.forwardQuantities {
                guard let v = step.forward[q] else { continue }
                for (k, value) in v.enumerated() { row("forward", step.t, q.key, k, 0, value) }
            }
        }
        row("total", nil, "loss", 0, 0, trace.loss)
        for step in trace.steps {
            for q in trace.backwardQuantities {
                guard let v = step.backward[q] else { continue }
                for (k, value) in v.enumerated() { row("backward", step.t, q.key, k, 0, value) }
            }
        }
        if let g = trace.gradients { tensors("gradient", g, gradient: true) }
        if let g = trace.clippedGradients { tensors("clipped", g, gradient: true) }
        return out
    }
}
