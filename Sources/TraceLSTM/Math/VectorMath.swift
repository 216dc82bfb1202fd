/// Norms of vectors (`[Double]`, a column read top to bottom).
///
/// The traced cell does its arithmetic in the kernels of `Kernels.swift`; these helpers
/// serve the analyses around it (gradient norms for the docs, the largest entry of a tensor).
public enum VectorMath {
    /// The Euclidean norm ‖v‖₂.
    public static func norm(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x * x }
        return s.squareRoot()
    }

    /// The largest absolute entry ‖v‖∞ (0 for an empty vector).
    public static func maxAbs(_ v: [Double]) -> Double {
        var m = 0.0
        for x in v { m = Swift.max(m, Swift.abs(x)) }
        return m
    }
}
