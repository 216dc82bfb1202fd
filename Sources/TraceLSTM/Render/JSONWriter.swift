/// Writes JSON text: objects one key a line, arrays of numbers on one line, arrays of arrays
/// one row a line, numbers at full round-trip precision.
public enum JSONWriter {
    /// The text of `value`, ending with a newline.
    public static func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
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

    private static func pad(_ n: Int, into out: inout [UInt8]) {
        for _ in 0..<n { out.append(UInt8(ascii: " ")) }
    }

    private static func write(_ v: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch v {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .integer(let i): out += String(i).utf8
        case .number(let d): out += number(d).utf8
        case .string(let s): out += quoted(s).utf8
        case .array(let items):
            if items.allSatisfy(isScalar) {
                out.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { out += ", ".utf8 }
                    write(item, indent: indent, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                out += "[\n".utf8
                for (k, item) in items.enumerated() {
                    pad(indent + 2, into: &out)
                    write(item, indent: indent + 2, into: &out)
                    out += (k == items.count - 1 ? "\n" : ",\n").utf8
                }
                pad(indent, into: &out)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}".utf8
                return
            }
            out += "{\n".utf8
            for (k, (key, item)) in pairs.enumerated() {
                pad(indent + 2, into: &out)
                out += quoted(key).utf8
                out += ": ".utf8
                write(item, indent: indent + 2, into: &out)
                out += (k == pairs.count - 1 ? "\n" : ",\n").utf8
            }
            pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}
