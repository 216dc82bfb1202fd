/// How much gradient reaches each step of a trace: the Euclidean norms of dh_t and dC_t, and
/// the means of what scales them (the forget gate, which scales what the cell path carries
/// back, dC_{t−1}^(t) = f_t ⊙ dC_t; the output gate and tanh's slope at C_t, which scale what
/// enters the cell from h_t, dh_t ⊙ o_t ⊙ (1 − tanh²(C_t))).
public struct GradientNorms: Sendable {
    /// t, from 1.
    public let t: Int
    /// ‖∂L/∂h_t‖₂.
    public let dh: Double
    /// ‖∂L/∂C_t‖₂.
    public let dC: Double
    /// mean_j f_t[j].
    public let meanForget: Double
    /// mean_j o_t[j].
    public let meanOutputGate: Double
    /// mean_j |C_t[j]|.
    public let meanAbsCell: Double
    /// mean_j (1 − tanh²(C_t[j])), tanh's slope at the cell state.
    public let meanTanhSlope: Double

    /// One row per step of a trace with a backward pass.
    public static func of(_ trace: Trace) -> [GradientNorms] {
        trace.steps.map { step in
            func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
            let tanhC = step.forward[.tanhC] ?? []
            return GradientNorms(t: step.t, dh: VectorMath.norm(step.backward[.dh] ?? []), dC: VectorMath.norm(step.backward[.dC] ?? []),
                                 meanForget: mean(step.forward[.f] ?? []), meanOutputGate: mean(step.forward[.o] ?? []),
                                 meanAbsCell: mean((step.forward[.c] ?? []).map { Swift.abs($0) }),
                                 meanTanhSlope: mean(tanhC.map { Activation.tanhDerivative(fromOutput: $0) }))
        }
    }

    /// The mean of `meanForget` over the steps of a trace's rows.
    public static func meanForget(_ rows: [GradientNorms]) -> Double {
        rows.isEmpty ? 0 : rows.map(\.meanForget).reduce(0, +) / Double(rows.count)
    }
}
