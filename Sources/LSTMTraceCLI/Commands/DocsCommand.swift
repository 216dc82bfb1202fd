import Foundation
import TraceLSTM

/// `lstm-trace docs`: writes docs/, or checks that docs/ is what the code writes.
enum DocsCommand: Command {
    static let spec = DocsSpecs.docs

    static func run(_ a: ParsedArguments) throws {
        let only = a.string("--pages").map { Set($0.split(separator: ",").map(String.init)) }
        if let only {
            for name in only where !(DocsSite.basicPages + DocsSite.dataPages).contains(name) {
                throw a.usageError(Text.invalidValue(name, for: a.command.option("--pages")!,
                                                     expected: "pages among " + (DocsSite.basicPages + DocsSite.dataPages).joined(separator: ", ")),
                                   option: "--pages")
            }
        }
        let needsData = only.map { !$0.isDisjoint(with: DocsSite.dataPages) } ?? true
        var corpus: CharCorpus?
        if needsData {
            guard let path = a.string("--data") else {
                throw a.usageError("char-lstm.md trains on the notebook's corpus: add --data FILE (../shared/data/shakespear.txt), "
                                   + "or leave that page out with --pages.", option: "--data")
            }
            corpus = try CorpusLoader.load(path, steps: 25)
        }
        let referencePath = a.string("--reference") ?? "Examples/python/reference/notebook-smooth-loss.json"
        let reference: JSONValue? = FileManager.default.fileExists(atPath: referencePath) ? try InputFile.json(referencePath) : nil
        if a.has("--reference") && reference == nil { throw CLIError.cannotRead(path: referencePath, reason: "no such file") }

        let checkFolder = a.string("--check")
        guard let folder = checkFolder ?? a.string("--out") else {
            throw a.usageError("Say where: --out FOLDER to write the docs, or --check FOLDER to compare them.", option: "--out")
        }
        if checkFolder != nil && a.has("--out") {
            throw a.usageError("--out and --check do not go together.", option: "--check")
        }
        let files = DocsSite.files(data: corpus, reference: reference, only: only, threads: try a.threads())
        if checkFolder != nil {
            try check(files, against: folder)
            return
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw CLIError.cannotWrite(path: folder, reason: "cannot create the folder")
            }
        } else if !isDirectory.boolValue {
            throw CLIError.cannotWrite(path: folder, reason: "it is a file, not a folder")
        }
        for (name, text) in files {
            try OutputFile.write(text, to: (folder as NSString).appendingPathComponent(name))
        }
        StandardStreams.write("wrote \(files.count) files to \(folder): \(files.map(\.0).joined(separator: ", "))\n")
    }

    /// Compares freshly written files with a folder; exits 1 with a short summary when any differs.
    static func check(_ files: [(String, String)], against folder: String) throws {
        var problems: [String] = []
        for (name, text) in files {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append("missing: \(name)")
                continue
            }
            let old = String(decoding: data, as: UTF8.self)
            if old == text { continue }
            let a = old.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let was = line < a.count ? a[line] : "(end of file)", now = line < b.count ? b[line] : "(end of file)"
            problems.append("differs: \(name), from line \(line + 1)\n    in \(folder): \(String(was.prefix(140)))\n    the code writes: \(String(now.prefix(140)))")
        }
        if problems.isEmpty {
            StandardStreams.write("docs are up to date: \(files.count) files in \(folder) match what the code writes\n")
            return
        }
        StandardStreams.write("docs are out of date (\(problems.count) of \(files.count) files):\n  " + problems.joined(separator: "\n  ")
                              + "\nRegenerate with: lstm-trace docs --out \(folder) --data FILE\n")
        throw CLIError.checkFailed
    }
}
