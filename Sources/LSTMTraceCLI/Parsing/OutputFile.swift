import Foundation
import TraceLSTM

/// Where a command writes its result: standard output, or a file written atomically (to a
/// temporary file in the same folder, then renamed), so a failure never leaves half a file.
enum OutputFile {
    /// Writes `text` to `path`, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            StandardStreams.write(text)
            return
        }
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.cannotWrite(path: path, reason: "it is a folder")
        }
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.cannotWrite(path: path, reason: "the folder '\(folder.path)' does not exist")
        }
        let temporary = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CLIError.cannotWrite(path: path, reason: "permission denied or no space in '\(folder.path)'")
        }
        try moveIntoPlace(temporary, path)
    }

    /// A temporary file beside `path` (same folder, so the rename is atomic).
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// Renames a finished temporary file to `path`; on failure removes it and throws.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError.cannotWrite(path: path, reason: reason)
        }
    }
}

/// Reading input files with the errors the tool promises: missing or unreadable files exit
/// 66, empty, binary or non-UTF-8 ones 65.
enum InputFile {
    /// The bytes of `path` (a file, a device or a pipe), read with open(2) and read(2) so that
    /// each failure names its cause.
    static func bytes(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw CLIError.cannotRead(path: path, reason: reason)
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw CLIError.cannotRead(path: path, reason: "it is a folder")
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CLIError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
            if data.count > maxBytes {
                throw CLIError.badData("'\(path)' is larger than \(maxBytes / 1_048_576) MB, more than lstm-trace reads")
            }
        }
        return data
    }

    /// Input files larger than this are refused (traces and corpora of a learner's size are far smaller).
    static let maxBytes = 1 << 30

    /// The text of `path`: refused when empty, binary (a NUL byte) or not UTF-8.
    static func text(_ path: String) throws -> String {
        let data = try bytes(path)
        if data.isEmpty { throw CLIError.badData("'\(path)': \(Text.fileIsEmpty)") }
        if data.contains(0) { throw CLIError.badData("'\(path)': \(Text.fileIsBinary)") }
        guard let s = String(data: data, encoding: .utf8) else { throw CLIError.badData("'\(path)': \(Text.fileIsNotUTF8)") }
        return s
    }

    /// A JSON file, parsed.
    static func json(_ path: String) throws -> JSONValue {
        let text = try text(path)
        do {
            return try JSONParser.parse(text)
        } catch let e as JSONParseError {
            throw CLIError.badData(Text.notJSON(path, e.description))
        }
    }
}
