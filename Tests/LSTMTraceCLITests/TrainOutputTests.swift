import Foundation
import TraceLSTM
import Testing

/// `train`'s outputs are checked before the first iteration, a failed run leaves no temporary
/// file, its input may be a FIFO, and a signal in its first instant is caught.
@Suite struct TrainOutputTests {
    let small = ["--hidden", "8", "--steps", "5"]

    func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
    }

    @Test func everyOutputIsCheckedBeforeTraining() throws {
        let dir = try temporaryFolder()
        let missing = dir.appendingPathComponent("nodir").path
        for (option, name) in [("--save", "ck.bin"), ("--log", "l.csv"), ("--plot", "p.svg")] {
            let r = try spawnTool(["train", "--iterations", "100000000", option, missing + "/" + name] + small, timeLimit: 20)
            #expect(!r.timedOut, "refused before training, not after 100,000,000 iterations")
            #expect(r.status == 73 && r.stdout == "" && r.stderr.hasPrefix("Error: cannot write"), "\(r.stderr)")
            #expect(r.stderr.contains("nodir/\(name)': the folder"), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// A wrong option is a usage error (64) even when an output is also wrong.
    @Test func usageErrorsComeBeforeOutputChecks() throws {
        let missing = try temporaryFolder().appendingPathComponent("nodir/x").path
        assertError(try runTool(["train", "--hidden", "abc", "--save", missing]), status: 64, contains: "'--hidden <n>'")
        assertError(try runTool(["train", "--resume", "ck", "--hidden", "3", "--log", missing]), status: 64, contains: "comes from the checkpoint")
        assertError(try runTool(["gradcheck", "--hidden", "100", "--input", "62", "-o", missing]), status: 64, contains: "Pass --samples n")
        assertError(try runTool(["html", "--from", "t.json", "--hidden", "3", "-o", missing]), status: 64, contains: "--hidden describes a model")
    }

    /// `--save out/nodir/ck.bin --log out/l.csv` failed with 73 and left `.l.csv.tmp-PID`.
    @Test func aFailedRunLeavesNoTemporaryFile() throws {
        let dir = try temporaryFolder()
        let log = dir.appendingPathComponent("l.csv").path
        let r = try runTool(["train", "--iterations", "3", "--save", dir.appendingPathComponent("nodir/ck.bin").path, "--log", log] + small)
        #expect(r.status == 73, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [], "no log and no .l.csv.tmp-PID")
        // A run that fails half-way (the weights diverge) leaves none either.
        let diverged = try runTool(["train", "--iterations", "50", "--learning-rate", "1000000", "--clip", "1000000", "--log", log,
                                    "--save", dir.appendingPathComponent("ck").path, "--plot", dir.appendingPathComponent("p.svg").path] + small)
        #expect(diverged.status == 1 && diverged.stderr.hasPrefix("Error: training diverged"), "\(diverged.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    /// `--log X --save X` said "No such file or directory".
    @Test func twoOutputsCannotShareAFile() throws {
        let dir = try temporaryFolder()
        let x = dir.appendingPathComponent("X").path
        assertError(try runTool(["train", "--iterations", "2", "--log", x, "--save", x] + small), status: 64,
                    contains: "--save and --log name the same file")
        // Also through another spelling of the same path.
        let y = dir.appendingPathComponent("./sub/../Y").path
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        assertError(try runTool(["train", "--iterations", "2", "--log", y, "--plot", dir.appendingPathComponent("Y").path + ".svg",
                                 "--save", dir.appendingPathComponent("Y").path] + small),
                    status: 64, contains: "name the same file")
        assertError(try runTool(["toy", "--epochs", "2", "-o", x + ".svg", "--plot", x + ".svg"]), status: 64, contains: "-o and --plot name the same file")
        assertError(try runTool(["train", "--save", "-"] + small), status: 64, contains: "give a file, not standard output")
    }

    /// `train --data FIFO` with no writer blocked for ever in open(2).
    @Test func aFIFOWithoutAWriterIsWaitedForAndTheWaitCanBeStopped() throws {
        let dir = try temporaryFolder()
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try spawnTool(["train", "--data", fifo, "--iterations", "2"] + small, timeLimit: 20) { pid in
            Thread.sleep(forTimeInterval: 1.5)
            kill(pid, SIGTERM)
        }
        #expect(!r.timedOut, "no hang")
        #expect(r.status == 130, "stopped by SIGTERM while it waits: \(String(describing: r.status)) \(String(describing: r.signal)) \(r.stderr)")
        #expect(r.stderr.contains("is a FIFO: waiting for a process to write to it"), "\(r.stderr)")
        // With a writer, the text arrives and training runs.
        let text = GeneratedCorpus.text(characters: 3000)
        let fed = try spawnTool(["train", "--data", fifo, "--iterations", "2"] + small, timeLimit: 20) { _ in
            if let h = FileHandle(forWritingAtPath: fifo) {
                h.write(Data(text.utf8))
                try? h.close()
            }
        }
        #expect(fed.status == 0, "\(fed.stderr)")
        #expect(fed.stdout.hasPrefix("data has \(text.unicodeScalars.count) characters"), "\(fed.stdout)")
    }

    /// A SIGTERM that arrives while the program starts (here: sent at once, and held pending by
    /// a blocked mask, as a test runner's thread leaves it) was fatal: the program let it through
    /// before catching it. It is now caught, and train saves.
    @Test func aSignalAtTheFirstInstantIsCaught() throws {
        let dir = try temporaryFolder()
        let ck = dir.appendingPathComponent("ck").path
        let r = try spawnTool(["train", "--iterations", "1000000", "--save", ck] + small, blocked: [SIGTERM]) { pid in
            kill(pid, SIGTERM)
        }
        #expect(r.signal == nil, "not killed by the signal")
        #expect(r.status == 130, "\(r.stderr)")
        let k = try CharCheckpoint(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: ck))))
        #expect(k.state.iteration == 1, "one iteration finished, then saved")
    }
}
