import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A run of the built binary started with posix_spawn, for what `Process` cannot do: start it
/// with signals blocked (as a test runner's worker thread does), signal it at once, give it a
/// closed or full stdout, and read its peak memory (wait4's rusage).
struct SpawnResult {
    /// The exit code, or nil when a signal ended it.
    let status: Int32?
    /// The signal that ended it, if one did.
    let signal: Int32?
    /// Peak resident memory, in megabytes, as wait4 reports it: on Linux the larger of the
    /// child's own peak and the test process's own peak when it started the child (posix_spawn
    /// shares the test process's memory until exec, and exec keeps that high-water mark).
    let peakMegabytes: Double
    /// The test process's own peak when it started the child.
    let testProcessPeakMegabytes: Double
    /// Whether it was killed for running past its time limit (a hang).
    let timedOut: Bool
    let stdout: String
    let stderr: String
}

/// What the child's stdout is.
enum SpawnOutput {
    /// A temporary file, read back into `stdout`.
    case captured
    /// Closed (`>&-`).
    case closed
    /// This path, opened for writing (`> /dev/full`).
    case path(String)
    /// A file that is removed once opened (its /proc/self/fd/1 link names a deleted file), read
    /// back into `stdout`.
    case deletedFile
}

/// Starts the binary with `arguments`; `blocked` signals are blocked in it from its first
/// instruction; `beforeWait` runs with its pid right after it starts. A run longer than
/// `timeLimit` seconds is killed (SIGKILL) and reported as `timedOut`.
func spawnTool(_ arguments: [String], stdout: SpawnOutput = .captured, blocked: [Int32] = [], timeLimit: Double = 60,
               beforeWait: (pid_t) -> Void = { _ in }) throws -> SpawnResult {
    let folder = try temporaryFolder()
    let outPath = folder.appendingPathComponent("stdout").path, errPath = folder.appendingPathComponent("stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    switch stdout {
    case .captured: posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    case .closed: posix_spawn_file_actions_addclose(&actions, 1)
    case .path(let p): posix_spawn_file_actions_addopen(&actions, 1, p, O_WRONLY, 0)
    case .deletedFile: break
    }
    var deleted: Int32 = -1
    if case .deletedFile = stdout {
        deleted = open(outPath, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        unlink(outPath)
        posix_spawn_file_actions_adddup2(&actions, deleted, 1)
    }
    defer { if deleted >= 0 { close(deleted) } }
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    for s in blocked { sigaddset(&mask, s) }
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = ([toolURL.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, toolURL.path, &actions, &attributes, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    let ownPeak = highWaterMegabytes()
    let watch = Watch(), child = pid
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) {
        if !watch.finished.load(ordering: .acquiring) {
            watch.killed.store(true, ordering: .releasing)
            kill(child, SIGKILL)
        }
    }
    beforeWait(pid)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    watch.finished.store(true, ordering: .releasing)
    let exited = status & 0x7F == 0
    let read = { (p: String) -> String in
        if p == outPath && deleted >= 0 {
            lseek(deleted, 0, SEEK_SET)
            return String(decoding: FileHandle(fileDescriptor: deleted, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
        }
        return String(decoding: FileManager.default.contents(atPath: p) ?? Data(), as: UTF8.self)
    }
    return SpawnResult(status: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F,
                       peakMegabytes: Double(usage.ru_maxrss) / 1024, testProcessPeakMegabytes: ownPeak,
                       timedOut: watch.killed.load(ordering: .acquiring),
                       stdout: read(outPath), stderr: read(errPath))
}

/// Whether a spawned run has ended, and whether its time limit killed it.
private final class Watch: Sendable {
    let finished = Atomic<Bool>(false)
    let killed = Atomic<Bool>(false)
}

extension SpawnResult {
    /// Whether the child's own peak memory was below `megabytes`. When the reported peak is no
    /// more than the test process's own (the child's is then hidden under it), it is at most
    /// that, which is all that can be told: the check passes only if that is below the bound,
    /// or it cannot be made, and then it passes too (a regression shows in a run of the suite
    /// whose process is small, as in CI, or in the fuzz suite, which measures every case).
    func peakBelow(_ megabytes: Double) -> Bool {
        peakMegabytes < megabytes || peakMegabytes <= testProcessPeakMegabytes + 1
    }
}

/// The test process's own peak resident memory (VmHWM), in megabytes.
func highWaterMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}
