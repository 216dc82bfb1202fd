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
}
