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
        let checkFolder = a.string("--check")
        guard let folder = checkFolder ?? a.string("--out") else {
            throw a.usageError("Say where: --out FOLDER to write the docs, or --check FOLDER to compare them.", option: "--out")
        }
        if checkFolder != nil && a.has("--out") {
            throw a.usageError("--out and --check do not go together.", option: "--check")
        }
        if checkFolder == nil { try makeFolder(folder) }  // before the pages are computed, which takes a while
        var wanted = only ?? Set(DocsSite.basicPages + DocsSite.dataPages)
        // char-lstm.md trains on --data. Without it, --out writes the page from the generated
        // corpus (and says so on the page); --check cannot check a page written from a file it
        // was not given, so it checks the others and says which it left.
        var corpus: (text: CharCorpus, isGenerated: Bool)?
        if !wanted.isDisjoint(with: DocsSite.dataPages) {
            if let path = a.string("--data") {
                corpus = (try CorpusLoader.load(path, steps: 25), false)
            } else if checkFolder != nil {
                wanted.subtract(DocsSite.dataPages)
                if wanted.isEmpty {
                    throw a.usageError("\(DocsSite.dataPages.joined(separator: ", ")) is written from --data FILE: add --data to check it.",
                                       option: "--data")
                }
                StandardStreams.writeError(Text.docsDataPagesNotChecked(DocsSite.dataPages))
            } else {
                corpus = (try CorpusLoader.load(nil, steps: 25), true)
            }
        }
        let reference = corpus == nil ? nil : try referenceRuns(a, required: checkFolder != nil)
        let bar = ProgressBar(total: 1, label: "docs")
        let files = DocsSite.files(corpus: corpus, reference: reference, only: wanted, threads: try a.threads()) { done, total, detail in
            bar.update(done, of: total, detail: detail)
        }
        bar.finish()
        if checkFolder != nil {
            try check(files, against: folder)
            return
        }
        for (name, text) in files {
            try OutputFile.write(text, to: (folder as NSString).appendingPathComponent(name))
        }
        StandardStreams.write("wrote \(files.count) files to \(folder): \(files.map(\.0).joined(separator: ", "))\n")
    }

    /// Creates the --out folder if needed, and checks that a file can be written in it.
    static func makeFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw CLIError.cannotWrite(path: folder, reason: "cannot create the folder")
            }
        } else if !isDirectory.boolValue {
            throw CLIError.cannotWrite(path: folder, reason: "it is a file, not a folder")
        }
        try OutputFile.check((folder as NSString).appendingPathComponent("README.md"))
    }

    /// The 80-bit and float64 numpy runs that char-lstm.md measures lstm-trace against: --reference
    /// FILE, or the repository's file found from the current folder or any folder above it (so
    /// that docs works from anywhere inside the repository). Without it, --check stops with one
    /// line; --out writes the page without those columns and says so.
    static func referenceRuns(_ a: ParsedArguments, required: Bool) throws -> JSONValue? {
        if let path = a.string("--reference") { return try InputFile.json(path) }
        let relative = DocsSpecs.defaultReference
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while true {
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return try InputFile.json(candidate) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        if required { throw CLIError.cannotRead(path: relative, reason: Text.referenceNotFound) }
        StandardStreams.writeError(Text.referenceNotFoundNote(relative))
        return nil
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
