/// A trace as numpy's `.npz`: every key of the trace as an array, so that
/// `np.load("trace.npz")["f"]` is f over time.
///
/// ```
/// format, config          strings (config is the JSON object of the trace's "config")
/// W_f, b_f, …             H × Z, H × 1, … as in the JSON trace
/// x, h_prev, …, y         T × X, T × H, …: row t−1 is step t
/// step_loss               T: each step's loss term (mse-all, cross-entropy; mse-last has L only)
/// target                  K (mse-last), T × K (mse-all), T class indices as int64 (cross-entropy)
/// loss                    L, a 0-d array
/// dy, dh, …, dC_prev      T × K, T × H, …
/// dW_f, db_f, …           as the parameters
/// clipped_dW_f, …         gradients after clipping, where the run clips
/// ```
/// Names in flat files are `TraceKey.flatName(head:)`.
public enum TraceNPZ {
    /// The members, in the trace's order.
    public static func members(_ trace: Trace) -> [(key: String, member: NPZ.Member)] {
        let head = trace.head, T = trace.steps.count
        var out: [(String, NPZ.Member)] = [("format", .text(TraceJSON.format)),
                                           ("config", .text(String(JSONWriter.string(TraceJSON.config(trace)).dropLast())))]
        func tensors(_ p: ParameterSet, _ key: (ParameterName) -> TraceKey) {
            for name in ParameterName.allCases { out.append((key(name).flatName(head: head), .numbers(NumpyArray(p[name])))) }
        }
        func stacked(_ quantities: [Quantity]) {
            for q in quantities {
                let rows = trace.steps.compactMap { $0[q] }
                guard rows.count == T, let width = rows.first?.count else { continue }
                out.append((TraceKey.quantity(q).flatName(head: head), .numbers(NumpyArray(shape: q == .loss ? [T] : [T, width], values: rows.flatMap { $0 }))))
            }
        }
        tensors(trace.parameters) { .parameter($0) }
        stacked(trace.forwardQuantities)
        switch trace.target {
        case .last(let y): out.append(("target", .numbers(NumpyArray(vector: y))))
        case .everyStep(let m): out.append(("target", .numbers(NumpyArray(m))))
        case .classes(let c): out.append(("target", .integers(c, shape: [c.count])))
        }
        out.append(("loss", .numbers(NumpyArray(scalar: trace.loss))))
        stacked(trace.backwardQuantities)
        if let g = trace.gradients { tensors(g) { .gradient($0) } }
        if let g = trace.clippedGradients { tensors(g) { .clipped($0) } }
        return out
    }

    /// The `.npz` file's bytes.
    public static func bytes(_ trace: Trace) throws -> [UInt8] { try NPZ.bytes(members(trace)) }
}
