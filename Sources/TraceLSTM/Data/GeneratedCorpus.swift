/// A small corpus the tool writes itself, so that `lstm-trace train` works on a fresh machine
/// without a data file: about 30,000 characters of short sentences built from a fixed word
/// list with `NumpyRandom(seed: 2017)`. It has the shape of text (words, capitals,
/// punctuation, lines) and the same text on every machine.
public enum GeneratedCorpus {
    static let subjects = ["the cell", "a gate", "the forget gate", "the input gate", "the output gate",
                           "the hidden state", "each step", "the gradient", "a learner", "the network",
                           "the memory", "every weight"]
    static let verbs = ["remembers", "forgets", "keeps", "writes", "reads", "carries", "opens", "closes",
                        "scales", "passes", "adds", "learns"]
    static let objects = ["what it needs", "the old value", "a new candidate", "the last word", "its own state",
                          "the signal", "a little of the past", "the next letter", "every number", "the sum"]
    static let endings = [".", ".", ".", "!", "?", ";", ","]

    /// The text.
    public static func text(characters: Int = 30_000) -> String {
        var random = NumpyRandom(seed: 2017)
        func pick(_ list: [String]) -> String {
            list[Int(random.randomSample() * Double(list.count))]
        }
        var out = ""
        var lineLength = 0
        var capital = true
        while out.count < characters {
            var sentence = "\(pick(subjects)) \(pick(verbs)) \(pick(objects))\(pick(endings))"
            if capital { sentence = sentence.prefix(1).uppercased() + sentence.dropFirst() }
            capital = sentence.last != ","
            if lineLength + sentence.count > 60 {
                out += "\n"
                lineLength = 0
            } else if lineLength > 0 {
                out += " "
                lineLength += 1
            }
            out += sentence
            lineLength += sentence.count
        }
        return out + "\n"
    }
}
