/// A JSON value with its object keys kept in order (trace files list keys in the order of
/// the equations). Numbers are float64; integers keep their own case so they print as such.
///
/// Only a string is boxed (`indirect`): every other value sits in 16 bytes of its array, with no
/// allocation of its own, so that a document of N numbers takes about 16 N bytes (an `indirect`
/// enum took a heap box per number, 40 bytes or more each).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    indirect case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A vector as a JSON array of numbers.
    public static func numbers(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    /// A matrix as a JSON array of rows.
    public static func rows(_ m: Matrix) -> JSONValue { .array(m.rowArrays.map(numbers)) }

    /// The value under `key` of an object (nil for anything else).
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// The number this holds, integer or not.
    public var doubleValue: Double? {
        switch self {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    /// The integer this holds (a number with no fraction counts).
    public var intValue: Int? {
        switch self {
        case .integer(let i): return i
        case .number(let d) where d.rounded() == d && Swift.abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }

    /// The string this holds.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements of an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The pairs of an object.
    public var objectValue: [(String, JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// An array of numbers as doubles (nil if anything else is in it).
    public var numberArray: [Double]? {
        guard let a = arrayValue else { return nil }
        var out: [Double] = []
        out.reserveCapacity(a.count)
        for e in a {
            guard let d = e.doubleValue else { return nil }
            out.append(d)
        }
        return out
    }
}
