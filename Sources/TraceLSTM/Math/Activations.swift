#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The activation functions of the equations and their derivatives, written as the
/// reference code writes them so that the two give the same numbers.
public enum Activation {
    /// σ(x) = 1 / (1 + e^(−x)), numpy's `1 / (1 + np.exp(-x))`.
    ///
    /// See also: `sigmoidDerivative(fromOutput:)`.
    @inline(__always)
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// σ′(x) written with the output s = σ(x): s·(1 − s) (the notebook's `dsigmoid(y)`).
    @inline(__always)
    public static func sigmoidDerivative(fromOutput s: Double) -> Double { s * (1 - s) }

    /// tanh(x).
    ///
    /// See also: `tanhDerivative(fromOutput:)`.
    @inline(__always)
    public static func tanh(_ x: Double) -> Double { libmTanh(x) }

    /// tanh′(x) written with the output u = tanh(x): 1 − u·u (the notebook's `dtanh(y)`).
    @inline(__always)
    public static func tanhDerivative(fromOutput u: Double) -> Double { 1 - u * u }

    /// softmax(v)_k = e^(v_k − m) / Σ_j e^(v_j − m), m = max v.
    ///
    /// Subtracting m changes nothing mathematically and keeps e^v finite for any v (the
    /// notebook's `np.exp(v) / np.sum(np.exp(v))` overflows past v ≈ 709); results agree with it
    /// to the last bit or two.
    public static func softmax(_ v: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count n: Int) {
        var m = -Double.infinity
        for k in 0..<n { m = Swift.max(m, v[k]) }
        var s = 0.0
        for k in 0..<n {
            y[k] = exp(v[k] - m)
            s += y[k]
        }
        for k in 0..<n { y[k] /= s }
    }
}

/// The C library's tanh (the name `tanh` inside `Activation` is the method above).
@inline(__always)
private func libmTanh(_ x: Double) -> Double { tanh(x) }
