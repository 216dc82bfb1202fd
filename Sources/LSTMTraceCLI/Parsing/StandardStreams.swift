#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with write(2): no buffering surprises, and a reader that
/// goes away (`lstm-trace step | head`) ends the program quietly instead of crashing it.
enum StandardStreams {
    /// Writes all of `text` to stdout.
    static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes all of `text` to stderr.
    static func writeError(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Whether stderr is a terminal (progress bars are drawn there and nowhere else).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE && fd == STDOUT_FILENO { exit(0) }  // the reader has gone
                    return
                }
                offset += n
            }
        }
    }
}

/// write(2) (the name `write` inside `StandardStreams` is its own method).
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
