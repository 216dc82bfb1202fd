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
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw CLIError.cannotWrite(path: path, reason: "permission denied or no space in '\(folder.path)'")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotWrite(path: path, reason: reason)
        }
    }
}

/// Reading input files with the errors the tool promises: missing or unreadable files exit
/// 66, empty, binary or non-UTF-8 ones 65.
enum InputFile {
    /// The bytes of `path`.
    static func bytes(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.cannotRead(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw CLIError.cannotRead(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.cannotRead(path: path, reason: "permission denied")
        }
        return data
    }

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
