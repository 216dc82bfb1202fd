/// Writes JSON text: objects one key a line, arrays of numbers on one line, arrays of arrays
/// one row a line, numbers at full round-trip precision.
public enum JSONWriter {
    /// The text of `value`, ending with a newline.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// A number as JSON: the shortest text that reads back as the same double (so
    /// 0.1 prints as `0.1` and every float64 survives a round trip). JSON has no NaN or
    /// infinity; those print as `null`.
    public static func number(_ d: Double) -> String {
        d.isFinite ? d.description : "null"
    }

    /// A string as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe inside an HTML <script> element
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    private static func write(_ v: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += number(d)
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.allSatisfy(isScalar) {
                out += "["
                for (k, item) in items.enumerated() {
                    if k > 0 { out += ", " }
                    write(item, indent: indent, into: &out)
                }
                out += "]"
            } else {
                out += "[\n"
                for (k, item) in items.enumerated() {
                    out += pad + "  "
                    write(item, indent: indent + 2, into: &out)
                    out += k == items.count - 1 ? "\n" : ",\n"
                }
                out += pad + "]"
            }
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (k, (key, item)) in pairs.enumerated() {
                out += pad + "  " + quoted(key) + ": "
                write(item, indent: indent + 2, into: &out)
                out += k == pairs.count - 1 ? "\n" : ",\n"
            }
            out += pad + "}"
        }
    }
}
