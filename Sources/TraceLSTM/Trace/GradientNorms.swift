/// How much gradient reaches each step of a trace: the Euclidean norms of dh_t and dC_t, and
/// the mean forget gate (which scales what the cell path carries back: dC_{t−1} = f_t ⊙ dC_t + …).
public struct GradientNorms: Sendable {
    /// t, from 1.
    public let t: Int
    /// ‖∂L/∂h_t‖₂.
    public let dh: Double
    /// ‖∂L/∂C_t‖₂.
    public let dC: Double
    /// mean_j f_t[j].
    public let meanForget: Double

    /// One row per step of a trace with a backward pass.
    public static func of(_ trace: Trace) -> [GradientNorms] {
        trace.steps.map { step in
            let f = step.forward[.f] ?? []
            return GradientNorms(t: step.t, dh: VectorMath.norm(step.backward[.dh] ?? []), dC: VectorMath.norm(step.backward[.dC] ?? []),
                                 meanForget: f.isEmpty ? 0 : f.reduce(0, +) / Double(f.count))
        }
    }
}
