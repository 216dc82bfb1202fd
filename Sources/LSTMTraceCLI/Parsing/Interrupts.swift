#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT (Ctrl-C) and SIGTERM, turned into a flag that a long command checks between
/// iterations, so that it can finish the iteration, save, and exit 130. A second signal stops
/// the process at once (exit 130): an iteration of a large model can take long, and the
/// user who asks twice means now. Outputs are renamed into place only when complete, so
/// none is left half-written.
enum Interrupts {
    private static let flag = Atomic<Bool>(false)

    /// Lets SIGINT, SIGTERM, SIGHUP and SIGQUIT through. A process inherits its parent's
    /// blocked signals across exec, and a parent that starts lstm-trace from a worker thread
    /// (a test runner, a thread pool) has them blocked: without this, Ctrl-C and `kill` would do
    /// nothing at all.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, s) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Starts catching SIGINT and SIGTERM.
    static func install() {
        signal(SIGINT) { _ in Interrupts.received() }
        signal(SIGTERM) { _ in Interrupts.received() }
    }

    /// In the signal handler: only async-signal-safe work (an atomic, write, _exit).
    private static func received() {
        guard flag.exchange(true, ordering: .relaxed) else { return }
        let line: StaticString = "\nInterrupted again: stopped at once, without finishing the iteration or saving.\n"
        line.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }
        _exit(130)
    }

    /// Whether a signal has arrived.
    static var requested: Bool { flag.load(ordering: .relaxed) }
}
