#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary files being written at this moment (an output before its rename, the log of
/// `train`), so that a signal that stops the program at once can remove them: no run, however
/// it ends, leaves a `.name.tmp-PID` behind.
///
/// The signal handler may run at any instant on any thread, so it only reads: each slot's path
/// is written while the slot is `filling` and read by the handler only after it has claimed the
/// slot (`active` → `removing`); the program never rewrites a slot the handler holds. Nothing
/// in `removeAll` allocates or locks; unlink(2) is async-signal-safe.
enum TemporaryFiles {
    private static let free = 0, filling = 1, active = 2, removing = 3

    private final class Slot: @unchecked Sendable {
        let state = Atomic<Int>(0)
        let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    }

    private static let slots: [Slot] = (0..<16).map { _ in Slot() }

    /// Makes the slots exist before a signal handler can look at them (a static's first use
    /// runs its initializer, which a handler must not do).
    static func prepare() { _ = slots.count }

    /// Records `path` until `forget`; returns its slot (nil when all are taken or the path is
    /// too long: the file is then only removed by the code that wrote it).
    static func remember(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count <= Int(PATH_MAX) else { return nil }
        for (k, slot) in slots.enumerated() where slot.state.compareExchange(expected: free, desired: filling, ordering: .acquiring).exchanged {
            bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { slot.path.update(from: $0.baseAddress!, count: b.count) }
            }
            slot.path[bytes.count] = 0
            slot.state.store(active, ordering: .releasing)
            return k
        }
        return nil
    }

    /// Stops tracking the file of `slot` (renamed into place, or removed).
    static func forget(_ slot: Int?) {
        guard let slot else { return }
        // Fails only if a handler has claimed the slot; it is removing the file and ending the program.
        _ = slots[slot].state.compareExchange(expected: active, desired: free, ordering: .releasing)
    }

    /// In a signal handler: removes every temporary file being written.
    static func removeAll() {
        for slot in slots where slot.state.compareExchange(expected: active, desired: removing, ordering: .acquiring).exchanged {
            unlink(slot.path)
        }
    }
}
