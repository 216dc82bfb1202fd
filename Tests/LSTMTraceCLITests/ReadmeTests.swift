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
