/// Why bytes are not the `.npy` or `.npz` file expected, in one line that names what is wrong
/// and what would be read (the command line puts the file's path in front).
public struct NumpyFileError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What one `.npy` file holds: numbers (any dtype numpy converts to float64 exactly), or one
/// string (a 0-d unicode array, as `np.savez(f, config=json.dumps(…))` stores text).
public enum NumpyItem: Equatable, Sendable {
    case numbers(NumpyArray)
    case text(String)
}
