/// The whole numbers a setting accepts, with the words that say so.
public struct WholeNumberRule: Sendable, Equatable {
    public let range: ClosedRange<Int>

    public init(_ range: ClosedRange<Int>) {
        self.range = range
    }

    public func accepts(_ v: Int) -> Bool { range.contains(v) }

    /// "a whole number from 1 to 4096".
    public var expected: String { "a whole number from \(range.lowerBound) to \(range.upperBound)" }
}

/// The finite numbers a setting accepts (NaN and infinities never), with the words that say so.
public struct NumberRule: Sendable, Equatable {
    public let lower: Double
    /// Whether `lower` itself is accepted (false: only numbers greater than it).
    public let includesLower: Bool
    public let upper: Double

    /// From `lower` to `upper`, both included.
    public init(_ lower: Double, _ upper: Double) {
        (self.lower, includesLower, self.upper) = (lower, true, upper)
    }

    /// Greater than 0 and at most `upper`.
    public static func positive(atMost upper: Double) -> NumberRule {
        NumberRule(lower: 0, includesLower: false, upper: upper)
    }

    public func accepts(_ v: Double) -> Bool {
        v.isFinite && (includesLower ? v >= lower : v > lower) && v <= upper
    }

    /// "a number greater than 0 and at most 1000000.0", "a number from -100.0 to 100.0".
    public var expected: String {
        includesLower ? "a number from \(lower) to \(upper)" : "a number greater than \(lower == 0 ? "0" : "\(lower)") and at most \(upper)"
    }

    private init(lower: Double, includesLower: Bool, upper: Double) {
        (self.lower, self.includesLower, self.upper) = (lower, includesLower, upper)
    }
}

/// The values the notebook's character model may be trained with: one set of rules that the
/// command line applies to `train`'s options and the checkpoint loader applies to every field
/// it reads, so that a checkpoint can only hold what the options accept.
public enum CharTrainingRules {
    /// H.
    public static let hidden = WholeNumberRule(1...4096)
    /// T.
    public static let steps = WholeNumberRule(1...10_000)
    public static let learningRate = NumberRule.positive(atMost: 1e6)
    public static let weightSD = NumberRule.positive(atMost: 100)
    public static let clip = NumberRule.positive(atMost: 1e6)
    /// numpy's legacy `np.random.seed` range, 0 ≤ s < 2³².
    public static let seed = WholeNumberRule(0...Int(UInt32.max))
    /// Iterations in all (a checkpoint's iteration count is at most this too).
    public static let iterations = WholeNumberRule(1...100_000_000)
    /// Distinct characters of the text.
    public static let vocabulary = WholeNumberRule(2...4096)
}
