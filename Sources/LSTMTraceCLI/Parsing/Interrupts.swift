#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT (Ctrl-C) and SIGTERM, turned into a flag that a long command checks between
/// iterations, so that it can finish the iteration, save, and exit 130.
enum Interrupts {
    private static let flag = Atomic<Bool>(false)

    /// Starts catching SIGINT and SIGTERM.
    static func install() {
        signal(SIGINT) { _ in Interrupts.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Interrupts.flag.store(true, ordering: .relaxed) }
    }

    /// Whether a signal has arrived.
    static var requested: Bool { flag.load(ordering: .relaxed) }
}
