import Foundation
import TraceLSTM
import Testing

/// `lstm-trace train` and `sample` end to end, on a small model over the generated corpus.
@Suite struct TrainCommandTests {
    let small = ["--hidden", "16", "--steps", "10", "--report-every", "20", "--sample-length", "30"]

    /// Lines of the notebook's printout from iteration `from` on (its samples and losses).
    func reports(_ stdout: String, from: Int) -> [String] {
        let blocks = stdout.components(separatedBy: "----\n ").dropFirst()
        return blocks.filter { block in
            guard let line = block.split(separator: "\n").last(where: { $0.hasPrefix("iter ") }),
                  let n = Int(line.split(separator: " ")[1].dropLast()) else { return false }
            return n >= from
        }
    }

    @Test func resumeContinuesExactly() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        let straight = try runTool(["train", "--iterations", "120"] + small + ["--log", dir.appendingPathComponent("a.csv").path])
        #expect(straight.status == 0, "\(straight.stderr)")
        let first = try runTool(["train", "--iterations", "60", "--save", ck] + small)
        #expect(first.status == 0, "\(first.stderr)")
        let rest = try runTool(["train", "--resume", ck, "--iterations", "120", "--report-every", "20", "--sample-length", "30",
                                "--log", dir.appendingPathComponent("b.csv").path])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(reports(rest.stdout, from: 60) == reports(straight.stdout, from: 60))
        #expect(reports(rest.stdout, from: 60).count == 3)
        #expect(rest.stdout.split(separator: "\n").last == straight.stdout.split(separator: "\n").last, "the final smooth loss")
        // The per-iteration log of the resumed half equals the straight run's rows (but elapsed time).
        func rows(_ name: String) throws -> [String] {
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\r\n")
                .dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        }
        #expect(try rows("b.csv") == Array(try rows("a.csv").suffix(60)))
        #expect(try rows("a.csv").first?.hasPrefix("0,") == true)
    }

    @Test func interruptFinishesTheIterationSavesAndResumes() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        let process = Process()
        process.executableURL = toolURL
        process.arguments = ["train", "--iterations", "1000000", "--save", ck, "--save-every", "1000000"] + small
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()  // SIGINT, as Ctrl-C
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("checkpoint saved to '\(ck)'"), "\(stderr)")
        let k = try CharCheckpoint(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: ck))))
        #expect(k.state.iteration > 0)
        // Nothing was lost: resuming to a few iterations later ends where a straight run ends.
        let target = String(k.state.iteration + 7)
        let resumed = try runTool(["train", "--resume", ck, "--iterations", target, "--report-every", "20", "--sample-length", "30"])
        let straight = try runTool(["train", "--iterations", target] + small)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.split(separator: "\n").last == straight.stdout.split(separator: "\n").last)
    }

    /// A second Ctrl-C stops at once, inside an iteration that would take seconds, and saves nothing.
    @Test func secondInterruptStopsAtOnce() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        let process = Process()
        process.executableURL = toolURL
        process.arguments = ["train", "--hidden", "800", "--iterations", "2", "--save", ck]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Training has begun (signals are caught) once the notebook's first line is out.
        var printed = ""
        while !printed.contains("data has"), process.isRunning {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        Thread.sleep(forTimeInterval: 0.5)
        process.interrupt()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning, "the first Ctrl-C waits for the iteration to finish")
        let second = Date()
        process.interrupt()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(Date().timeIntervalSince(second) < 5, "stopped at once")
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("Interrupted again: stopped at once"), "\(stderr)")
        #expect(!(FileManager.default.fileExists(atPath: ck)), "no checkpoint")
    }

    @Test func damagedOrForeignCheckpointsAreRefused() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        #expect(try runTool(["train", "--iterations", "3", "--save", ck] + small).status == 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: ck))
        func variant(_ name: String, _ bytes: Data) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: p))
            return p
        }
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        let resume = { (p: String) in try runTool(["train", "--resume", p, "--iterations", "10"]) }
        assertError(try resume(try variant("flipped", flipped)), status: 65, contains: "checksum does not match")
        assertError(try resume(try variant("truncated", good.prefix(good.count - 100))), status: 65, contains: "checksum does not match")
        var newer = good
        newer.replaceSubrange(21..<22, with: Data("9".utf8))
        assertError(try resume(try variant("newer", newer)), status: 65, contains: "checkpoint format version 9")
        assertError(try resume(try variant("foreign", Data("{\"format\": \"lstm-trace/1\"}".utf8))), status: 65,
                    contains: "is a JSON file (format lstm-trace/1), not a checkpoint")
        assertError(try resume(try variant("text", Data("hello\n".utf8))), status: 65, contains: "not an lstm-trace checkpoint")
        assertError(try resume(try variant("empty", Data())), status: 65, contains: "not an lstm-trace checkpoint")
        assertError(try resume(dir.appendingPathComponent("missing").path), status: 66, contains: "no such file")
        assertError(try runTool(["train", "--resume", ck, "--iterations", "10", "--data", "/dev/null"]), status: 65, contains: "the file is empty")
        let other = try variant("other.txt", Data(GeneratedCorpus.text(characters: 2000).utf8))
        assertError(try runTool(["train", "--resume", ck, "--iterations", "10", "--data", other]), status: 65,
                    contains: "it was trained on another text")
        assertError(try runTool(["train", "--resume", ck, "--iterations", "10", "--hidden", "8"]), status: 64,
                    contains: "--hidden comes from the checkpoint")
        assertError(try runTool(["train", "--resume", ck, "--iterations", "2"]), status: 64, contains: "at iteration 3 already")
        assertError(try runTool(["sample", "--checkpoint", try variant("f2", flipped)]), status: 65, contains: "checksum")
    }

    @Test func textsThatCannotBeTrainedOn() throws {
        let dir = try temporaryFolder()
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: p))
            return p
        }
        assertError(try runTool(["train", "--data", try file("empty.txt", [])]), status: 65, contains: "the file is empty")
        assertError(try runTool(["train", "--data", try file("one.txt", [0x61])]), status: 65, contains: "needs at least T + 1 = 26")
        assertError(try runTool(["train", "--data", try file("same.txt", [UInt8](repeating: 0x61, count: 100))]), status: 65,
                    contains: "only one distinct character")
        assertError(try runTool(["train", "--data", try file("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])]), status: 65, contains: "not text")
        assertError(try runTool(["train", "--data", try file("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x61])]), status: 65,
                    contains: "not valid UTF-8")
        assertError(try runTool(["train", "--data", dir.appendingPathComponent("missing.txt").path]), status: 66, contains: "no such file")
        assertError(try runTool(["train", "--iterations", "0"]), status: 64, contains: "'--iterations <n>'")
        assertError(try runTool(["train", "--learning-rate", "nan"]), status: 64, contains: "'--learning-rate <r>'")
        assertError(try runTool(["train", "--trace-iteration", "5", "--iterations", "5"]), status: 64, contains: "'--trace-iteration <n>'")
        assertError(try runTool(["train", "--trace-iteration", "2", "--iterations", "5"]), status: 64, contains: "add -o FILE")
    }

    @Test func traceOfOneIterationLogAndPlot() throws {
        let dir = try temporaryFolder()
        let trace = dir.appendingPathComponent("it3.json").path, log = dir.appendingPathComponent("log.csv").path
        let plot = dir.appendingPathComponent("loss.svg").path
        let r = try runTool(["train", "--iterations", "6", "--trace-iteration", "3", "--format", "json", "-o", trace,
                             "--log", log, "--plot", plot] + small)
        #expect(r.status == 0, "\(r.stderr)")
        let t = try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: trace, encoding: .utf8)))
        #expect(t.steps.count == 10)
        #expect(t.config.loss == .crossEntropy)
        #expect(t.clippedGradients != nil, "gradients after clipping too")
        #expect(t.settings.first { $0.0 == "iteration" }?.1 == .integer(3))
        let rows = try String(contentsOfFile: log, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "iteration,loss,smooth_loss,elapsed_seconds")
        #expect(rows.count == 7)
        let loss3 = try #require(Double(rows[4].split(separator: ",")[1]))
        #expect(loss3 == t.loss, "the trace is iteration 3's pass")
        #expect(try String(contentsOfFile: plot, encoding: .utf8).contains("smooth loss"))
    }

    @Test func sampleFromACheckpoint() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        #expect(try runTool(["train", "--iterations", "30", "--save", ck] + small).status == 0)
        let a = try runTool(["sample", "--checkpoint", ck, "--length", "50", "--prime", "The gate", "--seed", "3"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("The gate"))
        #expect(a.stdout.unicodeScalars.count == 8 + 50 + 1)
        #expect(try runTool(["sample", "--checkpoint", ck, "--length", "50", "--prime", "The gate", "--seed", "3"]).stdout == a.stdout)
        assertError(try runTool(["sample", "--checkpoint", ck, "--prime", "Zebra#"]), status: 64, contains: "characters of the checkpoint's vocabulary")
        assertError(try runTool(["sample"]), status: 64, contains: "Missing expected argument '--checkpoint <file>'")
    }
}
