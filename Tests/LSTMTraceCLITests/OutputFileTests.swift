import Foundation
import Testing

/// `-o` and the other output options: a regular file is replaced atomically; anything else
/// (a device, a FIFO, a link to one) is written through and never replaced; `-` is stdout.
@Suite struct OutputFileTests {
    func kind(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    /// A device node like /dev/`name` for a test to write to. As root, a private copy made with
    /// mknod in `dir`: a binary with the old bug (this suite is also run against builds from
    /// before the fixes) would replace the machine's own /dev/null with a regular file. Others
    /// cannot replace anything in /dev, so they get the real one.
    func device(_ name: String, minor: UInt32, in dir: URL) -> String {
        guard getuid() == 0 else { return "/dev/" + name }
        let path = dir.appendingPathComponent(name).path
        let device = dev_t((1 << 8) | minor)  // makedev(1, minor): the memory devices
        return mknod(path, S_IFCHR | 0o666, device) == 0 ? path : "/dev/" + name
    }

    @Test func devicesAreWrittenThroughNeverReplaced() throws {
        let dir = try temporaryFolder(), devices = try temporaryFolder()
        let null = device("null", minor: 3, in: devices), full = device("full", minor: 7, in: devices)
        let toNull = dir.appendingPathComponent("to-null").path
        try FileManager.default.createSymbolicLink(atPath: toNull, withDestinationPath: null)
        let r = try runTool(["step", "-o", toNull])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try kind(toNull) == .typeSymbolicLink, "the link is still a link")
        #expect(try kind(null) == .typeCharacterSpecial)
        #expect(try runTool(["step", "-o", null]).status == 0)
        #expect(try kind(null) == .typeCharacterSpecial, "\(null) is still the device")
        // /dev/full refuses the bytes: 73, one line, and it stays a device.
        let refused = try runTool(["step", "-o", full])
        assertError(refused, status: 73, contains: "cannot write '\(full)': No space left on device")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try kind(full) == .typeCharacterSpecial)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["to-null"], "no temporary file")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: devices.path)).isSubset(of: ["null", "full"]), "no temporary file")
    }

    @Test func aLinkToAFileKeepsTheLink() throws {
        let dir = try temporaryFolder()
        let target = dir.appendingPathComponent("trace.md").path, link = dir.appendingPathComponent("link.md").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "trace.md")
        #expect(try runTool(["step", "-o", link]).status == 0)
        #expect(try kind(link) == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# LSTM trace"), "the target was replaced")
        let broken = dir.appendingPathComponent("broken.md").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "nowhere/x.md")
        assertError(try runTool(["step", "-o", broken]), status: 73, contains: "a symbolic link to a file that does not exist")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["trace.md", "link.md", "broken.md"])
    }

    @Test func dashIsStandardOutput() throws {
        let dir = try temporaryFolder()
        let plain = try runTool(["step", "--format", "json"])
        // (/dev/stdout itself is read as '-'; it is not written to here, for the reason `device` gives.)
        let link = try temporaryFolder().appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        for name in ["-", link] {
            let r = try runTool(["step", "--format", "json", "-o", name], currentDirectory: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == plain.stdout, "-o \(name) prints the trace")
        }
        #expect(try runTool(["gradcheck", "-o", "-"], currentDirectory: dir).stdout.contains("Gradient check"))
        // A link to /proc/self/fd/1 when stdout is a file that was removed: written through, not
        // renamed onto a name like '/tmp/x (deleted)'.
        let r = try spawnTool(["step", "--format", "json", "-o", link], stdout: .deletedFile)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == plain.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [], "no file named '-'")
    }

    @Test func aFIFOWithoutAReaderIsRefusedNotWaitedFor() throws {
        let dir = try temporaryFolder()
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        assertError(try runTool(["step", "-o", fifo]), status: 73, contains: "it is a FIFO that no process is reading")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }
}
