import Foundation
import Testing

/// An error echoes what was given in one line of reasonable length: control characters are
/// escaped and a long value is cut in the middle.
@Suite struct ErrorTextTests {
    @Test func controlCharactersAreEscaped() throws {
        let r = try runTool(["step", "--hidden", "3\n\u{1B}[31mred\r\t"])
        assertError(r, status: 64, contains: "The value '3\\n\\u{1B}[31mred\\r\\t' is invalid for '--hidden <n>'")
        #expect(!r.stderr.contains("\u{1B}"), "no raw escape reaches the terminal")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count > 2 && lines[1].hasPrefix("Help:") && lines.filter { $0.hasPrefix("Error:") }.count == 1,
                "one Error line, then Help, Usage and See: \(r.stderr)")
        let path = try runTool(["html", "--from", "a\nb.json"])
        assertError(path, status: 66, contains: "cannot read 'a\\nb.json': no such file")
        #expect(path.stderr.split(separator: "\n").count == 1)
        assertError(try runTool(["st\u{7}ep"]), status: 64, contains: "Unknown subcommand 'st\\u{7}ep'")
        assertError(try runTool(["step", "--hid\u{202E}den", "3"]), status: 64, contains: "Unknown option '--hid\\u{202E}den'")
    }

    @Test func longValuesAreCut() throws {
        let huge = String(repeating: "9", count: 130_000)
        let r = try runTool(["step", "--hidden", huge])
        let first = String(r.stderr.split(separator: "\n").first ?? "")
        #expect(r.status == 64)
        #expect(first.count < 200, "\(first.count) characters")
        #expect(first.contains("'" + String(repeating: "9", count: 50)) && first.contains("…" + String(repeating: "9", count: 26) + "'"))
        let longPath = "/" + String(repeating: "d/", count: 3000) + "x.json"
        let p = try runTool(["html", "--from", longPath])
        #expect(p.status == 66)
        #expect(p.stderr.count < 300 && p.stderr.split(separator: "\n").count == 1, "\(p.stderr.count) characters")
        let word = try runTool([String(repeating: "x", count: 100_000)])
        #expect(word.status == 64 && word.stderr.split(separator: "\n").first!.count < 200)
    }

    /// A message that quotes a value whole (compare's 'its format is "…"' of a 20 MB string)
    /// is still one line of reasonable length.
    @Test func longMessagesAreCut() throws {
        let dir = try temporaryFolder()
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try runTool(["step", "--format", "json", "-o", a]).status == 0)
        try ("{\"format\": \"" + String(repeating: "x", count: 1_000_000) + "\"}").write(toFile: b, atomically: true, encoding: .utf8)
        let r = try runTool(["compare", a, b])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("Error: ") && r.stderr.count < 500 && r.stderr.split(separator: "\n").count == 1, "\(r.stderr.count) characters")
    }

    /// `docs` alone and `docs --out o --check p` name the real problem.
    @Test func docsSaysWhatIsWrong() throws {
        assertError(try runTool(["docs"]), status: 64, contains: "Say where: --out FOLDER")
        assertError(try runTool(["docs", "--out", "o", "--check", "p"]), status: 64, contains: "--out and --check do not go together")
    }
}
