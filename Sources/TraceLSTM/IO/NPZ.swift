/// numpy's `.npz` (`np.savez`, `np.savez_compressed`): a zip of `.npy` files, one per key,
/// each named `key.npy`. `np.load(path)[key]` reads what `NPZ.bytes` wrote under `key`.
public enum NPZ {
    /// Whether `bytes` start as a zip file does (an `.npz`, not a `.npy` or text).
    public static func isZip(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) }

    /// The arrays of an `.npz`, by key, in the file's order. An error names the key it is about.
    public static func read(_ bytes: [UInt8]) throws -> [(key: String, item: NumpyItem)] {
        var out: [(String, NumpyItem)] = []
        var seen: Set<String> = []
        for (name, contents) in try ZipArchive.read(bytes) {
            let key = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            guard seen.insert(key).inserted else { throw NumpyFileError("\(key): the key appears twice") }
            do { out.append((key, try NPY.read(contents))) } catch let e as NumpyFileError {
                throw NumpyFileError("\(key): \(e.description)")
            }
        }
        return out
    }

    /// One member of an `.npz` to write.
    public enum Member {
        case numbers(NumpyArray)
        case integers([Int], shape: [Int])
        case text(String)
    }

    /// An `.npz` as `np.savez` writes it (stored members).
    public static func bytes(_ members: [(key: String, member: Member)]) throws -> [UInt8] {
        try ZipArchive.bytes(members.map { key, member in
            switch member {
            case .numbers(let a): return (key + ".npy", NPY.bytes(a))
            case .integers(let v, let shape): return (key + ".npy", NPY.bytes(integers: v, shape: shape))
            case .text(let s): return (key + ".npy", NPY.bytes(text: s))
            }
        })
    }
}
