import Foundation
import Testing
import TraceLSTM

/// What a reader sees on the generated pages: math without e-notation, no raw markup outside
/// math or in the plots, display equations that fit GitHub's text column, images that exist,
/// and explorer commands that open the page's own example.
///
/// The pages are the ones `lstm-trace docs` writes now (all but char-lstm.md, which trains for
/// 5000 iterations on the corpus), and the committed char-lstm.md and its plot, which CI's
/// `docs --check` holds to the code.
@Suite struct DocsPageTests {
    static let generated: Result<[String: String], any Error> = Result {
        let dir = try temporaryFolder()
        let r = try runTool(["docs", "--out", dir.path, "--pages", DocsCommandTests.pages])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": r.stderr]) }
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        for name in ["char-lstm.md", "char-lstm-loss.svg"] {
            files[name] = try String(contentsOf: DocsCommandTests.docs.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func files(_ suffix: String) throws -> [(name: String, text: String)] {
        try generated.get().filter { $0.key.hasSuffix(suffix) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: The scanner itself, on text a page might hold

    @Test func theScannerFlagsWhatAReaderSeesAsMarkupAndNothingElse() {
        let bad = [
            "$$x = 9.4435e-05$$", "The value $a = 1e+20$ is large.", "$$\n\\begin{aligned}\na &= 3E7\n\\end{aligned}\n$$",
            "$$\n\\begin{aligned}\na &= b \\\\\n&= c\n\\end{aligned}\n$$", "$a\\, b$", "$$\\sum_{g \\in \\{f, i\\}} g$$",
            "drawn in the order W_f, W_i, W_C", "| ‖dC_t‖ | 1 |", "the state C_{t−1} here", "written \\tilde{C} in text",
            "| a | b |\n|---:|---:|\n| $|C|$ | 2 |", "a lone $ sign",
        ]
        for page in bad { #expect(!PageScan.markdownProblems(page).isEmpty, "should be flagged: \(page)") }
        let good = [
            "$$x = 9.4435 \\times 10^{-5}$$", "In a table cell, 9.4435e-05 is what numpy prints.", "`W_f = np.random.randn(5, 8)`",
            "```python\nW_f, W_i = 1, 2\n```", "the state $C_{t-1}$ and $\\lVert dC_t \\rVert$", "[forward.md](forward_page.md)",
            "<!-- lstm_trace docs -->", "| $\\lvert C \\rvert$ | 2 |\n|---:|---:|\n| 1 | 2 |", "e-mail, re-export, 3-e",
            "costs \\$5", "$$\n\\begin{aligned}\nf_{1}[0] &= \\sigma(0.7) \\cr\n&= 0.67\n\\end{aligned}\n$$",
            "$a\\thinspace b \\lbrace c \\rbrace$",
        ]
        for page in good { #expect(PageScan.markdownProblems(page).isEmpty, "should pass: \(page) → \(PageScan.markdownProblems(page))") }
        #expect(!PageScan.svgProblems("<svg><text x=\"1\">b_f = 4: ‖dC_t‖</text></svg>").isEmpty)
        #expect(!PageScan.svgProblems("<svg><text>1e-6</text></svg>").isEmpty)
        #expect(PageScan.svgProblems("<svg><text>b<tspan dy=\"4\" font-size=\"9\">f</tspan><tspan dy=\"-4\"> = 4</tspan></text></svg>").isEmpty)
    }

    // MARK: The pages

    @Test func mathHasNoENotationAndTextHasNoRawMarkup() throws {
        let pages = try Self.files(".md")
        #expect(pages.count == 8)
        for (name, text) in pages {
            let problems = PageScan.markdownProblems(text)
            #expect(problems.isEmpty, "\(name):\n\(problems.prefix(10).joined(separator: "\n"))")
        }
    }

    @Test func plotTextIsGlyphsNotMarkup() throws {
        let plots = try Self.files(".svg")
        #expect(plots.count == 5, "three plots and the two cell diagrams")
        for (name, svg) in plots {
            #expect(!PageScan.svgTexts(svg).isEmpty, "\(name) has text")
            let problems = PageScan.svgProblems(svg)
            #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
        }
    }

    /// The cell diagrams are drawn in the layout whose text CellDiagramTests holds to 12 px or
    /// more in GitHub's text column (docsDrawingReadsInGitHubsTextColumn).
    @Test func cellDiagramsUseTheCompactLayout() throws {
        let all = try Self.generated.get()
        for name in ["forward-cell.svg", "backward-cell.svg"] {
            let svg = try #require(all[name], "lstm-trace docs writes \(name)")
            #expect(svg.contains("data-layout=\"compact\""), "\(name) is not drawn in the compact layout")
        }
    }

    /// GitHub's text column is about 830 px; MathJax draws these pages' equations within 6 % of
    /// `PageScan.estimatedWidth` (measured on every display equation of the old and new pages,
    /// 107 to 1221 px), so 780 estimated keeps every row inside it.
    @Test func displayEquationsFitTheTextColumn() throws {
        for (name, text) in try Self.files(".md") {
            for seg in PageScan.segments(text) where seg.kind == .displayMath {
                for row in PageScan.rows(seg.text) {
                    let width = PageScan.estimatedWidth(row)
                    #expect(width <= 780, "\(name), line \(seg.line): about \(Int(width)) px wide: \(row.prefix(100))")
                }
            }
        }
    }

    @Test func everyImageIsAFileTheDocsWrite() throws {
        let all = try Self.generated.get()
        let image = try NSRegularExpression(pattern: #"!\[[^\]]*\]\(([^)]+)\)"#)
        var images = 0
        for (name, text) in try Self.files(".md") {
            for m in image.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let target = String(text[Range(m.range(at: 1), in: text)!])
                #expect(all[target] != nil, "\(name) shows \(target), which lstm-trace docs does not write")
                images += 1
            }
        }
        #expect(images >= 3)
    }

    /// Each `lstm-trace html` command on a page runs, and opens the page's own example: the
    /// loss of the trace it embeds (or, for vanishing-gradients.md, whose loss is not on the
    /// page, ‖dC_1‖), rounded as the page rounds, is on the page. A wrong --steps or seed
    /// changes every number.
    @Test func everyExplorerCommandOpensThePagesExample() throws {
        let dir = try temporaryFolder()
        let command = try NSRegularExpression(pattern: #"`(lstm-trace [a-z]+ [^`]*)`"#)
        var opened = 0
        for (name, text) in try Self.files(".md") {
            let commands = command.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .map { String(text[Range($0.range(at: 1), in: text)!]).split(separator: " ").map(String.init) }
            for html in commands where html[1] == "html" {
                var args = Array(html.dropFirst())
                if let from = args.firstIndex(of: "--from") {
                    // Run the page's command that writes the trace first, into the temporary folder.
                    let file = args[from + 1]
                    let producer = try #require(commands.first { $0[1] != "html" && $0.contains(file) }, "\(name): nothing writes \(file)")
                    var p = Array(producer.dropFirst()).map { $0 == file ? dir.appendingPathComponent(file).path : $0 }
                    if p[0] == "train" { p = try shortTraining(p, dir) }
                    let made = try runTool(p)
                    #expect(made.status == 0, "\(name): \(producer.joined(separator: " ")): \(made.stderr)")
                    args[from + 1] = dir.appendingPathComponent(file).path
                }
                let out = dir.appendingPathComponent("\(name).\(opened).html")
                let o = try #require(args.firstIndex(of: "-o"), "\(name): \(html.joined(separator: " ")) names its file")
                args[o + 1] = out.path
                let r = try runTool(args)
                #expect(r.status == 0, "\(name): \(html.joined(separator: " ")): \(r.stderr)")
                let trace = try embeddedTrace(try String(contentsOf: out, encoding: .utf8))
                opened += 1
                if html.contains("--from") && name == "char-lstm.md" { continue }  // a two-iteration stand-in, see shortTraining
                let loss = NumberFormat.display(trace.loss), dC1 = NumberFormat.display(VectorMath.norm(trace.steps[0].backward[.dC]!))
                #expect(text.contains(loss) || text.contains(dC1),
                        "\(name): \(html.joined(separator: " ")) opens a trace with loss \(loss) and ‖dC_1‖ \(dC1), neither on the page")
            }
        }
        #expect(opened == 7, "forward, backward, concat-order (2), toy, vanishing, char-lstm")
    }

    /// char-lstm.md's command trains 5000 iterations on the corpus (minutes in a debug build):
    /// the same options on a small text for 2 iterations, tracing the second, show that they
    /// run and that html opens what they write.
    private func shortTraining(_ args: [String], _ dir: URL) throws -> [String] {
        let text = dir.appendingPathComponent("small.txt")
        try String(repeating: "to be or not to be, that is the question. ", count: 20).write(to: text, atomically: true, encoding: .utf8)
        var a = args
        for (option, value) in [("--data", text.path), ("--iterations", "2"), ("--trace-iteration", "1")] {
            let k = try #require(a.firstIndex(of: option), "the page's train command has \(option)")
            a[k + 1] = value
        }
        return a
    }

    private func embeddedTrace(_ html: String) throws -> Trace {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"trace-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try TraceJSON.decode(try JSONParser.parse(String(html[start.upperBound..<end.lowerBound])))
    }
}
