/// A symbol as the symbol table writes it in plain text (`C_{t−1}`, `a_f`, `dC̃_t`,
/// `tanh(C_t)`, `dh_next`), cut into runs of normal and subscript text so that a drawing can
/// show real subscripts. The explorer's script parses the same notation (explorer-text.js).
///
/// `_` takes the braced group after it (`_{t−1}`) or the letters and digits after it, with
/// commas between them (`_f`, `_t`, `_T,k`).
public struct SymbolText: Equatable, Sendable {
    /// A stretch of text on the baseline or below it.
    public struct Run: Equatable, Sendable {
        public var text: String
        public var isSubscript: Bool
    }

    public var runs: [Run]

    public init(_ text: String) {
        var runs: [Run] = []
        var normal = ""
        var chars = Array(text)[...]
        func flush() {
            if !normal.isEmpty { runs.append(Run(text: normal, isSubscript: false)) }
            normal = ""
        }
        while let c = chars.popFirst() {
            guard c == "_", let next = chars.first else {
                normal.append(c)
                continue
            }
            var sub = ""
            if next == "{" {
                chars.removeFirst()
                while let s = chars.popFirst(), s != "}" { sub.append(s) }
            } else {
                // Letters and digits, and more of them after a comma: `_f`, `_T,k`.
                func word() { while let s = chars.first, s.isLetter || s.isNumber { sub.append(s); chars.removeFirst() } }
                word()
                while !sub.isEmpty, chars.first == ",", let after = chars.dropFirst().first, after.isLetter || after.isNumber {
                    sub.append(",")
                    chars.removeFirst()
                    word()
                }
            }
            if sub.isEmpty { normal.append(c); continue }
            flush()
            runs.append(Run(text: sub, isSubscript: true))
        }
        flush()
        self.runs = runs
    }

    /// The text without the subscript marks: `C_{t−1}` → `Ct−1`.
    public var plain: String { runs.map(\.text).joined() }
}
