import Foundation
import TraceLSTM

/// The array files a learner gives (`--weights`, `--inputs`, `--target`, `--h0`, `--c0`, and
/// `compare`'s two files): `.npy`, `.npz`, CSV or JSON, told apart by their first bytes, not
/// their names. Every failure is one line naming the file (65; 66 when it cannot be read).
enum ArrayFile {
    enum Kind { case npy, npz, json, csv }

    /// What the bytes are: numpy's magic, a zip, JSON (starting with `[` or `{`), else CSV.
    static func kind(_ bytes: [UInt8]) -> Kind {
        if bytes.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) { return .npy }
        if NPZ.isZip(bytes) { return .npz }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        let data = try InputFile.bytes(path)
        if data.isEmpty { throw CLIError.badData("'\(path)': \(Text.fileIsEmpty)") }
        return [UInt8](data)
    }

    /// Runs `body`, turning the codec's errors into one line naming the file.
    static func reading<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as NumpyFileError {
            throw CLIError.badData(Text.badArrayFile(path, e.description))
        } catch let e as ComparisonInputError {
            throw CLIError.badData(Text.badArrayFile(path, e.description))
        }
    }

    /// The one array of an input file, called `what` in messages (`inputs`, `target`, `h0`).
    static func array(_ path: String, what: String) throws -> NumpyArray {
        let bytes = try bytes(path)
        switch kind(bytes) {
        case .npy:
            return try reading(path) {
                guard case .numbers(let a) = try NPY.read(bytes) else { throw NumpyFileError("\(what): the array holds text, not numbers") }
                return a
            }
        case .npz:
            let members = try reading(path) { try NPZ.read(bytes) }
            guard members.count == 1, case .numbers(let a) = members[0].item else {
                throw CLIError.badData(Text.badArrayFile(path, "\(what): an .npz of \(members.count) arrays; give one array (.npy, CSV or JSON)"))
            }
            return a
        case .json:
            let json = try InputFile.json(path)
            return try reading(path) {
                do { return try ArrayText.array(json) } catch let e as NumpyFileError { throw NumpyFileError("\(what): \(e.description)") }
            }
        case .csv:
            let text = try InputFile.text(path)
            return try reading(path) {
                do { return try ArrayText.csv(text) } catch let e as NumpyFileError { throw NumpyFileError("\(what): \(e.description)") }
            }
        }
    }

    /// The named arrays of a weights file: an `.npz`, a JSON object of names, or a whole trace
    /// (JSON or `.npz`; only its parameters are read), with the trace's config when it has one.
    static func named(_ path: String) throws -> (arrays: [(name: String, array: NumpyArray)], config: JSONValue?) {
        let bytes = try bytes(path)
        switch kind(bytes) {
        case .npz:
            let members = try reading(path) { try NPZ.read(bytes) }
            let isTrace = members.contains { $0.key == "format" }
            var config: JSONValue?
            var arrays: [(String, NumpyArray)] = []
            for (key, item) in members {
                switch item {
                case .text(let s):
                    guard isTrace, key == "format" || key == "config" else {
                        throw CLIError.badData(Text.badArrayFile(path, "\(key) holds text; expected an array of numbers"))
                    }
                    if key == "config" { config = try? JSONParser.parse(s) }
                case .numbers(let a):
                    if !isTrace { arrays.append((key, a)) } else if case .parameter = LearnerNames.resolve(key) { arrays.append((key, a)) }
                }
            }
            return (arrays, config)
        case .json:
            let json = try InputFile.json(path)
            guard case .object(var pairs) = json else {
                throw CLIError.badData(Text.badArrayFile(path, "a JSON \(ArrayText.describe(json)); expected an object of parameters (\"W_f\": [[…], …], …) or a trace"))
            }
            var config: JSONValue?
            if let parameters = json["parameters"] {
                guard case .object(let p) = parameters else {
                    throw CLIError.badData(Text.badArrayFile(path, "parameters is \(ArrayText.describe(parameters)); expected an object"))
                }
                pairs = p
                config = json["config"]
            }
            return (try pairs.map { name, value in
                (name, try reading(path) {
                    do { return try ArrayText.array(value) } catch let e as NumpyFileError { throw NumpyFileError("\(name): \(e.description)") }
                })
            }, config)
        case .npy, .csv:
            throw CLIError.badData(Text.badArrayFile(path, "one array; weights are named arrays: an .npz (np.savez) or a JSON object"))
        }
    }

    /// A file for `compare`: an `.npz` or JSON, in any layout `ComparisonSide` reads.
    static func comparisonSide(_ path: String) throws -> ComparisonSide {
        do {  // the bytes are let go before the JSON is parsed
            let bytes = try bytes(path)
            switch kind(bytes) {
            case .npz:
                let members = try reading(path) { try NPZ.read(bytes) }
                return try reading(path) { try ComparisonSide(npz: members) }
            case .npy:
                throw CLIError.badData(Text.badArrayFile(path, "one .npy array; compare reads an .npz (np.savez) or a JSON file of named values"))
            case .json, .csv:
                try CompareLimits.requireFewEnoughNumbers(bytes, path: path)
            }
        }
        let json = try InputFile.json(path)
        return try reading(path) { try ComparisonSide(json: json) }
    }
}
