/// How far one update moved a model's parameters.
public struct UpdateSize: Sendable {
    /// The number of entries.
    public let count: Int
    /// How many of them changed.
    public let moved: Int
    /// The median |Δw| over the entries that changed (0 when none did).
    public let medianMove: Double
    /// The largest |Δw|.
    public let largestMove: Double

    public init(from before: ParameterSet, to after: ParameterSet) {
        precondition(before.values.count == after.values.count, "UpdateSize: parameters of two models")
        let moves = zip(before.values, after.values).map { Swift.abs($1 - $0) }.filter { $0 != 0 }.sorted()
        count = before.values.count
        moved = moves.count
        medianMove = moves.isEmpty ? 0 : moves.count % 2 == 1 ? moves[moves.count / 2]
            : (moves[moves.count / 2 - 1] + moves[moves.count / 2]) / 2
        largestMove = moves.last ?? 0
    }
}
