import Foundation
import TraceLSTM

/// Every file `lstm-trace docs` writes, by name.
enum DocsSite {
    /// The pages that need no data file.
    static let basicPages = ["README.md", "forward.md", "backward.md", "toy-regression.md", "concat-order.md", "vanishing-gradients.md"]
    /// The pages that need the notebook's corpus (--data).
    static let dataPages = ["char-lstm.md"]

    /// The files of the site (pages and the SVGs they show), or of the pages in `only`.
    static func files(data: CharCorpus?, reference: JSONValue?, only: Set<String>?, threads: Int) -> [(String, String)] {
        let f = DocsFormat()
        func wanted(_ name: String) -> Bool { only.map { $0.contains(name) } ?? true }
        var out: [(String, String)] = []
        if wanted("README.md") { out.append(("README.md", IndexPage.render(f))) }
        if wanted("forward.md") { out.append(("forward.md", ForwardPage.render(f))) }
        if wanted("backward.md") { out.append(("backward.md", BackwardPage.render(f))) }
        if wanted("toy-regression.md") { out += ToyPage.render(f) }
        if wanted("concat-order.md") { out.append(("concat-order.md", ConcatOrderPage.render(f))) }
        if wanted("vanishing-gradients.md") { out += VanishingPage.render(f) }
        if wanted("char-lstm.md"), let data { out += CharLSTMPage.render(f, corpus: data, reference: reference, threads: threads) }
        return out
    }
}
