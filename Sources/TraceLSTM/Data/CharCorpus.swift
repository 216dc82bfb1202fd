/// A text as the notebook sees it: a sequence of characters (Unicode code points, as in a
/// Python `str`), each replaced by its index in the sorted vocabulary.
///
/// The notebook's `chars = list(set(data))` gives an order that depends on Python's hash
/// seed; the vocabulary here is sorted by code point, the order of `sorted(set(data))`.
/// Line ends are read as Python's text mode reads them: `\r\n` and a lone `\r` become `\n`.
public struct CharCorpus: Sendable {
    /// Why a text cannot be trained on.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case tooShort(characters: Int, needed: Int)
        case oneDistinctCharacter

        public var description: String {
            switch self {
            case .empty: return "the text is empty"
            case let .tooShort(n, needed): return "the text has \(n) characters; training on sequences of T steps needs at least T + 1 = \(needed)"
            case .oneDistinctCharacter: return "the text has only one distinct character: there is nothing to predict"
            }
        }
    }

    /// The distinct characters, sorted by code point.
    public let vocabulary: [Unicode.Scalar]
    /// The text as vocabulary indices.
    public let indices: [Int]
    /// FNV-1a (64-bit) of the code points, to recognise the same text in a checkpoint.
    public let fingerprint: UInt64

    /// The corpus of `text`; checks it against sequences of `steps` steps.
    public init(text: String, steps: Int) throws(Problem) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for u in text.unicodeScalars {
            if u == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if u == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(u)
        }
        if scalars.isEmpty { throw .empty }
        if scalars.count < steps + 1 { throw .tooShort(characters: scalars.count, needed: steps + 1) }
        let vocabulary = Array(Set(scalars)).sorted { $0.value < $1.value }
        if vocabulary.count < 2 { throw .oneDistinctCharacter }
        var index: [Unicode.Scalar: Int] = [:]
        for (k, c) in vocabulary.enumerated() { index[c] = k }
        self.vocabulary = vocabulary
        self.indices = scalars.map { index[$0]! }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for u in scalars {
            for b in withUnsafeBytes(of: u.value.littleEndian, Array.init) {
                hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            }
        }
        self.fingerprint = hash
    }

    /// The number of characters.
    public var count: Int { indices.count }

    /// Indices back to text.
    public func decode(_ indices: [Int]) -> String {
        var s = String.UnicodeScalarView()
        for k in indices { s.append(vocabulary[k]) }
        return String(s)
    }

    /// The vocabulary index of a character, if it is in the vocabulary.
    public func index(of c: Unicode.Scalar) -> Int? {
        var lo = 0, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid].value < c.value { lo = mid + 1 } else { hi = mid }
        }
        return lo < vocabulary.count && vocabulary[lo] == c ? lo : nil
    }
}
