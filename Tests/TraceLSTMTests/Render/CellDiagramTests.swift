import Foundation
@testable import TraceLSTM
import Testing

/// The cell diagram that the docs and the explorer share: well-formed SVG, directed wires,
/// gradients for labels in backward mode, the trace's numbers, and a layout where nothing
/// overlaps. (How it looks in a browser is tested by Tests/browser.)
@Suite struct CellDiagramTests {
    /// A regression model (linear head) and a character model (softmax head, a vocabulary).
    static let traces: [(String, Trace)] = {
        let linear = StepProblem(config: LSTMConfiguration(input: 3, hidden: 5, output: 2), steps: 4, seed: 0,
                                 initialization: .tutorial).trace()
        var characters = StepProblem(config: LSTMConfiguration(input: 5, hidden: 6, output: 5, loss: .crossEntropy),
                                     steps: 3, seed: 1, initialization: .tutorial).trace()
        characters.settings = [("vocabulary", .string("ab e\n"))]
        return [("linear", linear), ("characters", characters)]
    }()

    static let gradientKeys: Set<String> = Set(Quantity.backwardOrder.map(\.key))
        .union([CellDiagram.DerivedKey.dx, CellDiagram.DerivedKey.dTanhC, CellDiagram.DerivedKey.dhNext, CellDiagram.DerivedKey.dCNext])

    /// Every drawing of every trace: (what, pass, standalone file, template).
    static func drawings() -> [(String, Trace, CellDiagram.Pass, CellDiagram.Layout, String)] {
        traces.flatMap { name, trace in
            CellDiagram.Pass.allCases.flatMap { pass in
                CellDiagram.Layout.allCases.flatMap { layout -> [(String, Trace, CellDiagram.Pass, CellDiagram.Layout, String)] in
                    let what = "\(name) \(pass.rawValue) \(layout.rawValue)"
                    return [(what + " file", trace, pass, layout, CellDiagram.svg(trace: trace, t: 2, unit: 1, pass: pass, layout: layout)),
                            (what + " template", trace, pass, layout,
                             CellDiagram(trace: trace, pass: pass, layout: layout).template(idPrefix: "p-\(pass)-\(layout)"))]
                }
            }
        }
    }

    @Test func everyDrawingIsWellFormedXML() throws {
        for (what, _, _, _, svg) in Self.drawings() {
            let root = try #require(XMLElement.parse(svg), "\(what) is not well-formed XML")
            #expect(root.name == "svg" && root["xmlns"] == "http://www.w3.org/2000/svg", "\(what)")
            let ids = root.all.compactMap { $0["id"] }
            #expect(Set(ids).count == ids.count, "\(what): ids repeat")
        }
    }

    @Test func everyWireEndsInAnArrowheadOfItsOwnDrawing() throws {
        for (what, _, _, _, svg) in Self.drawings() {
            let root = try #require(XMLElement.parse(svg))
            let markers = Dictionary(uniqueKeysWithValues: root.all.filter { $0.name == "marker" }.map { ($0["id"] ?? "", $0) })
            let wires = root.all.filter { $0["class"] == "wire" }
            #expect(wires.count == 22, "\(what): \(wires.count) wires")
            for wire in wires {
                let ref = wire["marker-end"] ?? ""
                let id = ref.hasPrefix("url(#") && ref.hasSuffix(")") ? String(ref.dropFirst(5).dropLast()) : ""
                let marker = try #require(markers[id], "\(what): wire \(wire["data-wire"] ?? "?") has no arrowhead (\(ref))")
                #expect(marker.children.contains { $0.name == "path" && ($0["d"] ?? "").contains("z") }, "\(what): marker \(id) draws nothing")
            }
        }
    }

    @Test func backwardReversesEveryWire() throws {
        for (_, trace) in Self.traces {
            for layout in CellDiagram.Layout.allCases {
                func paths(_ pass: CellDiagram.Pass) throws -> [String: [String]] {
                    let root = try #require(XMLElement.parse(CellDiagram(trace: trace, pass: pass, layout: layout).template(idPrefix: "x")))
                    return Dictionary(uniqueKeysWithValues: root.all.filter { $0["class"] == "wire" }.map {
                        ($0["data-wire"]!, $0["d"]!.split(separator: " ").map { String($0.dropFirst()) })
                    })
                }
                let forward = try paths(.forward), backward = try paths(.backward)
                #expect(forward.keys.sorted() == backward.keys.sorted())
                for (id, points) in forward {
                    #expect(backward[id] == points.reversed(), "\(layout) \(id): the backward wire is not the forward one reversed")
                }
            }
        }
    }

    /// Backward, every symbol is a gradient (dq) and every number a gradient's; forward, none is.
    @Test func labelsArePassSymbols() throws {
        for (what, _, pass, _, svg) in Self.drawings() {
            let root = try #require(XMLElement.parse(svg))
            let values = root.all.filter { $0.name == "text" && $0["class"] == "val" }
            #expect(values.count >= 12, "\(what): \(values.count) numbers")
            for v in values {
                let key = v["data-key"] ?? "", text = v.textContent
                if pass == .backward {
                    #expect(Self.gradientKeys.contains(key), "\(what): \(key) is not a gradient")
                    #expect(text.hasPrefix("d"), "\(what): the label \(text) is not a gradient's")
                } else {
                    #expect(!Self.gradientKeys.contains(key), "\(what): \(key) is a gradient in the forward drawing")
                    #expect(!text.hasPrefix("d"), "\(what): the label \(text) reads as a gradient")
                }
            }
            for eq in root.all.filter({ $0["class"] == "eq" }) {
                #expect(eq.textContent.hasPrefix("d") == (pass == .backward), "\(what): \(eq.textContent)")
            }
        }
    }

    /// The standalone file shows the trace's numbers, at the page's display precision.
    @Test func fileShowsTheTracesNumbers() throws {
        for (name, trace) in Self.traces {
            for pass in CellDiagram.Pass.allCases {
                let t = 2, j = 1
                let root = try #require(XMLElement.parse(CellDiagram.svg(trace: trace, t: t, unit: j, pass: pass)))
                let values = DiagramValues(trace: trace, t: t)
                for v in root.all where v["class"] == "val" {
                    let key = v["data-key"]!, index = try #require(Int(v["data-index"] ?? ""), "\(name): \(key) has no index")
                    let number = v.children.first { $0["class"] == "num" }?.textContent
                    let expected = try #require(values.vector(key))[index]
                    #expect(number == NumberFormat.significant(expected), "\(name) \(pass): \(key)[\(index)]")
                    if v["data-slot"] == "unit" { #expect(index == j) }
                }
            }
            let file = CellDiagram.svg(trace: trace, t: 2, unit: 1)
            #expect(file.contains("LSTM cell at step t = 2 of \(trace.steps.count), unit j = 1"))
            #expect(file.contains("<style>") && file.contains("prefers-color-scheme: dark"), "the file carries its style sheet")
        }
        // The derived numbers: d tanh(C_t) = dh_t ⊙ o_t, and what step t + 1 handed back.
        let trace = Self.traces[0].1
        let v = DiagramValues(trace: trace, t: 2)
        #expect(v.vector("dtanh_C")![3] == trace.steps[1][.dh]![3] * trace.steps[1][.o]![3])
        #expect(v.vector("dh_next") == trace.steps[2][.dhPrev])
        #expect(DiagramValues(trace: trace, t: 4).vector("dC_next") == [0, 0, 0, 0, 0])
        #expect(v.vector("dx") == Array(trace.steps[1][.dz]![5..<8]))
    }

    /// Past the ends the neighbours' boxes name what stands there: the initial state before
    /// step 1 (a nonzero h_0 sat beside "none"), nothing after step T; a box that shows two
    /// entries of a longer vector says so (x_t[1] went missing without a word).
    @Test func neighboursAndPartialVectorsSayWhatTheyShow() throws {
        let trace = Self.traces[0].1, T = trace.steps.count
        let first = CellDiagram.svg(trace: trace, t: 1, unit: 0), last = CellDiagram.svg(trace: trace, t: T, unit: 0)
        #expect(first.contains("data-offset=\"-1\" x=") && first.contains(">h₀, C₀</text>"), "before step 1: the initial state")
        #expect(last.contains(">end</text>") && !last.contains(">none</text>"), "after step T: the end")
        #expect(first.contains(">input: largest 2 of 3</text>"), "X = 3, two shown")
        let two = StepProblem(config: LSTMConfiguration(input: 2, hidden: 3, output: 2), steps: 1, seed: 0, initialization: .tutorial).trace()
        #expect(CellDiagram.svg(trace: two, t: 1, unit: 0).contains(">input</text>"), "X = 2: both shown, nothing to say")
        #expect(CellDiagram.stepLabel(0, steps: 3) == "h₀, C₀" && CellDiagram.stepLabel(4, steps: 3) == "end" && CellDiagram.stepLabel(2, steps: 3) == "2")
    }

    @Test func charactersAndTargetsAreNamed() throws {
        let trace = Self.traces[1].1
        let file = CellDiagram.svg(trace: trace, t: 1, unit: 0)
        guard case .classes(let targets) = trace.target else { Issue.record("a class target"); return }
        let vocabulary = Array("ab e\n")
        #expect(file.contains("target <tspan class=\"name\">“\(DiagramValues.visible(vocabulary[targets[0]]))”</tspan>"))
        #expect(DiagramValues.className(2, vocabulary: vocabulary) == "“␣”")
        #expect(DiagramValues.className(4, vocabulary: vocabulary) == "“↵”")
        #expect(DiagramValues.className(3, vocabulary: nil) == "class 3")
    }

    /// The template has hooks and no numbers; every node can be focused.
    @Test func templateHasHooksAndNoNumbers() throws {
        let trace = Self.traces[0].1
        let root = try #require(XMLElement.parse(CellDiagram(trace: trace).template(idPrefix: "fw")))
        #expect(root.all.filter { $0["class"] == "num" }.allSatisfy { $0.textContent == "–" })
        let nodes = root.all.filter { ($0["class"] ?? "").hasPrefix("node ") }
        #expect(nodes.count == 18)
        #expect(nodes.allSatisfy { $0["tabindex"] == "0" && $0["role"] == "button" && $0["aria-label"] != nil })
        #expect(!CellDiagram(trace: trace).template(idPrefix: "fw").contains("<style>"), "the page has the style sheet")
    }

    /// No two nodes overlap, every node lies inside the drawing, every text fits its box (by
    /// the conservative metrics), and every wire is a run of horizontal and vertical segments
    /// that starts and ends on the sides of its nodes and crosses no other node.
    @Test func layoutHasNoOverlaps() throws {
        for (name, trace) in Self.traces {
            for layout in CellDiagram.Layout.allCases {
                let d = CellDiagram(trace: trace, layout: layout)
                let arrangement = CellDiagram.arrangement(layout)
                let placed = d.placedNodes()
                for (a, p) in placed.enumerated() {
                    #expect(p.rect.x >= 0 && p.rect.y >= 0 && p.rect.maxX <= arrangement.width && p.rect.maxY <= arrangement.height,
                            "\(name) \(layout): \(p.node.id) is outside the drawing")
                    for q in placed[(a + 1)...] {
                        #expect(!p.rect.intersects(q.rect), "\(name) \(layout): \(p.node.id) overlaps \(q.node.id)")
                    }
                }
                for p in placed where !p.node.kind.isOp {
                    // The widest line and the lines' height, with at least half the padding
                    // around them (the neighbours' cells are sized by hand).
                    let widest = (p.node.forward + p.node.backward).map(d.lineWidth).max() ?? 0
                    let lines = Double(max(p.node.forward.count, p.node.backward.count))
                    #expect(widest + CellDiagram.Metrics.paddingX <= p.rect.width
                            && lines * CellDiagram.Metrics.lineHeight + CellDiagram.Metrics.paddingY <= p.rect.height,
                            "\(name) \(layout): the text of \(p.node.id) (\(widest) wide, \(lines) lines) overflows its box \(p.rect)")
                }
                let rects = Dictionary(uniqueKeysWithValues: placed.map { ($0.node.id, $0.rect) })
                for wire in arrangement.wires {
                    let points = wire.route.map { d.point($0, rects) }
                    for (p, q) in zip(points, points.dropFirst()) {
                        #expect(p.x == q.x || p.y == q.y, "\(layout) \(wire.id): a slanted segment")
                        // No wire runs through a box it does not join.
                        let segment = DiagramRect(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(p.x - q.x), height: abs(p.y - q.y))
                        for (id, r) in rects where id != wire.from && id != wire.to {
                            let inner = DiagramRect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2)
                            #expect(!segment.touches(inner), "\(name) \(layout) \(wire.id): runs through \(id)")
                        }
                    }
                    for (id, p) in [(wire.from, points.first!), (wire.to, points.last!)] {
                        let r = rects[id]!
                        let onSide = (abs(p.x - r.x) < 1e-9 || abs(p.x - r.maxX) < 1e-9) && p.y >= r.y && p.y <= r.maxY
                            || (abs(p.y - r.y) < 1e-9 || abs(p.y - r.maxY) < 1e-9) && p.x >= r.x && p.x <= r.maxX
                        #expect(onSide, "\(layout) \(wire.id): does not end on \(id)'s side")
                    }
                    // Long enough for its arrowhead (10 units) to show.
                    let last = zip(points, points.dropFirst()).map { abs($0.x - $1.x) + abs($0.y - $1.y) }
                    #expect(last.first! >= 14 && last.last! >= 14, "\(layout) \(wire.id): an end segment is too short for an arrowhead")
                }
            }
        }
    }

    /// GitHub shows a docs page's images in a text column about 880 px wide. The docs' drawing
    /// (the compact layout) is drawn at least that wide, so the column scales it to 880 px, and
    /// then its smallest text, subscripts included, is 12 px high or more.
    @Test func docsDrawingReadsInGitHubsTextColumn() throws {
        let column = 880.0, smallest = 12.0
        let cssSizes = Self.cssFontSizes(CellDiagram.styleSheet)
        let defaultSize = try #require(cssSizes["text"], "the style sheet gives text a font-size")
        for (name, trace) in Self.traces {
            for pass in CellDiagram.Pass.allCases {
                let svg = CellDiagram.svg(trace: trace, t: 2, unit: 1, pass: pass, layout: .compact)
                let root = try #require(XMLElement.parse(svg))
                let viewBox = (root["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
                let viewWidth = try #require(viewBox.count == 4 ? viewBox[2] : nil, "\(name) \(pass): no viewBox")
                let fileWidth = try #require(Double(root["width"] ?? ""), "\(name) \(pass): no width")
                #expect(fileWidth >= column, "\(name) \(pass): \(fileWidth) px wide, so the column shows it narrower than \(column)")
                var runs: [(size: Double, text: String)] = []
                for text in root.all where text.name == "text" {
                    let size = (text["class"] ?? "").split(separator: " ").compactMap { cssSizes["." + $0] }.first ?? defaultSize
                    runs += Self.textRuns(text, size: size)
                }
                #expect(runs.count > 50, "\(name) \(pass): \(runs.count) runs of text")
                for run in runs {
                    let onScreen = run.size * column / viewWidth
                    #expect(onScreen >= smallest, "\(name) \(pass): “\(run.text)” is \(onScreen) px high at \(column) px wide")
                }
            }
        }
    }

    /// The font sizes the style sheet gives text: "text" for every text, ".offset" and so on
    /// for a class.
    static func cssFontSizes(_ css: String) -> [String: Double] {
        let rule = try! NSRegularExpression(pattern: #"([^{}]+)\{([^}]*)\}"#)
        let fontSize = try! NSRegularExpression(pattern: #"font-size:\s*([0-9.]+)px"#)
        var sizes: [String: Double] = [:]
        for m in rule.matches(in: css, range: NSRange(css.startIndex..., in: css)) {
            let body = String(css[Range(m.range(at: 2), in: css)!])
            guard let f = fontSize.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
                  let size = Double(body[Range(f.range(at: 1), in: body)!]) else { continue }
            for selector in css[Range(m.range(at: 1), in: css)!].split(separator: ",") {
                guard let last = selector.split(separator: " ").last else { continue }
                sizes[String(last)] = size
            }
        }
        return sizes
    }

    /// Each stretch of visible text under an element with the font size it is drawn at (a
    /// tspan's `font-size`, or its parent's).
    static func textRuns(_ e: XMLElement, size: Double) -> [(size: Double, text: String)] {
        let own = e["font-size"].flatMap(Double.init) ?? size
        var runs = [(size: own, text: e.text)]
        for child in e.children { runs += textRuns(child, size: own) + [(size: own, text: child.tail)] }
        return runs.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test func symbolTextReadsSubscripts() {
        func runs(_ s: String) -> [String] { SymbolText(s).runs.map { $0.isSubscript ? "_" + $0.text : $0.text } }
        #expect(runs("C_{t−1}") == ["C", "_t−1"])
        #expect(runs("a_f = 1") == ["a", "_f", " = 1"])
        #expect(runs("dC̃_t") == ["dC̃", "_t"])
        #expect(runs("tanh(C_t)") == ["tanh(C", "_t", ")"])
        #expect(runs("y_T,k − Y_k") == ["y", "_T,k", " − Y", "_k"])
        #expect(runs("[h_{t−1}, x_t]") == ["[h", "_t−1", ", x", "_t", "]"])
        #expect(runs("a_") == ["a_"])
    }
}

extension DiagramRect {
    /// Whether the two share a point, a line of zero width included.
    func touches(_ r: DiagramRect) -> Bool {
        x <= r.maxX && r.x <= maxX && y <= r.maxY && r.y <= maxY
    }
}

extension CellDiagram.Kind {
    var isOp: Bool {
        if case .op = self { return true }
        return false
    }
}
