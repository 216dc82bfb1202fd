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
