import Foundation
import Testing

/// Mistakes a newcomer makes in the first minutes, each answered in the error's one line.
@Suite struct NewcomerErrorTests {
    /// `--output` is the size K; a file name given to it is meant for `-o`.
    @Test func aFileNameGivenToOutputSuggestsDashO() throws {
        let r = try runTool(["step", "--output", "trace.json"])
        assertError(r, status: 64, contains: "The value 'trace.json' is invalid for '--output <n>': expected a whole number")
        #expect(r.stderr.split(separator: "\n").first!.contains(" (did you mean -o trace.json?)"), "\(r.stderr)")
        assertError(try runTool(["toy", "--output", "out/losses"]), status: 64, contains: "(did you mean -o out/losses?)")
        // Not a file name, or not --output: no suggestion.
        #expect(!(try runTool(["step", "--output", "2.5"]).stderr.contains("did you mean")))
        #expect(!(try runTool(["step", "--hidden", "trace.json"]).stderr.contains("did you mean")))
    }

    @Test func compareWithOneFileSaysWhatTheSecondIs() throws {
        let r = try runTool(["compare", "a.json"])
        assertError(r, status: 64, contains: "Missing expected argument '<b>': compare needs two files, A and B")
        #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }.count == 1)
    }

    @Test func helpOfHelpIsTheHelp() throws {
        let top = try runTool(["--help"])
        for flag in ["--help", "-h"] {
            let r = try runTool(["help", flag])
            #expect(r.status == 0, "help \(flag): \(r.stderr)")
            #expect(r.stdout == top.stdout && r.stderr.isEmpty)
        }
    }
}
