import Foundation

/// A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a
/// file), redrawn at most ten times a second.
final class ProgressBar {
    private var total: Int
    private let label: String
    private let enabled: Bool
    private var lastDraw = DispatchTime(uptimeNanoseconds: 0)
    private var drewSomething = false

    init(total: Int, label: String, enabled: Bool = StandardStreams.stderrIsTerminal) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    /// Shows `done` of `total`, with a short detail (e.g. the loss).
    func update(_ done: Int, detail: String = "") {
        guard enabled else { return }
        let now = DispatchTime.now()
        guard done >= total || now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 100_000_000 else { return }
        lastDraw = now
        let width = 30
        let filled = min(width, width * done / total)
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "") + String(repeating: " ", count: max(0, width - filled - 1))
        StandardStreams.writeError("\r\u{1B}[2K\(label) \(done)/\(total) [\(bar)] \(detail)")
        drewSomething = true
    }

    /// Shows `done` of a total that may have changed (`total`).
    func update(_ done: Int, of total: Int, detail: String = "") {
        self.total = max(total, 1)
        update(done, detail: detail)
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled, drewSomething else { return }
        StandardStreams.writeError("\r\u{1B}[2K")
    }
}
