import TraceLSTM

/// How much `compare` reads from one JSON file. Parsed JSON costs tens of bytes a number, so a
/// file is counted before it is parsed: one of more numbers than any trace lstm-trace writes
/// is refused with one line at once, instead of growing to gigabytes (a 500 MB file of
/// `{"target": [0,0,…]}` holds 250 million).
enum CompareLimits {
    /// The largest trace lstm-trace writes, with room for the inputs, target and steps.
    static let maxNumbers = ModelOptions.maxTraceNumbers + ModelOptions.maxTraceNumbers / 4

    /// The number of JSON numbers in `bytes`: a `-` or digit that starts a token (outside
    /// strings), counted in one pass without parsing.
    static func countNumbers(_ bytes: [UInt8], stoppingAfter limit: Int) -> Int {
        var count = 0, inString = false, escaped = false, previous: UInt8 = UInt8(ascii: "[")
        for b in bytes {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                previous = b
                continue
            }
            if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
                let separator = previous == UInt8(ascii: "[") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                    || previous == 0x20 || previous == 0x0A || previous == 0x0D || previous == 0x09
                if separator {
                    count += 1
                    if count > limit { return count }
                }
            }
            previous = b
        }
        return count
    }

    /// Refuses a JSON file with more than `maxNumbers` numbers (65, one line).
    static func requireFewEnoughNumbers(_ bytes: [UInt8], path: String) throws {
        if countNumbers(bytes, stoppingAfter: maxNumbers) > maxNumbers {
            throw CLIError.badData(Text.compareTooManyNumbers(path, limit: maxNumbers))
        }
    }
}
