#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with write(2): no buffering surprises, and the one place that
/// notices when standard output cannot take what the program prints.
///
/// A failed write to stdout (`> /dev/full`, a closed descriptor) is remembered, and nothing more
/// is written there; `check()` then throws `CLIError.standardOutput`, which ends the command with
/// exit 74 (EX_IOERR) and one line on stderr. `LSTMTrace.main` checks after every command, and
/// a long command (train) checks after each printout, so that it stops at once and unwinds,
/// removing its temporary files. A reader that goes away (`lstm-trace step | head`) throws
/// `CLIError.readerGone` instead, which ends the program quietly.
enum StandardStreams {
    private nonisolated(unsafe) static var failure: Int32?

    /// Writes all of `text` to stdout (nothing, once a write there has failed).
    static func write(_ text: String) {
        guard failure == nil else { return }
        failure = write(text, to: STDOUT_FILENO)
    }

    /// Writes all of `bytes` to stdout (nothing, once a write there has failed).
    static func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        failure = bytes.withUnsafeBytes { writeAll(STDOUT_FILENO, $0) }
    }

    /// Throws the error that ends the command if a write to stdout has failed.
    static func check() throws(CLIError) {
        guard let failure else { return }
        if failure == EPIPE { throw .readerGone }
        throw .standardOutput(reason: failure == EBADF ? Text.standardOutputClosed : String(cString: strerror(failure)))
    }

    /// Writes all of `text` to stderr (a failure there has nowhere to be reported).
    static func writeError(_ text: String) { _ = write(text, to: STDERR_FILENO) }

    /// Whether stderr is a terminal (progress bars are drawn there and nowhere else).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Opens /dev/null on each of descriptors 0, 1 and 2 that the program was started without
    /// (`lstm-trace step >&-`). Called first thing: otherwise the first file the program opens
    /// (the log of `train --log FILE >&-`) would get descriptor 1 and receive the printout.
    /// /dev/null is opened the wrong way round (read-only for 1 and 2, write-only for 0), so
    /// using the descriptor still fails with EBADF, as it would have had it stayed closed: a
    /// closed stdout is reported as one, not silently discarded.
    static func occupyClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if placeholder >= 0 && placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
    }

    /// Writes all of `text` to `fd`; the errno of the failure, or nil.
    private static func write(_ text: String, to fd: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return writeAll(fd, UnsafeRawBufferPointer(start: base, count: buffer.count))
        }
    }
}

/// Writes all of `bytes` to `fd` with write(2), again after EINTR and partial writes; the errno
/// of the failure, or nil. (Shared by standard output and the files `OutputFile` writes.)
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var offset = 0
    while offset < bytes.count {
        let n = write(fd, base + offset, bytes.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            if errno == EAGAIN {  // a non-blocking descriptor (a FIFO) that is full: wait for room
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, 1000)
                continue
            }
            return errno
        }
        if n == 0 { return EIO }
        offset += n
    }
    return nil
}
