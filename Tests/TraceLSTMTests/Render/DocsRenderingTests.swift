import Foundation
import TraceLSTM
import Testing

/// The pieces the docs pages are written with: numbers in LaTeX, percentages, SVG labels, the
/// sentences that read an equation's numbers, and the gradient check's rounding-floor note.
@Suite struct DocsRenderingTests {
    // MARK: Numbers

    /// Edge cases first, then the rule: a LaTeX number reads back as `display`'s number.
    @Test func latexNumbersArePowersOfTenNeverENotation() throws {
        #expect(NumberFormat.latex(0) == "0")
        #expect(NumberFormat.latex(-0.538094) == "-0.538094")
        #expect(NumberFormat.latex(-9.4435e-05) == "-9.4435 \\times 10^{-5}")
        #expect(NumberFormat.latex(1e-5) == "10^{-5}")
        #expect(NumberFormat.latex(-1e-8) == "-10^{-8}")
        #expect(NumberFormat.latex(1.5e20) == "1.5 \\times 10^{20}")
        #expect(NumberFormat.latex(.infinity) == "\\infty")
        #expect(NumberFormat.latex(-.infinity) == "-\\infty")
        #expect(NumberFormat.latex(.nan) == "\\text{NaN}")
        var random = NumpyRandom(seed: 5)
        for _ in 0..<2000 {
            let x = random.standardNormal() * pow(10, (random.randomSample() * 40 - 20).rounded())
            let latex = NumberFormat.latex(x)
            #expect(latex.range(of: #"\d[eE][+-]?\d"#, options: .regularExpression) == nil, "\(x) → \(latex)")
            // Read it back: mantissa × 10^exponent is the number display() shows.
            var value: Double
            if let times = latex.range(of: " \\times 10^{") {
                value = Double(latex[..<times.lowerBound])! * pow(10, Double(latex[times.upperBound...].dropLast())!)
            } else if latex.hasPrefix("10^{") || latex.hasPrefix("-10^{") {
                value = (latex.hasPrefix("-") ? -1 : 1) * pow(10, Double(latex.drop { $0 != "{" }.dropFirst().dropLast())!)
            } else {
                value = try #require(Double(latex))
            }
            let shown = Double(NumberFormat.display(x))!
            #expect(abs(value - shown) <= abs(shown) * 1e-12, "\(x): \(latex) reads \(value), display shows \(shown)")
        }
    }

    @Test func percentagesNeverRoundASmallShareToZeroOrAllButOneToAll() {
        #expect(NumberFormat.percent(0) == "0 %")
        #expect(NumberFormat.percent(1) == "100 %")
        #expect(NumberFormat.percent(0.672351) == "67 %")
        #expect(NumberFormat.percent(0.00748) == "0.7 %")
        #expect(NumberFormat.percent(0.9996) == "99.96 %")
        #expect(NumberFormat.percent(0.004) == "0.4 %")
        #expect(NumberFormat.percent(0.99999) == "99.999 %")
    }

    // MARK: SVG labels

    @Test func plotLabelsDrawSubscriptsAsGlyphs() {
        let svg = LinePlot(title: "‖dC_{t}‖ over t", xLabel: "step t", yLabel: "norm",
                           series: [.init(name: "b_{f} = 4: ‖dC_{t}‖", points: [(1, 1), (2, 0.1)], color: "#000"),
                                    .init(name: "x^{2}", points: [(1, 2), (2, 3)], color: "#111", dashed: true)], logY: true).svg()
        #expect(svg.contains("b<tspan dy=\"4\" font-size=\"9\">f</tspan><tspan dy=\"-4\"> = 4: ‖dC</tspan>"), "\(svg)")
        #expect(svg.contains("x<tspan dy=\"-5\" font-size=\"9\">2</tspan>"))
        #expect(svg.contains("<title>‖dCt‖ over t</title>"), "the title element holds plain text")
        #expect(svg.contains("10<tspan dy=\"-5\" font-size=\"9\">−1</tspan>"), "log ticks as powers of ten")
        #expect(!svg.contains("_{") && !svg.contains("^{") && !svg.contains("1e-"))
        // The legend sits under the plotted area: every legend line is below the plot's frame.
        let frameBottom = 420.0 - 64.0
        let legendLines = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<line") && $0.contains("stroke-width=\"2\"") }
        #expect(legendLines.count == 2)
        for line in legendLines {
            let y = Double(line.components(separatedBy: "y1=\"")[1].prefix { $0 != "\"" })!
            #expect(y > frameBottom, "legend entry at y = \(y), inside the plot (bottom \(frameBottom))")
        }
    }

    // MARK: The sentences

    /// Over several seeds and every unit, each sentence carries the trace's own numbers: the
    /// value at 3 digits, the gate as a percentage, the words that follow its sign.
    @Test(arguments: [0, 1, 7] as [UInt32])
    func readingsQuoteTheTracesNumbers(seed: UInt32) {
        let trace = StepProblem(config: LSTMConfiguration(input: 3, hidden: 4, output: 2), steps: 3, seed: seed,
                                initialization: .tutorial).trace()
        let forward = Dictionary(uniqueKeysWithValues: Equations.forward(trace.config).map { ($0.label, $0) })
        let backward = Dictionary(uniqueKeysWithValues: Equations.backward(trace.config).map { ($0.label, $0) })
        func n(_ x: Double) -> String { NumberFormat.latex(x, digits: 3) }
        for step in trace.steps {
            for j in 0..<trace.config.hidden {
                let v = { (q: Quantity) in step[q]![j] }
                let f = EquationReading.forward(forward["1"]!, trace, step, unit: j)!
                #expect(f.contains("= \(n(v(.f)))$") && f.contains(NumberFormat.percent(v(.f))) && f.contains("unit \(j) keeps"), "\(f)")
                let c = EquationReading.forward(forward["3"]!, trace, step, unit: j)!
                #expect(c.contains(n(v(.c))) && c.contains(NumberFormat.percent(v(.f))) && c.contains(NumberFormat.percent(v(.i))), "\(c)")
                let o = EquationReading.forward(forward["4a"]!, trace, step, unit: j)!
                #expect(o.contains(NumberFormat.percent(v(.o))), "\(o)")
                let di = EquationReading.backward(backward["B6"]!, trace, step, unit: j)!
                #expect(di.contains(n(v(.dI))) && di.contains(v(.dI) < 0 ? "lower the loss" : "raise the loss"), "\(di)")
                let dh = EquationReading.backward(backward["B2"]!, trace, step, unit: j)!
                #expect(dh.contains("about $\(n(v(.dh)))\\thinspace \\delta$"), "\(dh)")
                if step.t > 1 {
                    let b9 = EquationReading.backward(backward["B9"]!, trace, step, unit: j)!
                    #expect(b9.contains(n(v(.dCPrev))) && b9.contains(NumberFormat.percent(v(.f))) && b9.contains(n(v(.dC))), "\(b9)")
                }
            }
            // The spread names the units that hold the extremes.
            let fs = step[.f]!
            let lo = fs.indices.min { fs[$0] < fs[$1] }!, hi = fs.indices.max { fs[$0] < fs[$1] }!
            let f0 = EquationReading.forward(forward["1"]!, trace, step, unit: 0)!
            #expect(f0.contains("$\(n(fs[lo]))$ (unit \(lo) keeps the least)") && f0.contains("$\(n(fs[hi]))$ (unit \(hi), the most)"), "\(f0)")
        }
    }

    // MARK: The gradient check's rounding floor

    /// An entry OK only under the rounding floor is marked and explained with its own numbers;
    /// the forward.md example has one (W_C[2,3], relative error 0.0021).
    @Test func anEntryOKByTheRoundingFloorSaysWhy() throws {
        let p = StepProblem(config: LSTMConfiguration(input: 3, hidden: 5, output: 2), steps: 2, seed: 0, initialization: .tutorial)
        let check = GradientCheck(model: p.model, input: p.input, target: p.target)
        let floored = check.worstPerParameter.filter(\.isOKByRoundingFloor)
        try #require(!floored.isEmpty, "the example has an entry under the floor")
        let table = GradientCheckReport(check: check, config: p.model.config).worstTable
        for e in floored {
            #expect(e.relativeError > GradientCheck.okRelativeError && e.difference <= e.roundingFloor)
            #expect(table.contains("| \(e.row) | \(e.col) |") && table.contains("OK (rounding floor)"))
            #expect(table.contains(NumberFormat.latex(e.difference, digits: 2)) && table.contains(NumberFormat.latex(e.roundingFloor, digits: 2)),
                    "the note gives |a − n| and the floor")
        }
        for e in check.entries where e.relativeError <= GradientCheck.okRelativeError { #expect(!e.isOKByRoundingFloor) }
        #expect(table.components(separatedBy: "(rounding floor)").count - 1 == floored.count)
    }
}
