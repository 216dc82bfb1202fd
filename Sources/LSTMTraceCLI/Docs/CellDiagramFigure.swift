import TraceLSTM

/// The cell diagram at the top of forward.md and backward.md: the explorer's drawing of the
/// cell (issue #11) with one unit's numbers at one step filled in, written as an SVG beside
/// the page.
enum CellDiagramFigure {
    /// Which numbers the diagram shows.
    enum Pass: String { case forward, backward }

    /// The SVG of the cell at `step` with unit `unit`'s values (or gradients): the explorer's
    /// drawing (Sources/TraceLSTM/Render/Diagram), filled in, in the compact layout, whose text
    /// is at least 12 px high in GitHub's text column (about 880 px).
    static func svg(_ trace: Trace, step: Int, unit: Int, pass: Pass) -> String? {
        CellDiagram.svg(trace: trace, t: step, unit: unit, pass: pass == .forward ? .forward : .backward, layout: .compact)
    }

    /// The Markdown that shows the diagram and the file to write, or nil without a diagram.
    static func figure(_ trace: Trace, step: Int, unit: Int, pass: Pass, file: String) -> (markdown: String, file: (String, String))? {
        guard let svg = svg(trace, step: step, unit: unit, pass: pass) else { return nil }
        let what = pass == .forward ? "values" : "gradients"
        let markdown = "![The LSTM cell at step \(step), unit \(unit)'s \(what)](\(file))\n\n"
            + "*The cell at step \(step) with unit \(unit)'s \(what) from this page.*\n\n"
        return (markdown, (file, svg))
    }
}
