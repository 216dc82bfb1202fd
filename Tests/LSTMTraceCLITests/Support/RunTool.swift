import Foundation
import Testing

/// What a run of the built `lstm-trace` binary printed and returned.
struct ToolResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the built binary (next to the test bundle in .build/<config>/) with `arguments`.
func runTool(_ arguments: [String], stdin: String? = nil, currentDirectory: URL? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> ToolResult {
    let process = Process()
    process.executableURL = toolURL
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    // Output goes to temporary files, which never fill up and block the child as a pipe can.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lstm-trace-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ToolResult(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// .build/<config>/lstm-trace, beside the test bundle; or the binary that LSTM_TRACE_BINARY
/// names, to run the tests against another build (one from before a fix, to see a test fail).
let toolURL: URL = {
    if let other = ProcessInfo.processInfo.environment["LSTM_TRACE_BINARY"] { return URL(fileURLWithPath: other) }
    var url = Bundle.main.bundleURL
    if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url.appendingPathComponent("lstm-trace")
}()

/// A fresh temporary folder, removed when the test process exits.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lstm-trace-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.shared.add(url)
    return url
}

/// The folders `temporaryFolder()` made, removed at exit (Swift Testing has no teardown blocks).
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var urls: [URL] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func add(_ url: URL) {
        lock.lock()
        urls.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        for url in urls { try? FileManager.default.removeItem(at: url) }
        urls = []
        lock.unlock()
    }
}

/// Asserts a usage-style error: exit code, a first line starting with `Error:` that contains
/// `message`, and nothing on stdout.
func assertError(_ r: ToolResult, status: Int32, contains message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == status, "exit code; stderr: \(r.stderr)", sourceLocation: sourceLocation)
    let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.hasPrefix("Error: "), "first stderr line: \(first)", sourceLocation: sourceLocation)
    #expect(first.contains(message), "'\(first)' should contain '\(message)'", sourceLocation: sourceLocation)
    #expect(r.stdout == "", "nothing on stdout", sourceLocation: sourceLocation)
}
