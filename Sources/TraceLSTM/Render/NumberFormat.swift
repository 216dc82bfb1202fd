import Foundation

/// How numbers are written for reading (Markdown, HTML labels, SVG ticks). Files meant for
/// programs (JSON, CSV) never round: they use `JSONWriter.number`.
public enum NumberFormat {
    /// `digits` significant digits, trailing zeros dropped, exponent only for very large or
    /// small magnitudes (C's `%.*g`, numpy's default print style): 0.524979, -0.0012, 1.5e-07.
    /// For plain text and table cells; inside LaTeX use `latex(_:digits:)`.
    public static func display(_ x: Double, digits: Int = 6) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == 0 { return "0" }
        return String(format: "%.\(max(1, min(17, digits)))g", x)
    }

    /// The same number as LaTeX: `display`'s digits, with an exponent written as a power of
    /// ten (`9.4435e-05` → `9.4435 \times 10^{-5}`), which math renders as a number instead of
    /// "9.4435 e − 05" with an italic e.
    public static func latex(_ x: Double, digits: Int = 6) -> String {
        if x.isNaN { return "\\text{NaN}" }
        if x.isInfinite { return x > 0 ? "\\infty" : "-\\infty" }
        let plain = display(x, digits: digits)
        guard let e = plain.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return plain }
        let mantissa = plain[..<e]
        let exponent = Int(plain[plain.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        let power = "10^{\(exponent)}"
        return mantissa == "1" ? power : mantissa == "-1" ? "-" + power : "\(mantissa) \\times \(power)"
    }

    /// A fraction between 0 and 1 as a whole percentage for prose: 0.672351 → "67 %"; within
    /// 1 % of 0 or 100 with a decimal, and as many more as it takes (up to 3) not to round a
    /// share that is not 0 or 1 to "0 %" or "100 %": 0.00748 → "0.7 %", 0.9996 → "99.96 %".
    public static func percent(_ fraction: Double) -> String {
        let p = fraction * 100
        let edge = p != 0 && p != 100 && (Swift.abs(p) < 1 || Swift.abs(p - 100) < 1)
        for decimals in (edge ? 1 : 0)...3 {
            let text = String(format: "%.\(decimals)f", p)
            let rounded = Double(text) ?? p
            if (rounded != 0 || p == 0) && (rounded != 100 || p == 100) { return text + " %" }
        }
        return String(format: "%.3f %%", p)
    }

    /// Full precision: the shortest text that reads back as the same double.
    public static func exact(_ x: Double) -> String { JSONWriter.number(x) }

    /// Exactly `digits` significant digits, trailing zeros kept so that every number of a
    /// diagram has the same shape, with a true minus sign; magnitudes that round below 10⁻³ or
    /// to 10^digits and above are written in scientific notation with a superscript exponent:
    /// 0.8293, −1.003, 0.001200, 9.617×10⁻⁶, 1.235×10⁴. Zero is "0".
    ///
    /// The cell diagram (`CellDiagram`) and the explorer's script write numbers this way; keep
    /// the two in sync (Tests/browser/number-format-cases.json holds the cases both are tested on).
    public static func significant(_ x: Double, digits: Int = 4) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == 0 { return "0" }
        let d = max(1, min(17, digits))
        let sign = x < 0 ? "−" : ""
        // The exponent after rounding to d digits decides the notation (9.9996e-4 → 0.001000).
        let scientific = String(format: "%.\(d - 1)e", abs(x))
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
            return sign + scientific
        }
        if exponent < -3 || exponent >= d {
            return sign + String(scientific[..<e]) + "×10" + superscript(exponent)
        }
        return sign + String(format: "%.\(d - 1 - exponent)f", abs(x))
    }

    /// An integer in superscript digits: −6 → ⁻⁶.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// The longest text `significant(_:digits:)` writes for exponents of up to three digits:
    /// −9.999×10⁻¹⁰⁰ has digits + 9 characters (the diagram sizes its boxes for it).
    public static func significantWidth(digits: Int = 4) -> Int { digits + 9 }
}
