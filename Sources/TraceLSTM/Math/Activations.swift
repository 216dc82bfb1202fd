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

    /// softmax(v)_k = e^(v_k) / Σ_j e^(v_j), as the notebook writes it
    /// (`np.exp(v) / np.sum(np.exp(v))`), with the sum in numpy's pairwise order so that the
    /// two agree to the last bit.
    ///
    /// Where max v > 700 (e^v overflows) or max v < −700 (every e^v underflows to 0), the
    /// notebook's formula gives NaN; there every v_k is first shifted by max v, which changes
    /// nothing mathematically.
    public static func softmax(_ v: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count n: Int) {
        var m = -Double.infinity
        for k in 0..<n { m = Swift.max(m, v[k]) }
        let shift = Swift.abs(m) > 700 ? m : 0
        for k in 0..<n { y[k] = exp(v[k] - shift) }
        let s = Kernels.pairwiseSum(y, n)
        for k in 0..<n { y[k] /= s }
    }
}

/// The C library's tanh (the name `tanh` inside `Activation` is the method above).
@inline(__always)
private func libmTanh(_ x: Double) -> Double { tanh(x) }
