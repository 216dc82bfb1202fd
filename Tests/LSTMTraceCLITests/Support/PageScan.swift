import Foundation

/// Reads a generated Markdown page or SVG the way GitHub shows it, to find what a reader would
/// see as raw markup: math is `$…$` inline and `$$…$$` display (one line, or a block from a
/// line that is `$$` to the next), code spans and fences are shown as typed, HTML comments and
/// link targets are not shown at all.
enum PageScan {
    /// One piece of a page.
    struct Segment {
        enum Kind { case text, inlineMath, displayMath, code }
        let kind: Kind
        let text: String
        /// The 1-based line it starts on.
        let line: Int
    }

    /// The page cut into text, math and code.
    static func segments(_ page: String) -> [Segment] {
        var out: [Segment] = []
        let lines = page.components(separatedBy: "\n")
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if line.hasPrefix("```") {
                var body: [String] = []
                k += 1
                while k < lines.count && !lines[k].hasPrefix("```") { body.append(lines[k]); k += 1 }
                out.append(Segment(kind: .code, text: body.joined(separator: "\n"), line: k - body.count))
                k += 1
                continue
            }
            if line == "$$" {
                var body: [String] = []
                let start = k + 1
                k += 1
                while k < lines.count && lines[k] != "$$" { body.append(lines[k]); k += 1 }
                out.append(Segment(kind: .displayMath, text: body.joined(separator: "\n"), line: start))
                k += 1
                continue
            }
            if line.hasPrefix("$$") && line.hasSuffix("$$") && line.count >= 4 {
                out.append(Segment(kind: .displayMath, text: String(line.dropFirst(2).dropLast(2)), line: k + 1))
                k += 1
                continue
            }
            out += inlineSegments(line, line: k + 1)
            k += 1
        }
        return out
    }

    /// A line of prose or a table row: code spans, inline math and the text between, with HTML
    /// comments and link targets left out.
    static func inlineSegments(_ line: String, line number: Int) -> [Segment] {
        var out: [Segment] = []
        var text = ""
        let chars = Array(line)
        var i = 0
        func flush() {
            if !text.isEmpty { out.append(Segment(kind: .text, text: text, line: number)) }
            text = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && i + 1 < chars.count && (chars[i + 1] == "$" || chars[i + 1] == "|") {
                text.append(chars[i + 1] == "$" ? "¤" : "|")  // an escaped dollar or pipe is a character of the text
                i += 2
            } else if c == "`", let end = chars[(i + 1)...].firstIndex(of: "`") {
                flush()
                out.append(Segment(kind: .code, text: String(chars[(i + 1)..<end]), line: number))
                i = end + 1
            } else if c == "$", let end = chars[(i + 1)...].firstIndex(of: "$"), end > i + 1 {
                flush()
                out.append(Segment(kind: .inlineMath, text: String(chars[(i + 1)..<end]), line: number))
                i = end + 1
            } else if line[line.index(line.startIndex, offsetBy: i)...].hasPrefix("<!--"),
                      let close = line.range(of: "-->", range: line.index(line.startIndex, offsetBy: i)..<line.endIndex) {
                i = line.distance(from: line.startIndex, to: close.upperBound)
            } else if c == "]" && i + 1 < chars.count && chars[i + 1] == "(", let end = chars[(i + 2)...].firstIndex(of: ")") {
                text.append("]")
                i = end + 1  // the link's target is not shown
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        return out
    }

    /// Numbers in e-notation (`9.4435e-05`, `1e+20`, `3E7`), which math shows as "9.4435 e − 05".
    static let exponentNumber = try! NSRegularExpression(pattern: #"\d(\.\d+)?[eE][+-]?\d"#)

    /// What GitHub shows as raw markup when it is outside math: LaTeX subscripts and
    /// superscripts in braces, backslash commands, and a symbol with an underscore subscript
    /// (`W_f`, `dC_t`, `h_{t−1}`) — but not snake_case words of code outside backticks, which
    /// these pages never have.
    static let rawMarkup = try! NSRegularExpression(pattern: #"[_^]\{|\\[A-Za-z]+|\b[A-Za-z]{1,3}_[A-Za-z0-9]"#)

    static func matches(_ regex: NSRegularExpression, _ s: String) -> [String] {
        regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range, in: s)!]) }
    }

    /// A backslash before ASCII punctuation (`\\`, `\,`, `\{`, `\;`): GitHub's Markdown takes it
    /// as an escape even inside math and drops the backslash, so rows run together, thin
    /// spaces become commas and braces vanish. (Write `\cr`, `\thinspace`, `\lbrace`.)
    static let escapedPunctuation = try! NSRegularExpression(pattern: #"\\[!-/:-@\[-`{-~]"#)

    /// The rows of a display equation (`\cr` ends a row of `aligned`).
    static func rows(_ latex: String) -> [String] { latex.components(separatedBy: "\\cr") }

    /// Problems of a Markdown page, one line each ("line 12: …").
    static func markdownProblems(_ page: String) -> [String] {
        var problems: [String] = []
        for seg in segments(page) {
            switch seg.kind {
            case .inlineMath, .displayMath:
                for m in matches(exponentNumber, seg.text) { problems.append("line \(seg.line): e-notation in math: \(m) in \(seg.text.prefix(80))") }
                for m in matches(escapedPunctuation, seg.text) {
                    problems.append("line \(seg.line): \(m) in math, which GitHub's Markdown unescapes: \(seg.text.prefix(80))")
                }
            case .text:
                for m in matches(rawMarkup, seg.text) { problems.append("line \(seg.line): raw markup outside math: \(m) in \(seg.text.prefix(80))") }
                if seg.text.contains("$") { problems.append("line \(seg.line): an unpaired $ in \(seg.text.prefix(80))") }
            case .code:
                break
            }
        }
        return problems + tableProblems(page)
    }

    /// Table rows whose cell count differs from their header's: a `|` inside math or code
    /// splits a cell on GitHub.
    static func tableProblems(_ page: String) -> [String] {
        var problems: [String] = []
        var columns: Int?
        for (n, line) in page.components(separatedBy: "\n").enumerated() {
            guard line.hasPrefix("|") else { columns = nil; continue }
            var cells = 0, escaped = false
            for c in line {
                if c == "|" && !escaped { cells += 1 }
                escaped = c == "\\" && !escaped
            }
            if let columns, cells != columns {
                problems.append("line \(n + 1): \(cells - 1) cells where the header has \(columns - 1): \(line.prefix(80))")
            } else if columns == nil {
                columns = cells
            }
        }
        return problems
    }

    /// The text an SVG shows: every `<text>`'s content with its tags (tspans) removed.
    static func svgTexts(_ svg: String) -> [String] {
        let element = try! NSRegularExpression(pattern: #"<text[^>]*>(.*?)</text>"#)
        let tag = try! NSRegularExpression(pattern: #"<[^>]+>"#)
        return element.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m in
            let inner = String(svg[Range(m.range(at: 1), in: svg)!])
            return tag.stringByReplacingMatches(in: inner, range: NSRange(inner.startIndex..., in: inner), withTemplate: "")
        }
    }

    /// Problems of an SVG's text: markup characters, which SVG shows as typed, and e-notation.
    static func svgProblems(_ svg: String) -> [String] {
        svgTexts(svg).flatMap { text -> [String] in
            var p: [String] = []
            if text.contains(where: { "_^\\{}$".contains($0) }) { p.append("markup in SVG text: \(text)") }
            for m in matches(exponentNumber, text) { p.append("e-notation in SVG text: \(m) in \(text)") }
            return p
        }
    }

    /// A rough width in pixels of a line of display math as GitHub's MathJax draws it at 16 px:
    /// commands count as one glyph (spacing commands as their space, sizing ones as nothing),
    /// sub- and superscripts at 0.7, about 9 px a glyph. Measured against MathJax in Chromium
    /// on these pages, it lies within 15 % of the drawn width.
    static func estimatedWidth(_ latex: String) -> Double {
        var width = 0.0, k = latex.startIndex, script = 0, depth = 0
        var scriptDepths: [Int] = []
        while k < latex.endIndex {
            let c = latex[k]
            var glyphs = 0.0
            if latex[k...].hasPrefix("\\begin{") || latex[k...].hasPrefix("\\end{") {
                // An environment's name is not drawn.
                k = latex[k...].firstIndex(of: "}").map { latex.index(after: $0) } ?? latex.endIndex
                continue
            }
            if c == "\\" {
                var name = ""
                var j = latex.index(after: k)
                while j < latex.endIndex, latex[j].isLetter { name.append(latex[j]); j = latex.index(after: j) }
                if name.isEmpty, j < latex.endIndex { name = String(latex[j]); j = latex.index(after: j) }
                switch name {
                case "quad": glyphs = 1.8
                case "qquad": glyphs = 3.6
                case ",", ";", ":", "!", "thinspace": glyphs = 0.3
                case "cr": glyphs = 0
                case "big", "Big", "bigg", "Bigg", "left", "right", "text", "mathrm", "operatorname", "tfrac", "frac",
                     "mathrel", "limits": glyphs = 0
                case "tanh", "log", "exp": glyphs = Double(name.count)
                case "times", "odot", "cdot", "pm": glyphs = 1.6
                default: glyphs = 1
                }
                k = j
            } else {
                switch c {
                case "{": depth += 1
                case "}":
                    if scriptDepths.last == depth { scriptDepths.removeLast(); script -= 1 }
                    depth -= 1
                case "_", "^":
                    let next = latex.index(after: k)
                    if next < latex.endIndex && latex[next] == "{" { script += 1; scriptDepths.append(depth + 1) }
                    else if next < latex.endIndex { width += 0.7 * 9; k = latex.index(after: next); continue }
                case "&", " ": break
                case "=", "+", "-": glyphs = 2
                default: glyphs = 1
                }
                k = latex.index(after: k)
            }
            width += glyphs * (script > 0 ? 0.7 : 1) * 9
        }
        return width
    }
}
