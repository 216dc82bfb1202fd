#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A line chart as a standalone SVG file: axes with "nice" ticks, axis labels, a title, a
/// legend, and a white background so it reads the same in light and dark pages.
public struct LinePlot: Sendable {
    /// One line of the chart.
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// A CSS colour.
        public var color: String
        public var dashed: Bool

        public init(name: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false) {
            self.name = name
            self.points = points
            self.color = color
            self.dashed = dashed
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// A logarithmic y axis (for gradients that shrink by orders of magnitude).
    public var logY = false
    public var width = 720.0
    public var height = 420.0

    public init(title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.logY = logY
    }

    /// Colours that stay apart for colour-blind readers (Okabe–Ito).
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Tick positions at 1, 2 or 5 × 10^k enclosing [lo, hi] (the first at or below lo, the last
    /// at or above hi), about `count` of them.
    public static func niceTicks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
        let raw = (hi - lo) / Double(max(count - 1, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var v = floor(lo / step + 1e-9) * step
        while v < hi + step * (1 - 1e-9) {
            ticks.append(abs(v) < step * 1e-9 ? 0 : v)
            v += step
        }
        return ticks
    }

    /// The SVG text. The legend sits under the plot, never over a line; `_{…}` and `^{…}` in
    /// the title, labels and series names are drawn as subscripts and superscripts.
    public func svg() -> String {
        let left = 78.0, right = 24.0, top = 48.0, bottom = 64.0
        let plotW = width - left - right, plotH = height - top - bottom
        let legend = series.count > 1 ? legendLayout(plotW) : (rows: 0, columns: 1, cell: 0.0)
        let legendH = Double(legend.rows) * 20 + (legend.rows > 0 ? 8 : 0)
        let totalH = height + legendH
        let all = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite && (!logY || $0.y > 0) }
        let xs = all.map(\.x), ys = all.map { logY ? log10($0.y) : $0.y }
        var (x0, x1) = (xs.min() ?? 0, xs.max() ?? 1)
        var (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
        if x0 == x1 { (x0, x1) = (x0 - 1, x1 + 1) }
        if y0 == y1 { (y0, y1) = (y0 - 1, y1 + 1) }
        let xTicks = Self.niceTicks(x0, x1)
        var yTicks: [Double]
        if logY {
            (y0, y1) = (floor(y0), ceil(y1))
            let stride = max(1.0, ceil((y1 - y0) / 6))
            yTicks = Swift.stride(from: y0, through: y1, by: stride).map { $0 }
        } else {
            yTicks = Self.niceTicks(y0, y1)
            (y0, y1) = (min(y0, yTicks.first ?? y0), max(y1, yTicks.last ?? y1))
        }
        x0 = min(x0, xTicks.first ?? x0)
        x1 = max(x1, xTicks.last ?? x1)
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * plotW }
        func py(_ y: Double) -> Double { top + (1 - (y - y0) / (y1 - y0)) * plotH }
        func f(_ v: Double) -> String { String(Double(Int((v * 10).rounded())) / 10) }

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(totalH))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(totalH))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        s += "<title>\(Self.escape(Self.plain(title)))</title>\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        s += "<text x=\"\(f(width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"16\" fill=\"#111\">\(Self.text(title))</text>\n"
        // Grid and ticks.
        for t in xTicks {
            s += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH))\" stroke=\"#e5e5e5\"/>\n"
            s += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\" fill=\"#333\">\(Self.escape(NumberFormat.display(t, digits: 6)))</text>\n"
        }
        for t in yTicks {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#e5e5e5\"/>\n"
            let label = logY ? Self.text("10^{\(Self.minus(Int(t)))}") : Self.escape(NumberFormat.display(t, digits: 6))
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\" fill=\"#333\">\(label)</text>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#333\"/>\n"
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 16))\" text-anchor=\"middle\" fill=\"#111\">\(Self.text(xLabel))</text>\n"
        s += "<text transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#111\">"
            + "\(Self.text(yLabel + (logY ? " (log scale)" : "")))</text>\n"
        // Lines.
        for line in series {
            let pts = line.points.filter { $0.x.isFinite && $0.y.isFinite && (!logY || $0.y > 0) }
                .map { "\(f(px($0.x))),\(f(py(logY ? log10($0.y) : $0.y)))" }
            guard !pts.isEmpty else { continue }
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            if pts.count == 1 {
                let xy = pts[0].split(separator: ",")
                s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(line.color)\"/>\n"
            } else {
                s += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.6\"\(dash) points=\"\(pts.joined(separator: " "))\"/>\n"
            }
        }
        // Legend: under the axis label, in columns, outside the plotted area.
        for (k, line) in series.enumerated() where legend.rows > 0 {
            let x = left + Double(k % legend.columns) * legend.cell
            let y = height + Double(k / legend.columns) * 20 + 4
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            s += "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 24))\" y2=\"\(f(y - 4))\" "
                + "stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>\n"
            s += "<text x=\"\(f(x + 30))\" y=\"\(f(y))\" fill=\"#111\">\(Self.text(line.name))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// How the legend's entries fill columns under the plot: as many columns of equal width as
    /// the longest name allows (about 6.5 px a character at 12 px), then rows.
    private func legendLayout(_ plotW: Double) -> (rows: Int, columns: Int, cell: Double) {
        let longest = series.map { Double(Self.plain($0.name).count) }.max() ?? 0
        let cell = max(120, 36 + longest * 6.5)
        let columns = max(1, min(series.count, Int(plotW / cell)))
        return ((series.count + columns - 1) / columns, columns, cell)
    }

    /// −12 with a real minus sign.
    private static func minus(_ k: Int) -> String { k < 0 ? "−\(-k)" : String(k) }

    /// Text with `_{…}` and `^{…}` as SVG: the runs shifted down or up with `dy` (which every
    /// browser supports, unlike baseline-shift), in a smaller size, and the text after them
    /// shifted back.
    static func text(_ markup: String) -> String {
        var runs: [(text: String, shift: Int)] = [("", 0)]
        var k = markup.startIndex
        while k < markup.endIndex {
            let c = markup[k], next = markup.index(after: k)
            if c == "_" || c == "^", next < markup.endIndex, markup[next] == "{",
               let close = markup[next...].firstIndex(of: "}") {
                runs.append((String(markup[markup.index(after: next)..<close]), c == "_" ? 4 : -5))
                runs.append(("", 0))
                k = markup.index(after: close)
            } else {
                runs[runs.count - 1].text.append(c)
                k = next
            }
        }
        var out = "", at = 0
        for run in runs where !run.text.isEmpty {
            let dy = run.shift - at
            at = run.shift
            if dy == 0 && run.shift == 0 {
                out += escape(run.text)
            } else {
                out += "<tspan" + (dy != 0 ? " dy=\"\(dy)\"" : "") + (run.shift != 0 ? " font-size=\"9\"" : "") + ">"
                    + escape(run.text) + "</tspan>"
            }
        }
        return out
    }

    /// The same text without the markup, for the `<title>` and for measuring.
    static func plain(_ markup: String) -> String {
        markup.replacingOccurrences(of: "_{", with: "").replacingOccurrences(of: "^{", with: "").replacingOccurrences(of: "}", with: "")
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
