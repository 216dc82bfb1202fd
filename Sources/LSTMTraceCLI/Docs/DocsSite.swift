import Foundation
import TraceLSTM

/// Every file `lstm-trace docs` writes, by name.
enum DocsSite {
    /// The pages that need no data file, each with what writes it (the page, and the SVGs it shows).
    private static let basic: [(name: String, files: @Sendable (DocsFormat) -> [(String, String)])] = [
        ("README.md", { [("README.md", IndexPage.render($0))] }),
        ("forward.md", { ForwardPage.render($0) }),
        ("backward.md", { BackwardPage.render($0) }),
        ("toy-regression.md", { ToyPage.render($0) }),
        ("concat-order.md", { [("concat-order.md", ConcatOrderPage.render($0))] }),
        ("vanishing-gradients.md", { VanishingPage.render($0) }),
        ("trace-format.md", { [("trace-format.md", TraceFormatPage.render($0))] }),
    ]
    /// The names of the pages that need no data file.
    static var basicPages: [String] { basic.map(\.name) }
    /// The pages that need the notebook's corpus (--data).
    static let dataPages = ["char-lstm.md"]

    /// The files of the site (pages and the SVGs they show), or of the pages in `only`. The data
    /// pages are written when `corpus` is given (the text of --data, or the generated corpus).
    /// `progress(done, total, detail)` hears of each page and of char-lstm.md's iterations.
    static func files(corpus: (text: CharCorpus, isGenerated: Bool)?, reference: JSONValue?, only: Set<String>?, threads: Int,
                      progress: (Int, Int, String) -> Void = { _, _, _ in }) -> [(String, String)] {
        let f = DocsFormat()
        func wanted(_ name: String) -> Bool { only.map { $0.contains(name) } ?? true }
        let pages = basic.filter { wanted($0.name) }
        let iterations = wanted("char-lstm.md") && corpus != nil ? CharLSTMPage.iterations : 0
        let total = pages.count + iterations
        var out: [(String, String)] = []
        for (k, page) in pages.enumerated() {
            progress(k, total, page.name)
            out += page.files(f)
        }
        if iterations > 0, let corpus {
            out += CharLSTMPage.render(f, corpus: corpus.text, isGenerated: corpus.isGenerated, reference: reference, threads: threads,
                                       progress: { progress(pages.count + $0, total, "char-lstm.md, iteration \($0 + 1) of \($1)") })
        }
        progress(total, total, "")
        return out
    }
}
