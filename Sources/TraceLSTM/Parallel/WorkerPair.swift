#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Two threads working through one pass together: the calling thread (worker 0) and a helper
/// thread (worker 1) that waits, spinning, for the next job. `run` hands both the same job with
/// their own worker index and returns when both have finished it.
///
/// Jobs split their work into disjoint parts (hidden units, steps, rows), and each number is
/// computed by exactly one worker with the same operations as a single thread would use, so
/// results are bit-identical with or without the helper.
final class WorkerPair: @unchecked Sendable {
    private let published = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let exited = Atomic<Bool>(false)
    /// The current job; written before `published` changes, cleared after `finished` catches up.
    private nonisolated(unsafe) var job: ((Int) -> Void)?

    init() {
        let thread = Thread { [unowned self] in self.helperLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops the helper thread (waits for it to leave its loop).
    func shutdown() {
        stopping.store(true, ordering: .releasing)
        while !exited.load(ordering: .acquiring) { sched_yield() }
    }

    /// Runs `body(0)` here and `body(1)` on the helper, and returns when both are done.
    func run(_ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            job = body
            let generation = published.load(ordering: .relaxed) + 1
            published.store(generation, ordering: .releasing)
            body(0)
            var spins = 0
            while finished.load(ordering: .acquiring) != generation {
                spins += 1
                if spins > 4096 { sched_yield() }
            }
            job = nil
        }
    }

    private func helperLoop() {
        var seen = 0
        var spins = 0
        while true {
            let generation = published.load(ordering: .acquiring)
            if generation != seen {
                job?(1)
                seen = generation
                finished.store(generation, ordering: .releasing)
                spins = 0
                continue
            }
            if stopping.load(ordering: .acquiring) { break }
            // Spin while work comes quickly; yield, then sleep, when the pass is idle.
            spins += 1
            if spins > 1 << 16 {
                usleep(50)
            } else if spins > 1 << 12 {
                sched_yield()
            }
        }
        exited.store(true, ordering: .releasing)
    }

    /// The part of 0..<n that worker `w` of 2 takes (split at an even index, so that kernels
    /// that take rows in pairs pair the same rows either way).
    static func part(_ n: Int, worker w: Int) -> Range<Int> {
        let middle = min(n, ((n + 1) / 2 + 1) & ~1)
        return w == 0 ? 0..<middle : middle..<n
    }
}
