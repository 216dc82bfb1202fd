/// DEFLATE decompression (RFC 1951), for the members of an `.npz` that `np.savez_compressed`
/// wrote. A plain reading of the RFC after Mark Adler's `puff.c`: canonical Huffman codes
/// decoded one bit at a time; stored, fixed and dynamic blocks. Speed is not the point: the
/// files are a learner's weights and traces.
struct Inflate {
    private let input: [UInt8]
    private var position: Int
    private let end: Int
    private var bits: UInt32 = 0
    private var bitCount = 0
    private var out: [UInt8] = []
    private let expectedSize: Int

    /// The bytes that `input[range]` inflates to, which must be exactly `expectedSize` (the
    /// size the zip directory records; more is refused as soon as it appears).
    static func inflate(_ input: [UInt8], _ range: Range<Int>, expectedSize: Int) throws -> [UInt8] {
        var state = Inflate(input: input, position: range.lowerBound, end: range.upperBound, expectedSize: expectedSize)
        state.out.reserveCapacity(min(expectedSize, 1 << 26))
        var last = false
        while !last {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.storedBlock()
            case 1: try state.codes(Inflate.fixed.literal, Inflate.fixed.distance)
            case 2:
                let (literal, distance) = try state.dynamicTables()
                try state.codes(literal, distance)
            default: throw NumpyFileError("the compressed data is damaged (a block of type 3)")
            }
        }
        guard state.out.count == expectedSize else {
            throw NumpyFileError("the compressed data inflates to \(state.out.count) bytes, not the \(expectedSize) its zip entry records")
        }
        return state.out
    }

    private init(input: [UInt8], position: Int, end: Int, expectedSize: Int) {
        self.input = input
        self.position = position
        self.end = end
        self.expectedSize = expectedSize
    }

    private static func damaged(_ why: String) -> NumpyFileError { NumpyFileError("the compressed data is damaged (\(why))") }

    /// The next `n` bits, least significant first.
    private mutating func bits(_ n: Int) throws -> Int {
        while bitCount < n {
            guard position < end else { throw Inflate.damaged("it ends early") }
            bits |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let v = Int(bits & ((1 << UInt32(n)) - 1))
        bits >>= UInt32(n)
        bitCount -= n
        return v
    }

    private mutating func emit(_ byte: UInt8) throws {
        guard out.count < expectedSize else { throw NumpyFileError("the compressed data inflates to more than the \(expectedSize) bytes its zip entry records") }
        out.append(byte)
    }

    private mutating func storedBlock() throws {
        bits = 0
        bitCount = 0
        guard end - position >= 4 else { throw Inflate.damaged("it ends early") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard length == ~complement & 0xFFFF else { throw Inflate.damaged("a stored block's length") }
        guard end - position >= length else { throw Inflate.damaged("it ends early") }
        for k in position..<(position + length) { try emit(input[k]) }
        position += length
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: [Int]) throws {
            symbols = [Int](repeating: 0, count: lengths.count)
            for l in lengths { counts[l] += 1 }
            var left = 1
            for l in 1..<16 {
                left = left << 1 - counts[l]
                if left < 0 { throw Inflate.damaged("an over-subscribed code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offsets[l + 1] = offsets[l] + counts[l] }
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw Inflate.damaged("an invalid code")
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                     131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                       2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The fixed codes of block type 1.
    private static let fixed: (literal: Huffman, distance: Huffman) = {
        let literal = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
        return (try! Huffman(lengths: literal), try! Huffman(lengths: [Int](repeating: 5, count: 30)))
    }()

    /// Literals, lengths and distances until the end-of-block symbol.
    private mutating func codes(_ literal: Huffman, _ distance: Huffman) throws {
        while true {
            let symbol = try decode(literal)
            if symbol < 256 {
                try emit(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let l = symbol - 257
            guard l < Inflate.lengthBase.count else { throw Inflate.damaged("an invalid length code") }
            let length = Inflate.lengthBase[l] + (try bits(Inflate.lengthExtra[l]))
            let d = try decode(distance)
            guard d < Inflate.distanceBase.count else { throw Inflate.damaged("an invalid distance code") }
            let back = Inflate.distanceBase[d] + (try bits(Inflate.distanceExtra[d]))
            guard back <= out.count else { throw Inflate.damaged("a distance before the start") }
            for _ in 0..<length { try emit(out[out.count - back]) }
        }
    }

    /// The code tables a dynamic block starts with.
    private mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let nLiteral = try bits(5) + 257, nDistance = try bits(5) + 1, nCode = try bits(4) + 4
        guard nLiteral <= 286, nDistance <= 30 else { throw Inflate.damaged("too many codes") }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for k in 0..<nCode { codeLengths[order[k]] = try bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < nLiteral + nDistance {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Inflate.damaged("a repeat with nothing before it") }
                lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == nLiteral + nDistance, lengths[256] != 0 else { throw Inflate.damaged("invalid code lengths") }
        return (try Huffman(lengths: Array(lengths[0..<nLiteral])), try Huffman(lengths: Array(lengths[nLiteral...])))
    }
}
