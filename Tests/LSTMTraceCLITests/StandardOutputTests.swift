import Foundation
import Testing

/// Standard output that cannot be written (a full disk, a closed descriptor) ends every
/// command with exit 74 (EX_IOERR) and one line on stderr, never exit 0 with the output lost;
/// and no file the program opens takes the place of a closed stdout.
@Suite struct StandardOutputTests {
    func expectOutputError(_ r: SpawnResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 74, "\(what): exit \(String(describing: r.status)), signal \(String(describing: r.signal)); \(r.stderr)",
                sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: cannot write to standard output: "), "\(what): \(r.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test func aFullDiskIsExit74() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path
        #expect(try runTool(["step", "--format", "json", "-o", a]).status == 0)
        for command in [["step"], ["compare", a, a], ["--help"], ["step", "--help"], ["gradcheck"], ["toy", "--epochs", "2"],
                        ["html", "--from", a], ["step", "-o", "-"]] {
            let r = try spawnTool(command, stdout: .path("/dev/full"))
            expectOutputError(r, command.joined(separator: " "))
            #expect(r.stderr.contains("No space left on device"))
        }
    }

    @Test func aClosedStdoutIsExit74() throws {
        for command in [["step"], ["--version"], ["sample", "--checkpoint", "/dev/null"]] {
            let r = try spawnTool(command, stdout: .closed)
            if command[0] == "sample" {
                #expect(r.status == 65, "the checkpoint's error comes first: \(r.stderr)")
            } else {
                expectOutputError(r, command.joined(separator: " "))
                #expect(r.stderr.contains("it is closed"))
            }
        }
    }

    /// `train --log FILE >&-` used to open the log as descriptor 1, so the printout went into the CSV.
    @Test func theLogNeverBecomesStdout() throws {
        let dir = try temporaryFolder()
        let log = dir.appendingPathComponent("log.csv").path
        let r = try spawnTool(["train", "--iterations", "3", "--hidden", "8", "--steps", "5", "--log", log], stdout: .closed)
        expectOutputError(r, "train --log FILE >&-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [], "no log, no temporary file: the run stopped at its first line")
        // With a stdout, the log holds rows and nothing else.
        let ok = try runTool(["train", "--iterations", "3", "--hidden", "8", "--steps", "5", "--log", log])
        #expect(ok.status == 0, "\(ok.stderr)")
        let rows = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 4 && rows.allSatisfy { $0.first?.isNumber == true || $0.hasPrefix("iteration,") }, "\(rows)")
    }

    @Test func aReaderThatGoesAwayEndsQuietly() throws {
        // head reads one line and exits; the rest of the trace meets a closed pipe (EPIPE).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" step --steps 200 --hidden 50 | head -c 10 >/dev/null", toolURL.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr == "", "nothing on stderr: \(stderr)")
    }
}
