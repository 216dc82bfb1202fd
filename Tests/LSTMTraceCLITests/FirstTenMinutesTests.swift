import Foundation
import Testing
import TraceLSTM

/// What a new user meets in the first ten minutes (issue #12): each snag found on a fresh
/// clone, through the built binary.
@Suite struct FirstTenMinutesTests {
    /// gradcheck says which T it checked, in the Markdown header and in the JSON config.
    @Test func gradcheckStatesTheSequenceLength() throws {
        let md = try runTool(["gradcheck", "--steps", "5"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("X = 3, H = 5, K = 2, T = 5,"), "the header names T")
        let json = try JSONParser.parse(try runTool(["gradcheck", "--steps", "5", "--format", "json"]).stdout)
        #expect(json["config"]?["steps"]?.intValue == 5)
    }

    /// --samples n checks n distinct entries of each parameter (it drew with replacement).
    @Test func gradcheckSamplesAreDistinct() throws {
        let r = try runTool(["gradcheck", "--input", "2", "--hidden", "3", "--samples", "4", "--seed", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let entries = try #require(JSONParser.parse(r.stdout)["entries"]?.arrayValue)
        var seen: [String: Set<String>] = [:]
        for e in entries {
            let name = try #require(e["parameter"]?.stringValue)
            seen[name, default: []].insert("\(e["row"]?.intValue ?? -1),\(e["col"]?.intValue ?? -1)")
        }
        // Every parameter of this model has at least 4 entries except b_y (2) and W_y (6 > 4).
        for (name, picks) in seen {
            let expected = name == "b_y" ? 2 : name.hasPrefix("b_") ? 3 : 4
            #expect(picks.count == expected, "\(name): \(picks.count) distinct entries, expected \(expected)")
        }
        #expect(entries.count == seen.values.map(\.count).reduce(0, +), "no entry checked twice")
    }

    /// A newcomer's clone has no ../shared beside it: the missing --data file says what to do,
    /// and a run without --data says that its text is generated (it looked like a real corpus).
    @Test func dataFileMissingOrLeftOut() throws {
        let dir = try temporaryFolder()
        let missing = try runTool(["train", "--data", "../shared/data/shakespear.txt", "--iterations", "1"], currentDirectory: dir)
        assertError(missing, status: 66, contains: "leave --data out")
        let generated = try runTool(["train", "--iterations", "1", "--hidden", "4", "--steps", "3", "--sample-length", "0"], currentDirectory: dir)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.hasPrefix("data has ") && generated.stdout.contains("(a text lstm-trace generates;"), "\(generated.stdout)")
        let text = dir.appendingPathComponent("t.txt")
        try String(repeating: "to be or not to be ", count: 20).write(to: text, atomically: true, encoding: .utf8)
        let given = try runTool(["train", "--data", text.path, "--iterations", "1", "--hidden", "4", "--steps", "3", "--sample-length", "0"], currentDirectory: dir)
        #expect(given.status == 0 && !given.stdout.contains("generates"), "\(given.stdout)")
        let bench = try runTool(["bench", "--iterations", "3", "--repeat", "1", "--hidden", "4", "--steps", "3"], currentDirectory: dir)
        #expect(bench.stdout.split(separator: "\n").first?.contains("a text lstm-trace generates") == true, "\(bench.stdout)")
    }

    /// The CSV's total loss has a phase of its own, so every forward and backward row has its t.
    @Test func csvTotalLossIsNotAForwardRow() throws {
        let r = try runTool(["step", "--steps", "2", "--format", "csv"])
        let rows = r.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.contains { $0.count == 6 && $0[0] == "total" && $0[1] == "" && $0[2] == "loss" })
        #expect(!rows.contains { ($0[0] == "forward" || $0[0] == "backward") && $0[1] == "" }, "a forward or backward row without t")
    }

    /// sample's --checkpoint is required and shown so; a trace given instead is named for what it is.
    @Test func sampleNeedsACheckpoint() throws {
        let help = try runTool(["sample", "--help"]).stdout
        #expect(help.contains("USAGE: lstm-trace sample --checkpoint <file> [--length <n>]"), "\(help)")
        assertError(try runTool(["sample"]), status: 64, contains: "Missing expected argument '--checkpoint <file>'")
        let dir = try temporaryFolder()
        let trace = dir.appendingPathComponent("t.json").path
        #expect(try runTool(["step", "--format", "json", "-o", trace]).status == 0)
        assertError(try runTool(["sample", "--checkpoint", trace]), status: 65,
                    contains: "is a JSON file (format lstm-trace/1), not a checkpoint")
    }

    /// bench on a debug build says so before its figures (the tests run the debug build).
    @Test func benchWarnsOnADebugBuild() throws {
        let r = try runTool(["bench", "--iterations", "3", "--repeat", "1", "--hidden", "3", "--steps", "4", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("Warning: this lstm-trace is a debug build"), "\(r.stderr)")
        #expect(try JSONParser.parse(r.stdout)["build"]?.stringValue == "debug")
    }

    /// docs without --data: --out writes char-lstm.md's siblings and --check leaves it out with a note;
    /// --check outside the repository says the reference file is missing (it wrote an empty column).
    @Test func docsWithoutDataOrOutsideTheRepository() throws {
        let dir = try temporaryFolder()
        let checked = try runTool(["docs", "--check", dir.path, "--pages", "forward.md,char-lstm.md"])
        #expect(checked.stderr.contains("Note: char-lstm.md not checked"), "\(checked.stderr)")
        #expect(checked.stdout.contains("missing: forward.md"), "the other page is still checked")
        let data = dir.appendingPathComponent("text.txt")
        try GeneratedCorpus.text(characters: 3000).write(to: data, atomically: true, encoding: .utf8)
        let outside = try runTool(["docs", "--check", dir.path, "--pages", "char-lstm.md", "--data", data.path], currentDirectory: dir)
        assertError(outside, status: 66, contains: "cannot read 'Examples/python/reference/notebook-smooth-loss.json'")
        #expect(outside.stderr.contains("run lstm-trace docs inside the repository, or pass --reference FILE"))
    }

    /// Long commands draw progress on a terminal and nothing into a pipe.
    @Test func progressOnATerminalOnly() throws {
        let dir = try temporaryFolder()
        let piped = try runTool(["docs", "--out", dir.path, "--pages", "forward.md,backward.md"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        // Under a pseudo-terminal (script(1)), stderr is a terminal and the bar is drawn.
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        script.arguments = ["-qec", "\(toolURL.path) docs --out \(dir.path) --pages forward.md,backward.md", "/dev/null"]
        let out = Pipe()
        script.standardOutput = out
        script.standardInput = FileHandle.nullDevice
        try script.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(text.contains("docs 2/2 [=============================="), "\(text)")
    }
}
