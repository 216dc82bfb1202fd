/// The zip container of an `.npz` (PKWARE's APPNOTE): members found through the central
/// directory (zip64 records included, as Python's zipfile writes them for numpy), stored or
/// deflated, each checked against its CRC-32. Written members are stored (no compression),
/// as `np.savez` stores them.
public enum ZipArchive {
    /// The members of a zip file, in the order of its central directory: name and contents.
    public static func read(_ bytes: [UInt8]) throws -> [(name: String, contents: [UInt8])] {
        let reader = LittleEndian(bytes)
        // The end-of-central-directory record: 22 bytes and a comment of up to 65535 bytes.
        var eocd = -1
        var k = bytes.count - 22
        while k >= max(0, bytes.count - 22 - 0xFFFF) {
            if reader.u32(k) == 0x0605_4B50 {
                eocd = k
                break
            }
            k -= 1
        }
        guard eocd >= 0 else { throw NumpyFileError("not a zip file (an .npz is one; no end-of-directory record found)") }
        var count = Int(reader.u16(eocd + 10)), directory = Int(reader.u32(eocd + 16))
        if count == 0xFFFF || directory == 0xFFFF_FFFF, eocd >= 20, reader.u32(eocd - 20) == 0x0706_4B50 {
            let record = Int(clamping: reader.u64(eocd - 12))
            guard record >= 0, record <= bytes.count - 56, reader.u32(record) == 0x0606_4B50 else {
                throw NumpyFileError("the zip64 directory record is damaged")
            }
            count = Int(clamping: reader.u64(record + 32))
            directory = Int(clamping: reader.u64(record + 48))
        }
        var members: [(String, [UInt8])] = []
        var at = directory
        for _ in 0..<count {
            guard at >= 0, at <= bytes.count - 46, reader.u32(at) == 0x0201_4B50 else {
                throw NumpyFileError("the zip directory is damaged or cut short")
            }
            let flags = reader.u16(at + 8), method = reader.u16(at + 10), crc = reader.u32(at + 16)
            var compressed = Int(reader.u32(at + 20)), size = Int(reader.u32(at + 24))
            let nameLength = Int(reader.u16(at + 28)), extraLength = Int(reader.u16(at + 30))
            let commentLength = Int(reader.u16(at + 32))
            var local = Int(reader.u32(at + 42))
            guard at + 46 + nameLength + extraLength <= bytes.count else { throw NumpyFileError("the zip directory is cut short") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            // zip64: the sizes and offset that read 0xFFFFFFFF are in extra field 0x0001, in this order.
            var e = at + 46 + nameLength
            while e + 4 <= at + 46 + nameLength + extraLength {
                let id = reader.u16(e), length = Int(reader.u16(e + 2))
                if id == 0x0001 {
                    var f = e + 4
                    for field in [0, 1, 2] where f + 8 <= e + 4 + length {
                        if field == 0, size == 0xFFFF_FFFF { size = Int(clamping: reader.u64(f)); f += 8 }
                        if field == 1, compressed == 0xFFFF_FFFF { compressed = Int(clamping: reader.u64(f)); f += 8 }
                        if field == 2, local == 0xFFFF_FFFF { local = Int(clamping: reader.u64(f)); f += 8 }
                    }
                }
                e += 4 + length
            }
            at += 46 + nameLength + extraLength + commentLength
            guard flags & 1 == 0 else { throw NumpyFileError("\(name) is encrypted") }
            guard local >= 0, local <= bytes.count - 30, reader.u32(local) == 0x0403_4B50 else {
                throw NumpyFileError("\(name): its zip entry is damaged")
            }
            let start = local + 30 + Int(reader.u16(local + 26)) + Int(reader.u16(local + 28))
            guard compressed >= 0, size >= 0, start <= bytes.count, compressed <= bytes.count - start else {
                throw NumpyFileError("\(name): the zip file is cut short")
            }
            let contents: [UInt8]
            switch method {
            case 0:
                guard compressed == size else { throw NumpyFileError("\(name): a stored entry whose sizes disagree") }
                contents = Array(bytes[start..<(start + size)])
            case 8:
                // DEFLATE expands at most about 1032 to 1: a larger recorded size is a damaged entry.
                guard size / 1032 <= compressed + 1 else { throw NumpyFileError("\(name): its recorded size is impossible: the file is damaged") }
                do { contents = try Inflate.inflate(bytes, start..<(start + compressed), expectedSize: size) } catch let e as NumpyFileError {
                    throw NumpyFileError("\(name): \(e.description)")
                }
            default:
                throw NumpyFileError("\(name) is compressed with method \(method); lstm-trace reads stored and deflated entries "
                                     + "(np.savez and np.savez_compressed)")
            }
            guard CRC32.checksum(contents) == crc else { throw NumpyFileError("\(name): its CRC-32 does not match: the file is damaged") }
            members.append((name, contents))
        }
        return members
    }

    /// A zip file of stored members (no compression), each with its CRC-32; times are
    /// 1980-01-01 00:00 so that the same contents give the same bytes.
    public static func bytes(_ members: [(name: String, contents: [UInt8])]) throws -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { for s in [0, 8, 16, 24] { into.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        let date = 1 << 5 | 1  // 1980-01-01 in MS-DOS form
        for (name, contents) in members {
            let nameBytes = Array(name.utf8)
            guard out.count < 0xFFFF_FFFF, contents.count < 0xFFFF_FFFF, members.count < 0xFFFF else {
                throw NumpyFileError("more than 4 GB or 65535 members: too large for a zip file without zip64")
            }
            let crc = CRC32.checksum(contents), offset = UInt32(out.count)
            // Local header, then the data.
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(date, &out)
            u32(crc, &out); u32(UInt32(contents.count), &out); u32(UInt32(contents.count), &out)
            u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes
            out += contents
            // Its central directory entry.
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0x0800, &directory); u16(0, &directory)
            u16(0, &directory); u16(date, &directory); u32(crc, &directory)
            u32(UInt32(contents.count), &directory); u32(UInt32(contents.count), &directory)
            u16(nameBytes.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u32(0, &directory); u32(offset, &directory)
            directory += nameBytes
        }
        guard out.count + directory.count < 0xFFFF_FFFF else { throw NumpyFileError("more than 4 GB: too large for a zip file without zip64") }
        let directoryOffset = UInt32(out.count)
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(members.count, &out); u16(members.count, &out)
        u32(UInt32(directory.count), &out); u32(directoryOffset, &out); u16(0, &out)
        return out
    }
}

/// Little-endian integers at byte offsets (callers check the bounds first; out of range reads 0).
private struct LittleEndian {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << UInt32(8 * $1) }
    }

    func u64(_ at: Int) -> UInt64 {
        guard at >= 0, at + 8 <= bytes.count else { return 0 }
        return (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << UInt64(8 * $1) }
    }
}
