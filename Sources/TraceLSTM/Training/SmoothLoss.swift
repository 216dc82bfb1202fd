#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The notebook's smooth loss, an exponential average of the iterations' losses:
/// ```
/// smooth_loss = -np.log(1.0 / X_size) * T_steps          # before the first iteration
/// smooth_loss = smooth_loss * 0.999 + loss * 0.001       # after each
/// ```
/// and what describes it: how much its starting value still weighs, how far it trails.
public enum SmoothLoss {
    /// The share of the old value kept at each iteration.
    public static let decay = 0.999
    /// The share of the new loss taken in.
    public static let rate = 0.001

    /// The starting value: T characters guessed uniformly among X, T · −log(1/X).
    public static func initial(vocabulary x: Int, steps: Int) -> Double {
        -(1.0 / Double(x)).logarithm * Double(steps)
    }

    /// The next value after an iteration's loss.
    @inline(__always)
    public static func next(_ smooth: Double, loss: Double) -> Double { smooth * decay + loss * rate }

    /// How much the starting value weighs in the smooth loss after n iterations: 0.999ⁿ.
    public static func weightOfStart(after n: Int) -> Double { pow(decay, Double(n)) }

    /// How many iterations the average trails the loss by: the mean age of its terms,
    /// decay / (1 − decay) = 999.
    public static var meanLag: Double { decay / (1 - decay) }

    /// One stretch of a run.
    public struct Window: Sendable {
        /// The iterations it covers.
        public let iterations: Range<Int>
        /// The mean loss over them.
        public let meanLoss: Double
        /// The smooth loss after the last of them.
        public let smoothAtEnd: Double
        /// The share of them whose loss is below the smooth loss after it.
        public let shareBelowSmooth: Double
        /// How much the starting value weighs in `smoothAtEnd`.
        public let weightOfStart: Double
    }

    /// A run's losses and smooth losses (one each per iteration, from 0) in windows of `size`.
    public static func windows(losses: [Double], smooth: [Double], size: Int) -> [Window] {
        precondition(losses.count == smooth.count && size > 0, "SmoothLoss.windows: one smooth loss per loss")
        return stride(from: 0, to: losses.count, by: size).map { start in
            let r = start..<min(start + size, losses.count)
            let below = r.filter { losses[$0] < smooth[$0] }.count
            return Window(iterations: r, meanLoss: r.map { losses[$0] }.reduce(0, +) / Double(r.count),
                          smoothAtEnd: smooth[r.upperBound - 1], shareBelowSmooth: Double(below) / Double(r.count),
                          weightOfStart: weightOfStart(after: r.upperBound))
        }
    }
}
