import Foundation
import Testing

/// A checkpoint whose checksum is valid but whose contents no run could have written (forged,
/// or written by a broken build) is refused with one line and exit 65: every field is held to
/// the rules `train`'s options are held to.
@Suite struct CheckpointValidationTests {
    /// FNV-1a 64, the checkpoint's checksum (written out here so that the test forges files the
    /// way anyone could).
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// `bytes` with its checksum written again.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        let body = Array(bytes.dropLast(8))
        return body + withUnsafeBytes(of: fnv1a(body).littleEndian) { Array($0) }
    }

    /// A checkpoint of a small run.
    static func checkpoint(in dir: URL) throws -> [UInt8] {
        let ck = dir.appendingPathComponent("good").path
        let r = try runTool(["train", "--iterations", "3", "--hidden", "4", "--steps", "5", "--save", ck])
        #expect(r.status == 0, "\(r.stderr)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: ck)))
    }

    /// The checkpoint with `old` replaced by `new` in its header, checksum resealed.
    static func forged(_ good: [UInt8], _ old: String, _ new: String) -> [UInt8] {
        let headerEnd = good.indices.filter { good[$0] == 10 }[2]
        let header = String(decoding: good[..<headerEnd], as: UTF8.self)
        precondition(header.contains(old), "the header has no \(old)")
        return resealed(Array(header.replacingOccurrences(of: old, with: new).utf8) + good[headerEnd...])
    }

    @Test func impossibleHeaderValuesAreRefused() throws {
        let dir = try temporaryFolder()
        let good = try Self.checkpoint(in: dir)
        let cases: [(String, String, String)] = [
            ("\"learning_rate\": 0.1", "\"learning_rate\": -0.1", "\"learning_rate\" is -0.1; expected a number greater than 0"),
            ("\"learning_rate\": 0.1", "\"learning_rate\": 0", "\"learning_rate\" is 0.0; expected a number greater than 0"),
            ("\"clip\": 1.0", "\"clip\": 0", "\"clip\" is 0.0; expected a number greater than 0"),
            ("\"clip\": 1.0", "\"clip\": -1", "\"clip\" is -1.0"),
            ("\"weight_sd\": 0.1", "\"weight_sd\": 1000", "\"weight_sd\" is 1000.0; expected a number greater than 0 and at most 100.0"),
            ("\"hidden\": 4", "\"hidden\": 0", "\"hidden\" is 0.0; expected a whole number from 1 to 4096"),
            ("\"steps\": 5", "\"steps\": 20000", "\"steps\" is 20000.0; expected a whole number from 1 to 10000"),
            ("\"seed\": 0", "\"seed\": -1", "\"seed\" is -1.0"),
            ("\"smooth_loss_bits\": \"40317b6e6d449cf0\"", "\"smooth_loss_bits\": \"7ff8000000000000\"", "its smooth loss is nan"),
            ("\"smooth_loss_bits\": \"40317b6e6d449cf0\"", "\"smooth_loss_bits\": \"c0317b6e6d449cf0\"", "its smooth loss is -17.48"),
            ("\"vocabulary\": [10,", "\"vocabulary\": [-1,", "\"vocabulary\" holds -1.0, which is not the code of a character"),
            ("\"vocabulary\": [10,", "\"vocabulary\": [0,", "\"vocabulary\" holds 0.0"),
            ("\"vocabulary\": [10, 32,", "\"vocabulary\": [32, 10,", "not in increasing order"),
            ("\"format\": \"lstm-trace-checkpoint/1\"", "\"format\": \"lstm-trace/1\"", "its header does not name the format lstm-trace-checkpoint/1"),
            ("\"iteration\": 3", "\"iteration\": -3", "\"iteration\" is -3.0"),
            ("\"pointer\": 15", "\"pointer\": 999999", "\"pointer\" is 999999.0"),
            ("\"mt_position\"", "\"mt_pos\"", "\"mt_position\" is missing; expected a whole number from 0 to 624"),
            ("\"has_gauss\": false", "\"has_gauss\": 0", "its random state is damaged"),
        ]
        for (k, (old, new, message)) in cases.enumerated() {
            let path = dir.appendingPathComponent("forged-\(k)").path
            guard good.count > 0 else { return }
            try Data(Self.forged(good, old, new)).write(to: URL(fileURLWithPath: path))
            for command in [["train", "--resume", path, "--iterations", "10"], ["sample", "--checkpoint", path]] {
                let r = try runTool(command)
                assertError(r, status: 65, contains: message)
                #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
            }
        }
    }

    @Test func impossibleNumbersInTheBodyAreRefused() throws {
        let dir = try temporaryFolder()
        let good = try Self.checkpoint(in: dir)
        let headerEnd = good.indices.filter { good[$0] == 10 }[2] + 1
        let n = 773, hidden = 4  // the parameter count of H = 4 over the generated corpus's 33 characters
        func patched(_ index: Int, _ value: Double) -> [UInt8] {
            var bytes = good
            let at = headerEnd + 8 * index
            bytes.replaceSubrange(at..<(at + 8), with: withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) })
            return Self.resealed(bytes)
        }
        let cases: [([UInt8], String)] = [
            (patched(0, .nan), "numbers that are not finite"),
            (patched(n, -1), "its Adagrad memory holds a negative number"),
            (patched(2 * n, 5), "its hidden state h holds a number outside [-1, 1]"),
            (patched(2 * n + hidden, .infinity), "numbers that are not finite"),
        ]
        for (k, (bytes, message)) in cases.enumerated() {
            let path = dir.appendingPathComponent("body-\(k)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            assertError(try runTool(["sample", "--checkpoint", path]), status: 65, contains: message)
        }
        // The resealed file itself, unchanged, loads: the forgery is only what each case changes.
        let same = dir.appendingPathComponent("same").path
        try Data(Self.resealed(good)).write(to: URL(fileURLWithPath: same))
        #expect(try runTool(["sample", "--checkpoint", same, "--length", "5"]).status == 0)
    }

    /// A header that claims a model far larger than its file is refused before the model is allocated.
    @Test func aHugeClaimIsRefusedBeforeAllocating() throws {
        let dir = try temporaryFolder()
        let good = try Self.checkpoint(in: dir)
        let huge = Self.forged(good, "\"hidden\": 4", "\"hidden\": 4096")
        let bytes = Self.forged(huge, "\"parameter_count\": 773", "\"parameter_count\": 67801121")
        let path = dir.appendingPathComponent("huge").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let r = try spawnTool(["sample", "--checkpoint", path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("bytes where its header promises"), "\(r.stderr)")
        #expect(r.peakBelow(300), "no gigabyte of zeros allocated first: \(r.peakMegabytes) MB")
    }

    /// A file that starts as neither a checkpoint nor JSON is refused at its first bytes:
    /// /dev/urandom was read up to the 1 GB limit first.
    @Test func aFileThatIsNotACheckpointIsRefusedAtItsStart() throws {
        let r = try spawnTool(["sample", "--checkpoint", "/dev/urandom"], timeLimit: 30)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("not an lstm-trace checkpoint (it does not start with LSTMTRACE-CHECKPOINT)"), "\(r.stderr)")
        #expect(r.peakBelow(100), "\(r.peakMegabytes) MB")
    }
}
