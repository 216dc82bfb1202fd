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
    ]
    /// The names of the pages that need no data file.
    static var basicPages: [String] { basic.map(\.name) }
    /// The pages that need the notebook's corpus (--data).
    static let dataPages = ["char-lstm.md"]

    /// The files of the site (pages and the SVGs they show), or of the pages in `only`.
    static func files(data: CharCorpus?, reference: JSONValue?, only: Set<String>?, threads: Int) -> [(String, String)] {
        let f = DocsFormat()
        func wanted(_ name: String) -> Bool { only.map { $0.contains(name) } ?? true }
        var out = basic.filter { wanted($0.name) }.flatMap { $0.files(f) }
        if wanted("char-lstm.md"), let data { out += CharLSTMPage.render(f, corpus: data, reference: reference, threads: threads) }
        return out
    }
}
