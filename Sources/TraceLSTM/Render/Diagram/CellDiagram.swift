/// The LSTM cell as an SVG drawing, drawn once for every place that shows it: the docs (a
/// standalone file with one step's numbers filled in) and the explorer page (the same drawing
/// with hooks that its script fills in).
///
/// The drawing follows the equations of the spec: C_{t−1} → ⊙ f_t → + i_t ⊙ C̃_t → C_t along the
/// top, the four layers fed by z_t = [h_{t−1}, x_t], h_t = o_t ⊙ tanh(C_t), the head, and the
/// steps before and after, so that the recurrence is on the picture. Every wire is directed:
/// forward, the arrowheads follow the values; backward, every label becomes its gradient
/// (dh_t, dC_t, da_f, …) and the arrowheads point the other way, as the gradient flows.
///
/// ```swift
/// let svg = CellDiagram.svg(trace: trace, t: 2, unit: 0, pass: .backward)   // a file for docs
/// let hooks = CellDiagram(trace: trace, pass: .backward).template(idPrefix: "bw") // for a page
/// ```
///
/// Hooks: each box is `<g class="node …" data-node="f">` with a `<rect class="frame">`; each
/// number is `<text class="val" data-key="a_f" data-slot="unit">` with `<tspan class="idx">`
/// (the entry, for vectors) and `<tspan class="num">`; characters are `<text class="chr">`;
/// the neighbours' step numbers are `<text class="step" data-offset="-1">`; wires are
/// `<path class="wire" data-wire="f-mulF" marker-end="url(#…)">`. See `DiagramValues` for the
/// keys that are not trace keys.
public struct CellDiagram: Sendable {
    /// Forward values, or backward gradients.
    public enum Pass: String, CaseIterable, Sendable {
        case forward, backward
    }

    /// `wide` (1400 × 700, colah's arrangement) or `narrow` (400 wide, for a phone), which the
    /// explorer switches between; `compact` (816 × 580) for the docs, whose SVG GitHub shows in
    /// a text column about 880 px wide.
    public enum Layout: String, CaseIterable, Sendable {
        case wide, narrow, compact

        /// The layouts the explorer page draws (its style sheet shows one by the window's width).
        public static let explorer: [Layout] = [.wide, .narrow]
    }

    public let config: LSTMConfiguration
    public let pass: Pass
    public let layout: Layout
    /// Whether x_t is a one-hot character (the trace has a vocabulary).
    public let characters: Bool
    /// The number of steps, which bounds the neighbours' step numbers.
    public let steps: Int

    public init(config: LSTMConfiguration, steps: Int, characters: Bool = false, pass: Pass = .forward, layout: Layout = .wide) {
        self.config = config
        self.steps = steps
        self.characters = characters
        self.pass = pass
        self.layout = layout
    }

    /// The drawing for a trace's model.
    public init(trace: Trace, pass: Pass = .forward, layout: Layout = .wide) {
        self.init(config: trace.config, steps: trace.steps.count, characters: DiagramValues.vocabulary(trace) != nil,
                  pass: pass, layout: layout)
    }

    /// A standalone SVG file of step t and unit j of a trace, its numbers filled in, with its
    /// own style sheet (light and dark) and a caption.
    public static func svg(trace: Trace, t: Int, unit j: Int, pass: Pass = .forward, layout: Layout = .wide) -> String {
        CellDiagram(trace: trace, pass: pass, layout: layout).svg(trace: trace, t: t, unit: j)
    }

    /// This drawing as a standalone SVG file with the numbers of step t and unit j.
    public func svg(trace: Trace, t: Int, unit j: Int) -> String {
        precondition(j >= 0 && j < trace.config.hidden, "CellDiagram: unit \(j) is not in 0…\(trace.config.hidden - 1)")
        precondition(pass == .forward || trace.hasBackward, "CellDiagram: the trace has no backward pass")
        let filler = Filler(values: DiagramValues(trace: trace, t: t), unit: j, vocabulary: DiagramValues.vocabulary(trace))
        return render(idPrefix: "cell-\(pass.rawValue)", filler: filler)
    }

    /// The drawing with empty numbers, for a page whose script fills them in: no style sheet
    /// (the page has cell-diagram.css), no caption, and every node focusable (`tabindex`) and
    /// a button for screen readers. `idPrefix` keeps the marker ids of several drawings on one
    /// page apart.
    public func template(idPrefix: String) -> String {
        render(idPrefix: idPrefix, filler: nil)
    }

    /// The diagram's style sheet (Render/Diagram/cell-diagram.css), which the explorer page
    /// includes too.
    public static var styleSheet: String { String(decoding: PackageResources.cell_diagram_css, as: UTF8.self) }
}

// MARK: Drawing

extension CellDiagram {
    /// Sizes, in SVG units (px at scale 1).
    enum Metrics {
        static let fontSize = 14.0
        static let smallFontSize = 13.0
        static let subscriptScale = 0.8
        static let subscriptShift = 4.0
        static let lineHeight = 20.0
        static let paddingX = 10.0
        static let paddingY = 7.0
        static let opRadius = 15.0
        static let captionHeight = 60.0
    }

    /// What fills the numbers in a standalone drawing.
    struct Filler {
        var values: DiagramValues
        var unit: Int
        var vocabulary: [Character]?
    }

    /// A node with its measured size and final place.
    struct PlacedNode {
        var node: Node
        var rect: DiagramRect
    }

    /// Every node, measured and placed.
    func placedNodes() -> [PlacedNode] {
        let arrangement = CellDiagram.arrangement(layout)
        return CellDiagram.nodes(config, characters: characters).map { node in
            guard let place = arrangement.places[node.id] else { preconditionFailure("CellDiagram: \(node.id) has no place") }
            let size = measure(node)
            let width = place.width ?? size.width, height = place.height ?? size.height
            let x: Double
            switch place.alignment {
            case .center: x = place.x - width / 2
            case .leading: x = place.x
            case .trailing: x = place.x - width
            }
            return PlacedNode(node: node, rect: DiagramRect(x: x, y: place.y - height / 2, width: width, height: height))
        }
    }

    /// A node's size: the widest of its lines in either pass (so that switching passes moves
    /// nothing), plus padding.
    func measure(_ node: Node) -> (width: Double, height: Double) {
        if case .op = node.kind { return (2 * Metrics.opRadius, 2 * Metrics.opRadius) }
        let widest = (node.forward + node.backward).map(lineWidth).max() ?? 0
        let lines = max(node.forward.count, node.backward.count)
        return (widest + 2 * Metrics.paddingX, Double(lines) * Metrics.lineHeight + 2 * Metrics.paddingY)
    }

    /// The widest a line can be, whatever its number.
    func lineWidth(_ line: Line) -> Double {
        let mono = Metrics.fontSize * 0.6
        switch line {
        case .title(let s):
            return TextMetrics.width(s, font: .sans, size: Metrics.fontSize)
        case .value(let key, let symbol, let slot):
            let index = slot == .unit ? 0 : Double(2 + String(max(vectorLength(key) - 1, 0)).count)
            return symbolWidth(symbol) + (index + 3 + Double(NumberFormat.significantWidth())) * mono
        case .equation(let s):
            return symbolWidth(s)
        case .character(_, _, let prefix):
            let longest = characters ? 3 : 6 + String(config.output - 1).count
            return Double(prefix.count + 1 + longest) * mono
        case .offset(let d):
            return TextMetrics.width(offsetText(d), font: .sans, size: Metrics.smallFontSize)
        case .step:
            let number = String(repeating: "9", count: String(max(steps, 1)).count)
            return ([number] + Self.pastTheEnds).map { TextMetrics.width($0, font: .sans, size: Metrics.fontSize) }.max()!
        }
    }

    func symbolWidth(_ s: String) -> Double {
        TextMetrics.width(SymbolText(s), font: .mono, size: Metrics.fontSize, subscriptScale: Metrics.subscriptScale)
    }

    func vectorLength(_ key: String) -> Int {
        switch key {
        case Quantity.x.key, DerivedKey.dx: return config.input
        case Quantity.y.key, Quantity.dy.key, Quantity.v.key, Quantity.dv.key: return config.output
        case Quantity.z.key, Quantity.dz.key: return config.concatSize
        default: return config.hidden
        }
    }

    func offsetText(_ d: Int) -> String { d < 0 ? "t − \(-d)" : "t + \(d)" }

    /// What a neighbour's box says past either end of the sequence: before step 1 stands the
    /// initial state (h_0, C_0, zero unless given), after step T nothing. The explorer's
    /// script writes the same words (explorer-diagram.js).
    static let pastTheEnds = ["h₀, C₀", "end"]

    /// A neighbour's label: its step number, or what stands past the end.
    static func stepLabel(_ t: Int, steps: Int) -> String {
        (1...max(steps, 1)).contains(t) ? String(t) : t < 1 ? pastTheEnds[0] : pastTheEnds[1]
    }

    func render(idPrefix: String, filler: Filler?) -> String {
        let arrangement = CellDiagram.arrangement(layout)
        let placed = placedNodes()
        let rects = Dictionary(uniqueKeysWithValues: placed.map { ($0.node.id, $0.rect) })
        let standalone = filler != nil
        let top = standalone ? Metrics.captionHeight : 0
        let width = arrangement.width, height = arrangement.height + top
        let scale = arrangement.fileScale
        let arrow = "\(idPrefix)-arrow"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cell-diagram\" data-layout=\"\(layout.rawValue)\" "
            + "data-pass=\"\(pass.rawValue)\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        if standalone {
            out += " width=\"\(n(width * scale))\" height=\"\(n(height * scale))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title\">\n"
            out += "<title id=\"\(idPrefix)-title\">\(escape(caption(filler!)))</title>\n"
            out += "<style>\n\(CellDiagram.styleSheet)</style>\n"
            out += "<rect class=\"backdrop\" x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\"/>\n"
            out += "<text class=\"caption\" x=\"16\" y=\"24\">step t = \(filler!.values.t) of \(steps), unit j = \(filler!.unit)</text>\n"
            out += "<text class=\"caption-pass\" x=\"16\" y=\"46\">\(pass == .forward ? "forward values" : "backward gradients d· = ∂L/∂·")</text>\n"
        } else {
            out += " role=\"group\">\n"
        }
        out += "<defs><marker id=\"\(arrow)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" "
            + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path class=\"arrowhead\" d=\"M0,0.5 L10,5 L0,9.5 z\"/></marker></defs>\n"
        out += "<g transform=\"translate(0 \(n(top)))\">\n<g class=\"wires\">\n"
        for wire in arrangement.wires {
            var points = wire.route.map { point($0, rects) }
            if pass == .backward { points.reverse() }
            let d = points.enumerated().map { ($0.offset == 0 ? "M" : "L") + n($0.element.x) + "," + n($0.element.y) }.joined(separator: " ")
            out += "<path class=\"wire\" data-wire=\"\(wire.id)\" d=\"\(d)\" marker-end=\"url(#\(arrow))\"/>\n"
        }
        for j in arrangement.junctions {
            out += "<circle class=\"junction\" cx=\"\(n(j.x))\" cy=\"\(n(j.y))\" r=\"4\"/>\n"
        }
        out += "</g>\n"
        for p in placed { out += node(p, filler: filler) }
        out += "</g>\n</svg>\n"
        return out
    }

    func caption(_ filler: Filler) -> String {
        let what = pass == .forward ? "forward values" : "backward: gradients d· = ∂L/∂·, flowing against the arrows of the forward pass"
        return "LSTM cell at step t = \(filler.values.t) of \(steps), unit j = \(filler.unit): \(what)"
    }

    func point(_ w: DiagramWaypoint, _ rects: [String: DiagramRect]) -> DiagramPoint {
        switch w {
        case .at(let x, let y):
            return DiagramPoint(x: x, y: y)
        case .edge(let id, let side, let along):
            guard let r = rects[id] else { preconditionFailure("CellDiagram: a wire names \(id), which is not a node") }
            switch side {
            case .top: return DiagramPoint(x: along ?? r.midX, y: r.y)
            case .bottom: return DiagramPoint(x: along ?? r.midX, y: r.maxY)
            case .left: return DiagramPoint(x: r.x, y: along ?? r.midY)
            case .right: return DiagramPoint(x: r.maxX, y: along ?? r.midY)
            }
        }
    }

    func node(_ p: PlacedNode, filler: Filler?) -> String {
        let node = p.node, r = p.rect
        let kind: String
        switch node.kind {
        case .state: kind = "state"
        case .layer: kind = "layer"
        case .op: kind = "op"
        case .pointwise: kind = "pointwise"
        case .neighbour: kind = "neighbour"
        }
        var out = "<g class=\"node \(kind)\" data-node=\"\(node.id)\""
        if filler == nil {
            let action = node.kind.isNeighbour ? "go to that step" : "show its arithmetic"
            out += " tabindex=\"0\" role=\"button\" aria-label=\"\(escape(node.name)): \(action)\""
        }
        out += ">\n"
        if case .op(let symbol) = node.kind {
            out += "<circle class=\"frame\" cx=\"\(n(r.midX))\" cy=\"\(n(r.midY))\" r=\"\(n(Metrics.opRadius))\"/>\n"
            out += "<text class=\"opsym\" x=\"\(n(r.midX))\" y=\"\(n(r.midY + 6))\" text-anchor=\"middle\">\(symbol)</text>\n"
            return out + "</g>\n"
        }
        out += "<rect class=\"frame\" x=\"\(n(r.x))\" y=\"\(n(r.y))\" width=\"\(n(r.width))\" height=\"\(n(r.height))\" rx=\"8\"/>\n"
        for (k, line) in node.lines(pass).enumerated() {
            let y = r.y + Metrics.paddingY + Double(k) * Metrics.lineHeight + 15
            out += text(line, x: r.midX, y: y, filler: filler)
        }
        return out + "</g>\n"
    }

    /// One line as an SVG `<text>`.
    func text(_ line: Line, x: Double, y: Double, filler: Filler?) -> String {
        let at = "x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"middle\""
        switch line {
        case .title(let s):
            return "<text class=\"title\" \(at)>\(escape(s))</text>\n"
        case .equation(let s):
            return "<text class=\"eq\" \(at)>\(tspans(SymbolText(s)).markup)</text>\n"
        case .offset(let d):
            return "<text class=\"offset\" \(at)>\(escape(offsetText(d)))</text>\n"
        case .step(let d):
            var label = "–"
            if let f = filler { label = Self.stepLabel(f.values.t + d, steps: steps) }
            return "<text class=\"step\" data-offset=\"\(d)\" \(at)>\(escape(label))</text>\n"
        case .character(let key, let slot, let prefix):
            var name = "–", index = ""
            if let f = filler, let k = f.values.index(slot, of: key, unit: f.unit) {
                name = DiagramValues.className(k, vocabulary: f.vocabulary)
                index = " data-index=\"\(k)\""
            }
            return "<text class=\"chr\" data-key=\"\(key)\" data-slot=\"\(slot.rawValue)\"\(index) \(at)>\(escape(prefix)) "
                + "<tspan class=\"name\">\(escape(name))</tspan></text>\n"
        case .value(let key, let symbol, let slot):
            var number = "–", entry = slot == .unit ? "" : "[–]", index = ""
            if let f = filler, let k = f.values.index(slot, of: key, unit: f.unit), let v = f.values.vector(key), k < v.count {
                number = NumberFormat.significant(v[k])
                if slot != .unit { entry = "[\(k)]" }
                index = " data-index=\"\(k)\""
            }
            let sym = tspans(SymbolText(symbol))
            var line = "<text class=\"val\" data-key=\"\(key)\" data-slot=\"\(slot.rawValue)\"\(index) \(at)>"
                + "<tspan class=\"sym\">\(sym.markup)</tspan>"
            if slot == .unit {
                line += after(sym.lowered, " = ")
            } else {
                line += after(sym.lowered, entry, class: "idx") + " = "
            }
            return line + "<tspan class=\"num\">\(escape(number))</tspan></text>\n"
        }
    }

    /// A symbol's runs as tspans, subscripts smaller and lowered; `lowered` says whether it
    /// ends below the baseline (the next piece must then carry `dy` back up).
    func tspans(_ s: SymbolText) -> (markup: String, lowered: Bool) {
        var out = "", lowered = false
        for run in s.runs {
            if run.isSubscript {
                let shift = lowered ? "" : " dy=\"\(n(Metrics.subscriptShift))\""
                out += "<tspan\(shift) font-size=\"\(n(Metrics.fontSize * Metrics.subscriptScale))\">\(escape(run.text))</tspan>"
                lowered = true
            } else {
                out += lowered ? "<tspan dy=\"\(n(-Metrics.subscriptShift))\">\(escape(run.text))</tspan>" : escape(run.text)
                lowered = false
            }
        }
        return (out, lowered)
    }

    /// A piece of text after a symbol, raised back to the baseline if the symbol ended lowered.
    func after(_ lowered: Bool, _ markup: String, class name: String? = nil) -> String {
        let c = name.map { " class=\"\($0)\"" } ?? ""
        let dy = lowered ? " dy=\"\(n(-Metrics.subscriptShift))\"" : ""
        return lowered || name != nil ? "<tspan\(c)\(dy)>\(markup)</tspan>" : markup
    }

    /// A coordinate, to a tenth.
    func n(_ x: Double) -> String {
        let s = String(format: "%.1f", x)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension CellDiagram.Kind {
    var isNeighbour: Bool {
        if case .neighbour = self { return true }
        return false
    }
}
