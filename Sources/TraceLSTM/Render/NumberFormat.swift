import Foundation

/// How numbers are written for reading (Markdown, HTML labels, SVG ticks). Files meant for
/// programs (JSON, CSV) never round: they use `JSONWriter.number`.
public enum NumberFormat {
    /// `digits` significant digits, trailing zeros dropped, exponent only for very large or
    /// small magnitudes (C's `%.*g`, numpy's default print style): 0.524979, -0.0012, 1.5e-07.
    public static func display(_ x: Double, digits: Int = 6) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == 0 { return "0" }
        return String(format: "%.\(max(1, min(17, digits)))g", x)
    }

    /// Full precision: the shortest text that reads back as the same double.
    public static func exact(_ x: Double) -> String { JSONWriter.number(x) }
}
