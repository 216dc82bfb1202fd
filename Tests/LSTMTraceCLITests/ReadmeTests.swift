import Foundation
import Testing

/// README.md's excerpts are what the tool prints: each block between
/// `<!-- excerpt: COMMAND -->` and `<!-- end excerpt -->` must appear verbatim in COMMAND's output.
@Suite struct ReadmeTests {
    @Test func excerptsAreRealOutput() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let parts = text.components(separatedBy: "<!-- excerpt: lstm-trace ").dropFirst()
        #expect(!(parts.isEmpty), "README has an excerpt")
        for part in parts {
            let headerEnd = try #require(part.range(of: " -->\n"))
            let header = String(part[..<headerEnd.lowerBound])
            let rest = part[headerEnd.upperBound...]
            let body = String(rest[..<(try #require(rest.range(of: "<!-- end excerpt -->")).lowerBound)])
            let r = try runTool(header.split(separator: " ").map(String.init))
            #expect(r.status == 0)
            #expect(r.stdout.contains(body), "README excerpt of 'lstm-trace \(header)' is not in its output")
        }
    }

    /// README's usage block is every subcommand's USAGE line, as its --help prints it (so it
    /// lists every option the help has). RECORD_README=1 rewrites the block.
    @Test func usageBlockIsTheHelp() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let root = try runTool(["--help"]).stdout
        let list = try #require(root.components(separatedBy: "SUBCOMMANDS:\n").last)
        let names = list.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first, !line.contains("lstm-trace help") else { return nil }
            return String(word)
        }
        #expect(names.count >= 9, "the root help lists the subcommands")
        var usages: [String] = []
        for name in names {
            let help = try runTool([name, "--help"]).stdout
            let start = try #require(help.range(of: "USAGE: "), "\(name) --help has a USAGE line")
            let end = try #require(help.range(of: "\n\n", range: start.upperBound..<help.endIndex))
            usages.append(String(help[start.upperBound..<end.lowerBound]))
        }
        let expected = "```\n" + usages.joined(separator: "\n") + "\nlstm-trace help <subcommand>\n```\n"
        let open = try #require(readme.range(of: "<!-- usage: "))
        let bodyStart = try #require(readme.range(of: "-->\n", range: open.upperBound..<readme.endIndex)).upperBound
        let bodyEnd = try #require(readme.range(of: "<!-- end usage -->", range: bodyStart..<readme.endIndex)).lowerBound
        if ProcessInfo.processInfo.environment["RECORD_README"] != nil {
            try (readme[..<bodyStart] + expected + readme[bodyEnd...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[bodyStart..<bodyEnd]) == expected, "README's usage block is not the help's; rewrite it with RECORD_README=1")
    }

    /// README's figures for the notebook are docs/char-lstm.md's, which `lstm-trace docs --check`
    /// holds to what the code computes (CI runs it on the Shakespeare sample).
    @Test func notebookFiguresAreTheDocsPage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let page = try String(contentsOf: root.appendingPathComponent("docs/char-lstm.md"), encoding: .utf8)
        let words = readme.split(whereSeparator: \.isWhitespace).map(String.init)
        let at = try #require(words.indices.first { words[$0...].starts(with: ["after", "5000", "iterations", "is"]) },
                              "README states the smooth loss after 5000 iterations")
        let ours = words[at + 4].trimmingCharacters(in: CharacterSet(charactersIn: ","))
        #expect(words[at + 5 ... at + 8] == ["against", "the", "80-bit", "reference's"])
        let reference = words[at + 9]
        #expect(page.contains("| 4999 | \(ours) | \(reference) |"),
                "README's \(ours) against \(reference) is not the row for iteration 4999 of docs/char-lstm.md")
    }
}
