#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT (Ctrl-C) and SIGTERM.
///
/// For a command that checks between iterations (`train`), the first signal becomes a flag:
/// it finishes the iteration, saves, and exits 130. A second signal stops the process at once
/// (exit 130): an iteration of a large model can take long, and the user who asks twice means
/// now. Every other command stops at the first signal, dying by it as if it were not caught.
/// Either way, a stop at once first removes the temporary files being written
/// (`TemporaryFiles`), and outputs are renamed into place only when complete, so none is left
/// half-written and no temporary file is left behind.
enum Interrupts {
    private static let flag = Atomic<Bool>(false)
    private static let polled = Atomic<Bool>(false)

    /// Lets SIGINT, SIGTERM, SIGHUP and SIGQUIT through. A process inherits its parent's
    /// blocked signals across exec, and a parent that starts lstm-trace from a worker thread
    /// (a test runner, a thread pool) has them blocked: without this, Ctrl-C and `kill` would do
    /// nothing at all. Called after `install`, so that a signal that was already waiting is
    /// caught, not fatal.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, s) }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Starts catching SIGINT and SIGTERM; `polled` when the command checks `requested`.
    static func install(polled isPolled: Bool) {
        polled.store(isPolled, ordering: .relaxed)
        _ = flag.load(ordering: .relaxed)
        TemporaryFiles.prepare()
        signal(SIGINT) { Interrupts.received($0) }
        signal(SIGTERM) { Interrupts.received($0) }
    }

    /// In the signal handler: only async-signal-safe work (atomics, unlink, write, _exit, raise).
    private static func received(_ number: Int32) {
        let isPolled = polled.load(ordering: .relaxed)
        if isPolled && !flag.exchange(true, ordering: .relaxed) { return }
        TemporaryFiles.removeAll()
        if isPolled {
            let line: StaticString = "\nInterrupted again: stopped at once, without finishing the iteration or saving.\n"
            line.withUTF8Buffer { _ = write(2, $0.baseAddress, $0.count) }
            _exit(130)
        }
        // Die by the signal, as if it had not been caught (the shell sees 128 + the signal).
        signal(number, SIG_DFL)
        raise(number)
    }

    /// Whether a signal has arrived.
    static var requested: Bool { flag.load(ordering: .relaxed) }
}
