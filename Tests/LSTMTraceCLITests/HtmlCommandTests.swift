import Foundation
import TraceLSTM
import Testing

/// `lstm-trace html`: one self-contained page, and its refusals. (The page's behaviour is
/// tested in a real browser by Tests/browser/explorer_test.py, which .ci/run runs.)
@Suite struct HtmlCommandTests {
    @Test func pageIsSelfContainedAndCarriesTheTrace() throws {
        let dir = try temporaryFolder()
        let json = dir.appendingPathComponent("t.json").path, page = dir.appendingPathComponent("t.html").path
        #expect(try runTool(["step", "--steps", "2", "--format", "json", "-o", json]).status == 0)
        #expect(try runTool(["html", "--from", json, "--title", "A <small> trace", "-o", page]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<title>A &lt;small&gt; trace"), "the title is escaped")
        for external in ["<link", "src=\"http", "href=\"http", "@import", "url(http", "<script src"] {
            #expect(!(html.contains(external)), "nothing external: found \(external)")
        }
        // The embedded trace is the trace, and the symbol table is the library's.
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"trace-data\">\n"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let embedded = try TraceJSON.decode(JSONParser.parse(String(html[start.upperBound..<end.lowerBound])))
        let original = try TraceJSON.decode(JSONParser.parse(String(contentsOfFile: json, encoding: .utf8)))
        #expect(embedded == original)
        #expect(html.contains(Equations.forward(original.config)[1].text.replacingOccurrences(of: "<", with: "\\u003c")))
        // Made of the real files: every placeholder filled, the cell drawn four times (wide and
        // narrow, forward and backward), each script and style sheet in it as written.
        #expect(!html.contains("%%"), "a placeholder is left")
        for pass in ["forward", "backward"] {
            for layout in ["wide", "narrow"] {
                #expect(html.contains("data-layout=\"\(layout)\" data-pass=\"\(pass)\""), "the \(layout) \(pass) diagram")
            }
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/TraceLSTM/Render")
        for file in ["Explorer/explorer.css", "Diagram/cell-diagram.css", "Explorer/explorer-errors.js", "Explorer/explorer-format.js",
                     "Explorer/explorer-trace.js", "Explorer/explorer-colour.js", "Explorer/explorer-diagram.js",
                     "Explorer/explorer-formula.js", "Explorer/explorer-heatmap.js", "Explorer/explorer-text.js",
                     "Explorer/explorer-equations.js", "Explorer/explorer-main.js"] {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(html.contains(text), "\(file) is not in the page as written")
        }
        // Traced directly from model options too.
        let direct = try runTool(["html", "--steps", "2"])
        #expect(direct.status == 0)
        #expect(direct.stdout.contains("id=\"trace-data\""))
    }

    @Test func refusals() throws {
        let dir = try temporaryFolder()
        assertError(try runTool(["html", "--from", dir.appendingPathComponent("none.json").path]), status: 66, contains: "no such file")
        let notJSON = dir.appendingPathComponent("x.json").path
        try "not json".write(toFile: notJSON, atomically: true, encoding: .utf8)
        assertError(try runTool(["html", "--from", notJSON]), status: 65, contains: "is not valid JSON")
        let foreign = dir.appendingPathComponent("f.json").path
        try "{\"format\": \"lstm-trace/1\", \"config\": {}}".write(toFile: foreign, atomically: true, encoding: .utf8)
        assertError(try runTool(["html", "--from", foreign]), status: 65, contains: "is not an lstm-trace trace")
        assertError(try runTool(["html", "--from", foreign, "--hidden", "3"]), status: 64, contains: "--hidden describes a model to trace")
        assertError(try runTool(["html", "-o", dir.appendingPathComponent("no/dir/x.html").path]), status: 73, contains: "cannot write")
    }
}
