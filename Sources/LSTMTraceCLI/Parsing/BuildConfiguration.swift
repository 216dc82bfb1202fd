/// Whether this binary was built for debugging (`swift build`) or for speed (`swift build -c
/// release`): a debug build runs the numerical kernels about a hundred times slower, which a
/// timing must say.
enum BuildConfiguration {
    #if DEBUG
    static let isDebug = true
    #else
    static let isDebug = false
    #endif

    /// "debug" or "release".
    static var name: String { isDebug ? "debug" : "release" }
}
