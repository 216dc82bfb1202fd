/// A saved character-model run: everything `CharTrainer` needs to continue exactly where it
/// stopped: the parameters, Adagrad's memory, the carried (h, C), the data pointer, the
/// iteration, the smooth loss and numpy's random state, with the options and the corpus's
/// fingerprint to refuse a mismatch.
///
/// The file:
/// ```
/// LSTMTRACE-CHECKPOINT\n         magic
/// 1\n                            format version
/// {…}\n                          header (JSON, one line)
/// parameters, memory, h, C       float64, little-endian, raw bits
/// MT19937 key                    624 × uint32, little-endian
/// checksum                       FNV-1a 64 of everything above, little-endian
/// ```
public struct CharCheckpoint: Equatable, Sendable {
    public static let magic = "LSTMTRACE-CHECKPOINT"
    public static let version = 1

    public var options: CharTrainingOptions
    public var vocabulary: [Unicode.Scalar]
    public var corpusLength: Int
    public var corpusFingerprint: UInt64
    public var state: CharTrainingState

    /// Why bytes are not a checkpoint this version reads.
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The state of a trainer.
    public init(_ t: CharTrainer) {
        options = t.options
        vocabulary = t.corpus.vocabulary
        corpusLength = t.corpus.count
        corpusFingerprint = t.corpus.fingerprint
        state = t.state
    }

    // MARK: Writing

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        let (parameters, memory, h, c, random) = (state.parameters, state.memory, state.h, state.c, state.random)
        let header: JSONValue = .object([
            ("format", .string("lstm-trace-checkpoint/\(Self.version)")),
            ("hidden", .integer(options.hidden)), ("steps", .integer(options.steps)),
            ("learning_rate", .number(options.learningRate)), ("weight_sd", .number(options.weightSD)),
            ("seed", .integer(Int(options.seed))), ("clip", .number(options.clip)),
            ("vocabulary", .array(vocabulary.map { .integer(Int($0.value)) })),
            ("corpus_length", .integer(corpusLength)), ("corpus_fingerprint", .string(String(corpusFingerprint, radix: 16))),
            ("iteration", .integer(state.iteration)), ("pointer", .integer(state.pointer)),
            ("smooth_loss_bits", .string(String(state.smoothLoss.bitPattern, radix: 16))), ("smooth_loss", .number(state.smoothLoss)),
            ("mt_position", .integer(random.generator.position)), ("has_gauss", .bool(random.hasGauss)),
            ("gauss_bits", .string(String(random.gauss.bitPattern, radix: 16))),
            ("parameter_count", .integer(parameters.values.count)),
        ])
        var header1 = JSONWriter.string(header)
        header1 = header1.split(separator: "\n").map { $0.trimmingLeadingSpaces }.joined(separator: " ")
        var out = Array("\(Self.magic)\n\(Self.version)\n\(header1)\n".utf8)
        out.reserveCapacity(out.count + 8 * (2 * parameters.values.count + 2 * h.count) + 4 * 624 + 8)
        for block in [parameters.values, memory.values, h, c] {
            for d in block { append(d.bitPattern, to: &out) }
        }
        for w in random.generator.key { withUnsafeBytes(of: w.littleEndian) { out += $0 } }
        append(Self.fnv1a(out), to: &out)
        return out
    }

    private func append(_ v: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }

    /// FNV-1a, 64-bit.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    // MARK: Reading

    /// Reads a checkpoint; refuses anything damaged, foreign or of another version.
    public init(bytes: [UInt8]) throws(Problem) {
        func fail(_ s: String) -> Problem { Problem(description: s) }
        let magicBytes = Array("\(Self.magic)\n".utf8)
        guard bytes.count > magicBytes.count, Array(bytes[0..<magicBytes.count]) == magicBytes else {
            throw fail("not an lstm-trace checkpoint (it does not start with \(Self.magic))")
        }
        var cursor = magicBytes.count
        func line() throws(Problem) -> String {
            guard let end = bytes[cursor...].firstIndex(of: 10) else { throw fail("the file ends inside its header") }
            defer { cursor = end + 1 }
            return String(decoding: bytes[cursor..<end], as: UTF8.self)
        }
        let versionText = try line()
        guard let version = Int(versionText) else { throw fail("its version line is damaged") }
        guard version == Self.version else {
            throw fail("it is checkpoint format version \(version); this lstm-trace reads version \(Self.version)")
        }
        guard bytes.count >= cursor + 8 else { throw fail("the file is truncated") }
        let body = Array(bytes[0..<(bytes.count - 8)])
        var stored: UInt64 = 0
        for (k, b) in bytes[(bytes.count - 8)...].enumerated() { stored |= UInt64(b) << (8 * UInt64(k)) }
        guard Self.fnv1a(body) == stored else { throw fail("its checksum does not match: the file is damaged or truncated") }
        let headerText = try line()
        let header: JSONValue
        do { header = try JSONParser.parse(headerText) } catch { throw fail("its header is not valid JSON") }
        let formatName = "lstm-trace-checkpoint/\(Self.version)"
        guard header["format"]?.stringValue == formatName else { throw fail("its header does not name the format \(formatName)") }
        // Every field is held to the rules the options of `train` are held to
        // (`CharTrainingRules`): a checkpoint holds only what a run could have written.
        func invalid(_ k: String, _ expected: String) -> Problem {
            let value = header[k].map { v -> String in
                if case .string(let s) = v { return "\"\(s.prefix(40))\"" }
                return v.doubleValue.map { "\($0)" } ?? "not a number"
            } ?? "missing"
            return fail("its header's \"\(k)\" is \(value); expected \(expected)")
        }
        func int(_ k: String, _ rule: WholeNumberRule) throws(Problem) -> Int {
            guard let v = header[k]?.intValue, rule.accepts(v) else { throw invalid(k, rule.expected) }
            return v
        }
        func double(_ k: String, _ rule: NumberRule) throws(Problem) -> Double {
            guard let v = header[k]?.doubleValue, rule.accepts(v) else { throw invalid(k, rule.expected) }
            return v
        }
        func bits(_ k: String) throws(Problem) -> Double {
            guard let s = header[k]?.stringValue, let b = UInt64(s, radix: 16) else { throw invalid(k, "64 bits in hexadecimal") }
            return Double(bitPattern: b)
        }
        var o = CharTrainingOptions()
        o.hidden = try int("hidden", CharTrainingRules.hidden)
        o.steps = try int("steps", CharTrainingRules.steps)
        o.learningRate = try double("learning_rate", CharTrainingRules.learningRate)
        o.weightSD = try double("weight_sd", CharTrainingRules.weightSD)
        o.seed = UInt32(try int("seed", CharTrainingRules.seed))
        o.clip = try double("clip", CharTrainingRules.clip)
        options = o
        vocabulary = try Self.vocabulary(header["vocabulary"], fail)
        corpusLength = try int("corpus_length", WholeNumberRule(o.steps + 1...Int.max))
        guard let fp = header["corpus_fingerprint"]?.stringValue.flatMap({ UInt64($0, radix: 16) }) else {
            throw invalid("corpus_fingerprint", "64 bits in hexadecimal")
        }
        corpusFingerprint = fp
        let iteration = try int("iteration", WholeNumberRule(0...CharTrainingRules.iterations.range.upperBound))
        let pointer = try int("pointer", WholeNumberRule(0...corpusLength))
        // smooth_loss = -log(1/X) T at first, then averages of losses Σ -log p: never below 0.
        let smoothLoss = try bits("smooth_loss_bits")
        guard smoothLoss.isFinite, smoothLoss >= 0 else { throw fail("its smooth loss is \(smoothLoss); expected a finite number of at least 0") }
        if let written = header["smooth_loss"], written.doubleValue != smoothLoss {
            throw fail("its smooth loss is written as two different numbers")
        }
        let config = LSTMConfiguration(input: vocabulary.count, hidden: o.hidden, output: vocabulary.count, loss: .crossEntropy)
        // The size is checked before anything of the sizes the header claims is allocated.
        let n = config.parameterCount
        guard try int("parameter_count", WholeNumberRule(0...Int.max)) == n else { throw fail("its parameter count does not fit its sizes") }
        let expected = cursor + 8 * (2 * n + 2 * o.hidden) + 4 * 624 + 8
        guard bytes.count == expected else { throw fail("it has \(bytes.count) bytes where its header promises \(expected)") }
        func doubles(_ count: Int) -> [Double] {
            defer { cursor += 8 * count }
            return (0..<count).map { k in
                var v: UInt64 = 0
                for j in 0..<8 { v |= UInt64(bytes[cursor + 8 * k + j]) << (8 * UInt64(j)) }
                return Double(bitPattern: v)
            }
        }
        var p = ParameterSet(zerosFor: config)
        p.values = doubles(n)
        var m = ParameterSet(zerosFor: config)
        m.values = doubles(n)
        let h = doubles(o.hidden), c = doubles(o.hidden)
        let key = (0..<624).map { k in
            var w: UInt32 = 0
            for j in 0..<4 { w |= UInt32(bytes[cursor + 4 * k + j]) << (8 * UInt32(j)) }
            return w
        }
        guard let generator = MT19937(key: key, position: try int("mt_position", WholeNumberRule(0...624))),
              let hasGauss = header["has_gauss"].flatMap({ v -> Bool? in if case .bool(let b) = v { return b } else { return nil } }) else {
            throw fail("its random state is damaged")
        }
        let gauss = try bits("gauss_bits")
        guard gauss.isFinite else { throw fail("its random state is damaged") }
        let random = NumpyRandom(generator: generator, hasGauss: hasGauss, gauss: gauss)
        state = CharTrainingState(parameters: p, memory: m, h: h, c: c, iteration: iteration, pointer: pointer,
                                  smoothLoss: smoothLoss, random: random)
        guard state.isFinite else {
            throw fail("it holds numbers that are not finite")
        }
        // Adagrad's memory sums squares; h = o * tanh(C) lies in [-1, 1].
        guard m.values.allSatisfy({ $0 >= 0 }) else { throw fail("its Adagrad memory holds a negative number") }
        guard h.allSatisfy({ abs($0) <= 1 }) else { throw fail("its hidden state h holds a number outside [-1, 1]") }
    }

    /// The vocabulary of a header: the code points of 2 to 4096 distinct characters
    /// (`CharTrainingRules.vocabulary`), none NUL (a text with one is refused), in increasing
    /// order, as `CharCorpus` sorts them.
    private static func vocabulary(_ v: JSONValue?, _ fail: (String) -> Problem) throws(Problem) -> [Unicode.Scalar] {
        let rule = CharTrainingRules.vocabulary
        guard let items = v?.arrayValue, rule.accepts(items.count) else {
            throw fail("its header's \"vocabulary\" is not a list of \(rule.range.lowerBound) to \(rule.range.upperBound) characters")
        }
        var scalars: [Unicode.Scalar] = []
        for item in items {
            guard let code = item.intValue, code > 0, code <= 0x10FFFF, let u = Unicode.Scalar(UInt32(code)) else {
                throw fail("its header's \"vocabulary\" holds \(item.doubleValue.map { "\($0)" } ?? "something"), which is not the code of a character")
            }
            if let last = scalars.last, last.value >= u.value {
                throw fail("its header's \"vocabulary\" is not in increasing order without repeats")
            }
            scalars.append(u)
        }
        return scalars
    }
}

private extension Substring {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}

extension CharTrainer {
    /// A trainer that continues a checkpoint exactly. `corpus` must be the text it was trained on.
    public convenience init(corpus: CharCorpus, checkpoint k: CharCheckpoint, threads: Int = 1) throws(CharCheckpoint.Problem) {
        guard corpus.fingerprint == k.corpusFingerprint, corpus.count == k.corpusLength, corpus.vocabulary == k.vocabulary else {
            throw CharCheckpoint.Problem(description: "it was trained on another text (\(k.corpusLength) characters, "
                                         + "fingerprint \(String(k.corpusFingerprint, radix: 16))); pass the same --data")
        }
        self.init(corpus: corpus, options: k.options, threads: threads)
        state = k.state
    }
}
