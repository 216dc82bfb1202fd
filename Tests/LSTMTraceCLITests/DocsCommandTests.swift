import Foundation
import Testing

/// `lstm-trace docs`: the committed docs are what the code writes, and a changed number fails
/// the check. (char-lstm.md trains for 5000 iterations; CI checks it with the release build.)
@Suite struct DocsCommandTests {
    static let pages = "README.md,forward.md,backward.md,toy-regression.md,concat-order.md,vanishing-gradients.md,trace-format.md"
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    @Test func committedDocsAreWhatTheCodeWrites() throws {
        let r = try runTool(["docs", "--check", Self.docs.path, "--pages", Self.pages])
        #expect(r.status == 0, "\(r.stdout + r.stderr)")
        #expect(r.stdout.hasPrefix("docs are up to date: 11 files"), "\(r.stdout)")
    }

    @Test func aChangedNumberFailsTheCheck() throws {
        let dir = try temporaryFolder()
        let wrote = try runTool(["docs", "--out", dir.path, "--pages", "forward.md,backward.md"])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        #expect(try runTool(["docs", "--check", dir.path, "--pages", "forward.md,backward.md"]).status == 0)
        // One number of the backward page, changed in its last digit.
        let page = dir.appendingPathComponent("backward.md")
        var text = try String(contentsOf: page, encoding: .utf8)
        let number = "-2.27154"
        #expect(text.contains(number), "the worked dh_2[0] of the example")
        text = text.replacingOccurrences(of: number, with: "-2.27155")
        try text.write(to: page, atomically: true, encoding: .utf8)
        let r = try runTool(["docs", "--check", dir.path, "--pages", "forward.md,backward.md"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("docs are out of date (1 of 4 files)"), "\(r.stdout)")
        #expect(r.stdout.contains("differs: backward.md, from line"), "\(r.stdout)")
        #expect(r.stdout.contains("-2.27155"), "the summary shows the stale line")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("forward.md"))
        let missing = try runTool(["docs", "--check", dir.path, "--pages", "forward.md,backward.md"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("missing: forward.md"), "\(missing.stdout)")
    }

    @Test func refusals() throws {
        assertError(try runTool(["docs"]), status: 64, contains: "Say where: --out FOLDER")
        assertError(try runTool(["docs", "--check", "/tmp/y", "--pages", "char-lstm.md"]), status: 64,
                    contains: "char-lstm.md is written from --data FILE: add --data to check it")
        assertError(try runTool(["docs", "--out", "/tmp/x", "--pages", "nothing.md"]), status: 64, contains: "'--pages <names>'")
        assertError(try runTool(["docs", "--pages", "forward.md"]), status: 64, contains: "Say where")
        assertError(try runTool(["docs", "--out", "/tmp/x", "--check", "/tmp/y", "--pages", "forward.md"]), status: 64,
                    contains: "--out and --check do not go together")
        assertError(try runTool(["docs", "--check", "/tmp", "--pages", "char-lstm.md", "--data", "/no/such/file"]), status: 66,
                    contains: "no such file")
    }
}
