import Foundation
import TraceLSTM
import Testing

/// lstm-trace's own .npy/.npz/CSV reader against files numpy wrote, and numpy's own reading
/// of them (Fixtures/arrays/expected.json, written by Examples/python/make_array_fixtures.py).
/// Values must be bit-identical: every accepted dtype converts to float64 exactly.
@Suite struct NumpyCodecTests {
    static let folder = Fixtures.directory.appendingPathComponent("arrays")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Checks what the codec read against numpy's reading (`shape` and `values`, or `text`).
    static func expectSame(_ item: NumpyItem, _ expected: JSONValue, _ label: String) throws {
        if let text = expected["text"]?.stringValue {
            #expect(item == .text(text), "\(label)")
            return
        }
        guard case .numbers(let a) = item else {
            Issue.record("\(label): read as text, numpy reads numbers")
            return
        }
        let shape = try #require(expected["shape"]?.arrayValue).compactMap(\.intValue)
        #expect(a.shape == shape, "\(label): shape")
        assertIdentical(a.values, try #require(expected["values"]?.numberArray), label)
    }

    @Test func readsWhatNumpyWroteAsNumpyReadsIt() throws {
        let files = try #require(try Fixtures.json("arrays/expected.json")["files"]?.objectValue)
        #expect(files.count >= 20)
        var refusedCount = 0
        for (name, expected) in files {
            let bytes = try Self.bytes(name)
            let read = { () throws -> NumpyItem in
                name.hasSuffix(".csv") ? .numbers(try ArrayText.csv(String(decoding: bytes, as: UTF8.self)))
                    : name.hasSuffix(".npz") ? try NPZ.read(bytes).first!.item : try NPY.read(bytes)
            }
            if let why = expected["refused"]?.stringValue {
                refusedCount += 1
                #expect { _ = try read() } throws: { error in
                    (error as? NumpyFileError)?.description.contains(why) == true
                }
                continue
            }
            try Self.expectSame(try read(), expected, name)
        }
        #expect(refusedCount >= 7)
    }

    /// Stored (np.savez) and deflated members (np.savez_compressed; zlib levels 0 and 1, which
    /// write stored and fixed-code DEFLATE blocks) all read as numpy reads them.
    @Test func readsStoredAndCompressedArchives() throws {
        let npz = try #require(try Fixtures.json("arrays/expected.json")["npz"])
        let members = try #require(npz["members"]?.objectValue)
        for file in try #require(npz["files"]?.arrayValue).compactMap(\.stringValue) {
            let read = try NPZ.read(try Self.bytes(file))
            #expect(read.map(\.key) == members.map(\.0), "\(file): keys in order")
            for ((key, item), (_, expected)) in zip(read, members) {
                try Self.expectSame(item, expected, "\(file) \(key)")
            }
        }
    }

    /// What NPZ.bytes writes, NPZ.read gives back (numpy's np.load of it is checked by the
    /// Python scripts that load step --format npz and weights -o FILE.npz).
    @Test func roundTrip() throws {
        let m = NumpyArray(shape: [2, 3], values: [1, -2.5, .pi, 0, -0.0, 1e-300])
        let bytes = try NPZ.bytes([("W_f", .numbers(m)), ("t", .integers([3, 1], shape: [2])), ("config", .text("{\"é\": 1}")),
                                   ("loss", .numbers(NumpyArray(scalar: 0.25)))])
        let back = try NPZ.read(bytes)
        #expect(back.map(\.key) == ["W_f", "t", "config", "loss"])
        #expect(back[0].item == .numbers(m))
        #expect(back[1].item == .numbers(NumpyArray(shape: [2], values: [3, 1])))
        #expect(back[2].item == .text("{\"é\": 1}"))
        #expect(back[3].item == .numbers(NumpyArray(scalar: 0.25)))
        // Any flipped byte of the data is caught by the CRC-32 (or the header checks).
        var damaged = bytes
        damaged[200] ^= 0x01
        #expect(throws: NumpyFileError.self) { try NPZ.read(damaged) }
    }

    @Test func jsonArraysMustBeRectangularNumbers() throws {
        func array(_ text: String) throws -> NumpyArray { try ArrayText.array(JSONParser.parse(text)) }
        #expect(try array("[[1, 2], [3, 4], [5, 6]]") == NumpyArray(shape: [3, 2], values: [1, 2, 3, 4, 5, 6]))
        #expect(try array("[[[1], [2]]]").shape == [1, 2, 1])
        #expect(try array("2.5") == NumpyArray(scalar: 2.5))
        #expect(try array("[]").shape == [0])
        #expect(try array("[1, null]").values[1].isNaN, "null is how trace files write NaN")
        for (text, why) in [("[[1, 2], [3]]", "ragged rows: [1] has 1 entries, [0] has 2"), ("[[1, 2], 3]", "[1] is a number where a row of 2 belongs (the rows are not all alike)"),
                            ("[1, \"a\"]", "[1] is a string, not a number"), ("[[1], [[2]]]", "[1][0] is an array where a number belongs (the rows are not all alike)"),
                            ("{\"a\": 1}", "the value is an object, not a number")] {
            #expect { try array(text) } throws: { ($0 as? NumpyFileError)?.description == why }
        }
    }

    @Test func csvRowsMustBeAlike() throws {
        #expect(try ArrayText.csv("1,2\n3,4\n") == NumpyArray(shape: [2, 2], values: [1, 2, 3, 4]))
        #expect(try ArrayText.csv("x,y\r\n1,2\r\n\r\n# note\r\n3,4") == NumpyArray(shape: [2, 2], values: [1, 2, 3, 4]))
        #expect(try ArrayText.csv("0.5\n-1\n").shape == [2, 1])
        #expect { try ArrayText.csv("1,2\n3\n") } throws: { ($0 as? NumpyFileError)?.description == "line 2 has 1 numbers, the first row has 2" }
        #expect { try ArrayText.csv("1,2\n3,abc\n") } throws: { ($0 as? NumpyFileError)?.description == "line 2, field 2: 'abc' is not a number" }
        #expect { try ArrayText.csv("\n# only a comment\n") } throws: { ($0 as? NumpyFileError)?.description == "no rows of numbers" }
    }
}
