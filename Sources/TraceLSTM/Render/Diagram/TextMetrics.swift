/// Estimated widths of text in the diagram's two fonts, so that boxes can be sized before any
/// browser lays the text out.
///
/// The sans-serif widths are DejaVu Sans Bold's (measured in Chromium, per mille of the font
/// size), the widest of the fonts the diagram names (DejaVu Sans, then Verdana, which is
/// as wide); other fonts come out narrower, so a box sized from these is never too small.
/// The monospace font is 0.6 em for every glyph in DejaVu Sans Mono, Menlo and Liberation Mono.
enum TextMetrics {
    /// The diagram's fonts, as CSS font stacks (cell-diagram.css names the same ones).
    enum Font {
        case sans, mono

        /// Width of one character, in ems.
        func width(_ c: Character) -> Double {
            switch self {
            case .mono:
                return isCombining(c) ? 0 : 0.6
            case .sans:
                if isCombining(c) { return 0 }
                if let a = c.asciiValue, a >= 32, a < 127 { return Double(TextMetrics.sansBold[Int(a) - 32]) / 100 }
                return TextMetrics.sansOther[c] ?? 1.0
            }
        }

        private func isCombining(_ c: Character) -> Bool {
            c.unicodeScalars.count == 1 && (0x0300...0x036F).contains(c.unicodeScalars.first!.value)
        }
    }

    /// DejaVu Sans Bold, ASCII 32…126, in hundredths of an em.
    static let sansBold: [Int] = [
        35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40,
        84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110,
        77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60,
        48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84,
    ]

    /// The few other characters the diagram writes in sans-serif, in ems.
    static let sansOther: [Character: Double] = [
        "σ": 0.78, "−": 0.84, "×": 0.84, "·": 0.38, "“": 0.66, "”": 0.66, "→": 0.84, "…": 1.0,
        "⁰": 0.44, "¹": 0.44, "²": 0.44, "³": 0.44, "⁴": 0.44, "⁵": 0.44, "⁶": 0.44, "⁷": 0.44, "⁸": 0.44, "⁹": 0.44,
        "⁻": 0.53, "₀": 0.44, "C̃": 0.73,
    ]

    /// The width of `text` at `size` px.
    static func width(_ text: String, font: Font, size: Double) -> Double {
        text.reduce(0) { $0 + font.width($1) } * size
    }

    /// The width of a symbol with its subscripts (drawn at `subscriptScale` of the size).
    static func width(_ symbol: SymbolText, font: Font, size: Double, subscriptScale: Double) -> Double {
        symbol.runs.reduce(0) { $0 + width($1.text, font: font, size: $1.isSubscript ? size * subscriptScale : size) }
    }
}
