#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TraceLSTM

/// Reading input files with the errors the tool promises: missing or unreadable files exit
/// 66; empty, binary, non-UTF-8 or too large ones 65.
enum InputFile {
    /// Input files larger than this are refused (traces and corpora of a learner's size are far
    /// smaller; the largest trace lstm-trace writes is about half of it).
    static let maxBytes = 1 << 30

    /// The bytes of `path` (a file, a device, a pipe or a FIFO), read with open(2) and read(2)
    /// so that each failure names its cause. A regular file over `maxBytes` is refused before
    /// it is read; anything else is refused once that much has arrived. With `text`, a NUL
    /// byte is refused as soon as it arrives (/dev/zero, /dev/urandom, a binary file).
    ///
    /// The file is opened without blocking, so a FIFO that no one writes to does not hang the
    /// program in open(2): it says that it waits for a writer, and Ctrl-C stops the wait.
    ///
    /// `inspect`, if given, sees each chunk as it arrives (with the number of bytes before it)
    /// and may refuse the file by throwing, before the rest is read.
    static func bytes(_ path: String, text: Bool = false,
                      inspect: ((ArraySlice<UInt8>, Int) throws -> Void)? = nil) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? Text.noSuchFile : errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw CLIError.cannotRead(path: path, reason: reason)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CLIError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw CLIError.cannotRead(path: path, reason: Text.isAFolder) }
        if kind == S_IFREG && Int(info.st_size) > maxBytes { throw tooLarge(path) }
        var bytes: [UInt8] = []
        if kind == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var saidWaiting = false
        while true {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Read only once poll says so: a FIFO that no writer has opened yet reads as empty.
            if poll(&p, 1, 250) <= 0 {  // nothing yet (a FIFO without a writer, a quiet pipe), or a signal
                if Interrupts.requested {
                    StandardStreams.writeError(Text.interruptedWhileWaiting(path))
                    throw CLIError.interrupted
                }
                if !saidWaiting && kind == S_IFIFO {
                    StandardStreams.writeError(Text.waitingForWriter(path))
                    saidWaiting = true
                }
                continue
            }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw CLIError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            try inspect?(chunk[0..<n], bytes.count)
            if text && bytes.isEmpty { try refuseForeignEncoding(chunk[0..<n], path) }
            if text && chunk[0..<n].contains(0) { throw CLIError.badData("\(Text.quoted(path)): \(Text.fileIsBinary)") }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes { throw tooLarge(path) }
        }
        return bytes
    }

    private static func tooLarge(_ path: String) -> CLIError {
        .badData(Text.fileTooLarge(path, megabytes: maxBytes / 1_048_576))
    }

    /// Refuses UTF-16 and UTF-32 text by its byte-order mark (UTF-16 without one is refused for
    /// its NUL bytes).
    private static func refuseForeignEncoding(_ start: ArraySlice<UInt8>, _ path: String) throws {
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) || start.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw CLIError.badData("\(Text.quoted(path)): \(Text.fileIsUTF16)")
        }
    }

    /// The text of `path`: refused when empty, binary (a NUL byte), UTF-16 or not UTF-8.
    static func text(_ path: String) throws -> String {
        let bytes = try bytes(path, text: true)
        if bytes.isEmpty { throw CLIError.badData("\(Text.quoted(path)): \(Text.fileIsEmpty)") }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw CLIError.badData("\(Text.quoted(path)): \(Text.fileIsNotUTF8)") }
        return s
    }

    /// A JSON file, parsed from its bytes (the parser checks the UTF-8 of its strings; outside
    /// them JSON is ASCII). A UTF-8 byte-order mark is skipped, as RFC 8259 allows.
    static func json(_ path: String) throws -> JSONValue {
        var bytes = try bytes(path, text: true)
        if bytes.isEmpty { throw CLIError.badData("\(Text.quoted(path)): \(Text.fileIsEmpty)") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        do {
            return try JSONParser.parse(bytes: bytes)
        } catch let e as JSONParseError {
            throw CLIError.badData(Text.notJSON(path, e.description))
        }
    }
}
