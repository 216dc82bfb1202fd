/// Why a text is not the JSON expected, with where.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in bytes) of the problem.
    public let column: Int
    /// What is wrong.
    public let reason: String

    public var description: String { "line \(line), column \(column): \(reason)" }
}

/// Reads JSON text (RFC 8259) into a `JSONValue`, numbers parsed with correct rounding.
///
/// What it refuses beyond the grammar, each with its line and column: nesting deeper than 256
/// levels (rather than risk the stack); a number out of float64's range (1e400 would become
/// infinity, which no trace holds); and a document of more than `maxValues` values, so that the
/// memory a document takes is bounded (about 16 bytes a value) however small its numbers are
/// written (a file of `0,0,0,…` holds one value per two bytes).
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private var values = 0
    private static let maxDepth = 256
    /// The most values (numbers, strings, arrays, …) one document may hold: more than the
    /// largest trace lstm-trace writes (20,000,000 numbers) holds.
    public static let maxValues = 1 << 25

    /// Parses a whole document.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses a whole document given as UTF-8 bytes.
    public static func parse(bytes: [UInt8]) throws -> JSONValue {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        guard p.index == p.bytes.count else { throw p.error("unexpected text after the JSON value") }
        return v
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func error(_ reason: String) -> JSONParseError {
        var line = 1, column = 1
        for b in bytes[0..<Swift.min(index, bytes.count)] {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONParseError(line: line, column: column, reason: reason)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ literal: String, _ v: JSONValue) throws -> JSONValue {
        let l = Array(literal.utf8)
        guard index + l.count <= bytes.count, Array(bytes[index..<(index + l.count)]) == l else {
            throw error("expected a JSON value")
        }
        index += l.count
        return v
    }

    private mutating func value() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of text") }
        values += 1
        if values > Self.maxValues { throw error("more than \(Self.maxValues) values, more than lstm-trace reads") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        default: return try number()
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw error("nested more than \(Self.maxDepth) levels deep") }
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var pairs: [(String, JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipSpace()
            pairs.append((key, try value()))
            if try !anotherItem(closer: "}", in: "an object") { return .object(pairs) }
        }
    }

    private mutating func array() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            if try !anotherItem(closer: "]", in: "an array") { return .array(items) }
        }
    }

    /// After an item of an array or an object: reads ',' (true: another item follows) or the
    /// closing bracket (false).
    private mutating func anotherItem(closer: Unicode.Scalar, in container: String) throws -> Bool {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end of text in \(container)") }
        let byte = bytes[index]
        guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: closer) else {
            throw error("expected ',' or '\(closer)' in \(container)")
        }
        index += 1
        return byte == UInt8(ascii: ",")
    }

    private mutating func string() throws -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() throws {
            guard !run.isEmpty else { return }
            guard let s = String(validating: run, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
            scalars.append(contentsOf: s.unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                try flush()
                index += 1
                return String(scalars)
            }
            if b < 0x20 { throw error("a control character inside a string") }
            if b == UInt8(ascii: "\\") {
                try flush()
                index += 1
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
                       bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("a broken surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                    scalars.append(u)
                default: throw error("an unknown escape in a string")
                }
                continue
            }
            run.append(b)
            index += 1
        }
        throw error("a string is not closed")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("an invalid \\u escape") }
        var v: UInt32 = 0
        for b in bytes[index..<(index + 4)] {
            guard let d = Character(Unicode.Scalar(b)).hexDigitValue else { throw error("an invalid \\u escape") }
            v = v * 16 + UInt32(d)
        }
        index += 4
        return v
    }

    private mutating func number() throws -> JSONValue {
        let start = index
        func digits() -> Int {
            let s = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - s
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerPart = index
        let count = digits()
        guard count > 0 else {
            index = start
            throw error("expected a JSON value")
        }
        if count > 1 && bytes[integerPart] == UInt8(ascii: "0") {
            index = start
            throw error("a number with a leading zero (JSON writes 1, not 01)")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected digits in an exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let i = Int(text) { return .integer(i) }
        guard let d = Double(text), d.isFinite else {
            index = start
            throw error("a number out of float64's range (larger than 1.8e308 in magnitude)")
        }
        return .number(d)
    }
}
