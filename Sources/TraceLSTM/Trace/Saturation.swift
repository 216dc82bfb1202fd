/// How saturated a trace's gates are: a sigmoid gate near 0 or 1 passes almost no gradient back
/// to its pre-activation (σ′ = g(1 − g)), so a share near 1 means the cell has stopped learning
/// through its gates.
public enum Saturation {
    /// The share of all gate values (f, i and o, every unit and step) within `margin` of 0 or 1.
    public static func gateShare(_ trace: Trace, margin: Double = 0.01) -> Double {
        var near = 0, all = 0
        for step in trace.steps {
            for q in [Quantity.f, .i, .o] {
                for g in step.forward[q] ?? [] {
                    all += 1
                    if Swift.min(g, 1 - g) < margin { near += 1 }
                }
            }
        }
        return all == 0 ? 0 : Double(near) / Double(all)
    }
}
