/// Small, shape-checked operations on vectors (`[Double]`, a column read top to bottom).
///
/// The traced cell does its arithmetic in the kernels of `Kernels.swift`; these helpers
/// serve everything around it (norms for the docs, comparisons, tests).
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

    /// Entrywise sum of two vectors of the same length.
    public static func add(_ a: [Double], _ b: [Double]) -> [Double] {
        precondition(a.count == b.count, "VectorMath.add: \(a.count) vs \(b.count) entries")
        return zip(a, b).map { $0 + $1 }
    }

    /// The dot product Σ a[k]·b[k], summed left to right.
    public static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "VectorMath.dot: \(a.count) vs \(b.count) entries")
        var s = 0.0
        for k in 0..<a.count { s += a[k] * b[k] }
        return s
    }
}
