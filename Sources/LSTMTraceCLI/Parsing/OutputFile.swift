#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a command writes a result, and how:
/// - nil, `-` or /dev/stdout: standard output;
/// - a regular file, new or existing (or a symbolic link to one): written to a temporary file
///   in the same folder, then renamed into place, so a failure never leaves half a file and
///   never touches the old one; a symbolic link stays a link, its target is replaced;
/// - anything else that exists (/dev/null, /dev/full, a FIFO, a terminal): written through,
///   never replaced by a regular file.
enum OutputFile {
    enum Destination: Equatable {
        case standardOutput
        /// A device, FIFO or socket, opened and written as it is.
        case through(String)
        /// A regular file (symbolic links resolved), replaced atomically.
        case replace(String)
    }

    /// Names that mean standard output.
    static let standardOutputNames: Set = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

    /// Where `path` leads; a path that cannot be written to (a folder, a missing folder, a
    /// broken link) is refused with exit 73.
    static func destination(_ path: String?) throws -> Destination {
        guard let path, !standardOutputNames.contains(path) else { return .standardOutput }
        if path.isEmpty { throw CLIError.cannotWrite(path: path, reason: Text.emptyPath) }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw CLIError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            try requireFolder(of: path)
            return .replace(path)
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else {
                throw CLIError.cannotWrite(path: path, reason: errno == ENOENT ? Text.brokenLink : String(cString: strerror(errno)))
            }
            // A link to a regular file: its target is replaced, if the target has a name that
            // leads back to the same file (/proc/self/fd/1 may lead to a deleted file: written through).
            if info.st_mode & S_IFMT == S_IFREG {
                guard let resolved = realpath(path, nil) else { return .through(path) }
                defer { free(resolved) }
                var target = stat()
                guard stat(resolved, &target) == 0, target.st_dev == info.st_dev, target.st_ino == info.st_ino else { return .through(path) }
                return .replace(String(cString: resolved))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw CLIError.cannotWrite(path: path, reason: Text.isAFolder)
        case S_IFREG: return .replace(path)
        default: return .through(path)
        }
    }

    private static func requireFolder(of path: String) throws {
        let folder = split(path).folder
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw CLIError.cannotWrite(path: path, reason: Text.folderMissing(folder))
        }
    }

    /// The folder of `path` ("." for a bare name) and its last component. (NSString's path
    /// methods are not used: on Linux some trap on a one-character name.)
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Refuses, before any work is done, an output that could not be written at the end: the
    /// folder is checked by creating and removing the temporary file the write will use (a
    /// permission check would not do: root may write anywhere, except on a read-only disk).
    static func check(_ path: String?) throws {
        guard case .replace(let file) = try destination(path) else { return }
        let sink = try OutputSink(replacing: file, shownAs: path ?? file)
        sink.abandon()
    }

    /// Checks every output a command was given (`check`) and that no two name the same file
    /// (each would replace the other's temporary file): a usage error naming both options.
    static func checkAll(_ outputs: [(option: String, path: String?)], _ a: ParsedArguments) throws {
        var seen: [(option: String, file: String)] = []
        for (option, path) in outputs {
            guard let path else { continue }
            try check(path)
            guard case .replace(let file) = try destination(path) else { continue }
            let identity = canonical(file)
            if let other = seen.first(where: { $0.file == identity }) {
                throw a.usageError(Text.sameOutputFile(other.option, option, path: path), option: option)
            }
            seen.append((option, identity))
        }
    }

    /// The absolute path of a file whose folder exists (the folder's links resolved).
    private static func canonical(_ file: String) -> String {
        let (folder, name) = split(file)
        guard let resolved = realpath(folder, nil) else { return file }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + name
    }

    /// Writes `text` to `path` (standard output when nil).
    static func write(_ text: String, to path: String?) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `data` to `path` (standard output when nil).
    static func write(_ data: Data, to path: String?) throws {
        try write([UInt8](data), to: path)
    }

    /// Writes `bytes` to `path` (standard output when nil).
    static func write(_ bytes: [UInt8], to path: String?) throws {
        let sink = try OutputSink(path)
        do {
            try sink.write(bytes)
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// The temporary file beside `path` (same folder, so the rename is atomic).
    static func temporaryPath(for path: String) -> String {
        let (folder, name) = split(path)
        return (folder == "/" ? "" : folder) + "/.\(name).tmp-\(getpid())"
    }
}

/// One output being written (see `OutputFile`): `write` as often as needed, then `commit`, or
/// `abandon` on failure, which removes the temporary file.
final class OutputSink {
    /// The path as the user gave it, for messages.
    let shownPath: String
    private var fd: Int32
    private let destination: OutputFile.Destination
    private var temporary: (path: String, slot: Int?)?

    /// Opens the output for `path` (standard output when nil).
    init(_ path: String?) throws {
        shownPath = path ?? "-"
        destination = try OutputFile.destination(path)
        switch destination {
        case .standardOutput:
            fd = STDOUT_FILENO
        case .through(let device):
            // O_NONBLOCK: a FIFO with no reader fails (ENXIO) instead of waiting for ever.
            fd = open(device, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else {
                throw CLIError.cannotWrite(path: shownPath, reason: errno == ENXIO ? Text.fifoWithoutReader : String(cString: strerror(errno)))
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        case .replace(let file):
            fd = -1
            try openTemporary(beside: file)
        }
    }

    /// Opens a temporary file for replacing `file` (used by `OutputFile.check` alone).
    init(replacing file: String, shownAs path: String) throws {
        shownPath = path
        destination = .replace(file)
        fd = -1
        try openTemporary(beside: file)
    }

    private func openTemporary(beside file: String) throws {
        let path = OutputFile.temporaryPath(for: file)
        var existing = stat()
        let mode = stat(file, &existing) == 0 ? mode_t(existing.st_mode & 0o777) : 0o666
        let slot = TemporaryFiles.remember(path)
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.forget(slot)
            throw CLIError.cannotWrite(path: shownPath, reason: reason)
        }
        temporary = (path, slot)
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws {
        if destination == .standardOutput {
            StandardStreams.write(bytes: bytes)
            return try StandardStreams.check()
        }
        guard let failure = bytes.withUnsafeBytes({ writeAll(fd, $0) }) else { return }
        throw error(failure)
    }

    /// Appends `text`.
    func write(_ text: String) throws { try write(Array(text.utf8)) }

    private func error(_ failure: Int32) -> CLIError {
        .cannotWrite(path: shownPath, reason: String(cString: strerror(failure)))
    }

    /// Finishes the output: closes it and renames the temporary file into place.
    func commit() throws {
        guard destination != .standardOutput else { return }
        let closed = close(fd)
        let failure = errno
        fd = -1
        if closed != 0 { throw error(failure) }
        guard let temporary, case .replace(let file) = destination else { return }
        if rename(temporary.path, file) != 0 {
            let reason = String(cString: strerror(errno))
            abandon()
            throw CLIError.cannotWrite(path: shownPath, reason: reason)
        }
        TemporaryFiles.forget(temporary.slot)
        self.temporary = nil
    }

    /// Gives up: closes the output and removes the temporary file.
    func abandon() {
        if fd >= 0 && destination != .standardOutput { close(fd) }
        fd = -1
        if let temporary {
            unlink(temporary.path)
            TemporaryFiles.forget(temporary.slot)
            self.temporary = nil
        }
    }

    deinit { abandon() }
}
