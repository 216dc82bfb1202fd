import TraceLSTM

/// docs/char-lstm.md and its loss curve: the notebook's model trained for 5000 iterations.
enum CharLSTMPage {
    static let iterations = 5000

    /// The page and its plot. `corpus` is the text of --data, or lstm-trace's generated corpus
    /// when `isGenerated` (then the page says so). The reference columns are shown only when
    /// `reference` was computed on this very text (its length and vocabulary match).
    static func render(_ f: DocsFormat, corpus: CharCorpus, isGenerated: Bool, reference: JSONValue?, threads: Int,
                       progress: (Int, Int) -> Void = { _, _ in }) -> [(String, String)] {
        let trainer = CharTrainer(corpus: corpus, options: CharTrainingOptions(), threads: threads)
        var losses = BoundedSeries(), smooth = BoundedSeries()
        var allLosses: [Double] = [], allSmooth: [Double] = []
        var smoothAt: [Int: Double] = [:]
        var updates: [Int: UpdateSize] = [:], saturation: [Int: Double] = [:]
        var lastSample: (Int, String)?
        for it in 0..<iterations {
            progress(it, iterations)
            let before = updatesShown.contains(it) ? trainer.state.parameters : nil
            let r = trainer.step(sampleLength: it % 100 == 0 ? 200 : nil, trace: before != nil)
            if let before { updates[it] = UpdateSize(from: before, to: trainer.state.parameters) }
            if let t = r.trace { saturation[it] = Saturation.gateShare(t) }
            losses.append(x: Double(it), y: r.loss)
            smooth.append(x: Double(it), y: r.smoothLoss)
            allLosses.append(r.loss)
            allSmooth.append(r.smoothLoss)
            if it % 500 == 0 || it == iterations - 1 { smoothAt[it] = r.smoothLoss }
            if let s = r.sample { lastSample = (it, corpus.decode(s)) }
        }
        let sameText = reference?["data_length"]?.intValue == corpus.count
            && reference?["vocabulary"]?.stringValue == String(String.UnicodeScalarView(corpus.vocabulary))
        let arbiter = sameText ? reference?["longdouble"]?["smooth_losses"]?.numberArray : nil
        let numpy = sameText ? reference?["float64"]?["smooth_losses"]?.numberArray : nil
        var s = f.header("The notebook's character-level LSTM")
        if isGenerated {
            s += "> This page was written without `--data`, so it trains on the \(corpus.count)-character corpus that lstm-trace "
                + "generates itself, not on the notebook's Shakespeare sample. For the notebook's numbers, run "
                + "`lstm-trace docs --out DIR --data ../shared/data/shakespear.txt` (the sample comes with this project's "
                + "workspace, beside the repository).\n\n"
        }
        if isGenerated {
            s += "Varuna Jayasiri's \"Vanilla LSTM with numpy\" notebook (`000_…`) trains a character-level model on a sample of "
                + "Shakespeare. `lstm-trace train` runs its algorithm iteration for iteration; here on the generated text of "
                + "\(corpus.count) characters, \(corpus.vocabulary.count) of them distinct:\n\n"
        } else {
            s += "Varuna Jayasiri's \"Vanilla LSTM with numpy\" notebook (`000_…`) trains a character-level model on a "
                + "\(corpus.count)-character sample of Shakespeare. `lstm-trace train --data ../shared/data/shakespear.txt` runs "
                + "its algorithm iteration for iteration, on its \(corpus.vocabulary.count) distinct characters:\n\n"
        }
        s += "- $z_t = [h_{t-1}, x_t]$ with $x_t$ one-hot over the X = \(corpus.vocabulary.count) characters; H = 100, T = 25.\n"
            + "- The cell of [forward.md](forward.md), then $v_t = W_v h_t + b_v$ and $y_t = \\operatorname{softmax}(v_t)$; "
            + "the loss of a sequence is $\\sum_t -\\log y_t[\\text{target}_t]$.\n"
            + "- Weights drawn after `np.random.seed(0)`: $W_f, W_i, W_o$ = randn·0.1 + 0.5, $W_C, W_v$ = randn·0.1, "
            + "biases zero.\n"
            + "- BPTT over the 25 steps from the carried $(h, C)$. Every gradient entry is clipped to [−1, 1], then Adagrad: "
            + "$m \\mathrel{+}= d^2$, $w \\mathrel{-}= 0.1\\thinspace d / \\sqrt{m + 10^{-8}}$.\n"
            + "- The smooth loss starts at $-\\log(1/X)\\cdot T$ and becomes $0.999 \\cdot$ itself $+ 0.001 \\cdot$ loss "
            + "at each iteration.\n\n"
        s += "Two changes from the notebook, so that a run can be repeated: `np.random.seed(0)` before the weights, and a "
            + "sorted vocabulary (the notebook's `list(set(data))` order depends on Python's hash seed).\n\n"
        s += "## Loss per iteration\n\n![Loss and smooth loss per iteration](char-lstm-loss.svg)\n\n"
        s += firstIterations(f, losses: allLosses, smooth: allSmooth, updates: updates, saturation: saturation,
                             vocabulary: corpus.vocabulary.count)
        s += smoothLossLag(f, losses: allLosses, smooth: allSmooth)
        if let arbiter {
            s += "## Against numpy in 80-bit\n\n"
            s += "What is compared to what. The reference is the notebook's own algorithm computed with every parameter, state "
                + "and gradient in 80-bit `np.longdouble` (`python3 Examples/python/notebook.py DATA --dtype longdouble`): numpy "
                + "has no BLAS path for that type, so it gives the same numbers on every x86-64 machine, about three more decimal "
                + "digits than float64. lstm-trace and numpy's float64 notebook are both measured against it. The reference and "
                + "float64 numpy's numbers come from `Examples/python/reference/notebook-smooth-loss.json`, which "
                + "`notebook.py --reference` wrote.\n\n"
            s += "| iteration | lstm-trace | 80-bit reference | lstm-trace's distance | float64 numpy's distance |\n"
                + "|---:|---:|---:|---:|---:|\n"
            for it in smoothAt.keys.sorted() {
                let mine = smoothAt[it]!, exact = arbiter[it]
                let theirs = numpy.flatMap { it < $0.count ? $0[it] : nil }
                s += "| \(it) | \(JSONWriter.number(mine)) | \(JSONWriter.number(exact)) | "
                    + "\(NumberFormat.display(abs(mine - exact) / abs(exact), digits: 2)) | "
                    + (theirs.map { NumberFormat.display(abs($0 - exact) / abs(exact), digits: 2) } ?? "") + " |\n"
            }
            s += "\nDistances are relative, |value − reference| / reference. Both float64 programs stay within about a billionth "
                + "of the reference up to iteration 1000, then drift from it and from each other. This training is chaotic in the "
                + "last bit: the gates saturate, so $f(1 - f)$ loses most of its digits to cancellation, and a one-ulp difference "
                + "in a dot product grows in jumps. Which float64 program lands closer at a given iteration is luck: float64 "
                + "numpy's figures change with the machine's BLAS, and lstm-trace rebuilt with its sums paired in another order "
                + "lands as far out as numpy does. `Examples/python/sensitivity.py --spread` measures that spread with equally "
                + "valid float64 variants of the notebook, and CI (`Examples/python/check_train.py`) gates lstm-trace on four "
                + "times it.\n\n"
        } else {
            s += "## Smooth loss every 500 iterations\n\n"
            s += "The 80-bit reference in `Examples/python/reference/` was computed on the "
                + "Shakespeare sample, so it is not shown beside this text's run.\n\n"
            s += "| iteration | lstm-trace |\n|---:|---:|\n"
            for it in smoothAt.keys.sorted() { s += "| \(it) | \(JSONWriter.number(smoothAt[it]!)) |\n" }
            s += "\n"
        }
        if let (it, text) = lastSample {
            s += "## What it writes after \(it) iterations\n\n"
            s += "The sample the notebook prints at iteration \(it): 200 characters drawn with `np.random.choice` from the model, "
                + "starting from the current $(h, C)$ and the first character of the iteration's input:\n\n"
            s += "```text\n\(text)\n```\n\n"
        }
        if isGenerated {
            s += "The smooth loss after \(iterations) iterations on this text is \(JSONWriter.number(trainer.state.smoothLoss)).\n"
        } else {
            s += "The notebook's post says the model \"usually reaches an error of about 45 after 5000 iterations\". That figure "
                + "comes from its own unseeded starts; with seed 0 and a sorted vocabulary the smooth loss after \(iterations) "
                + "iterations is \(JSONWriter.number(trainer.state.smoothLoss)).\n"
        }
        s += "\n**In the explorer.** `lstm-trace train\(isGenerated ? "" : " --data ../shared/data/shakespear.txt") --iterations \(iterations) "
            + "--trace-iteration \(iterations - 1) --format json -o char.json` writes the full trace of the last iteration (25 steps, 100 units), "
            + "and `lstm-trace html --from char.json -o char.html` opens it.\n"
        let plot = LinePlot(title: "Character LSTM: loss per iteration", xLabel: "iteration", yLabel: "loss (sum over 25 characters)",
                            series: [.init(name: "loss", points: losses.points, color: "#9ecae1"),
                                     .init(name: "smooth loss", points: smooth.points, color: LinePlot.palette[1])])
        return [("char-lstm.md", s), ("char-lstm-loss.svg", plot.svg())]
    }

    /// The iterations whose update the first-iterations table measures.
    static let updatesShown: Set<Int> = [0, 1, 2, 3, 4, 5, 6, 1000, iterations - 1]

    /// Why the loss jumps at the start: Adagrad's first steps move every weight by about the
    /// learning rate, and the gates saturate.
    static func firstIterations(_ f: DocsFormat, losses: [Double], smooth: [Double], updates: [Int: UpdateSize],
                                saturation: [Int: Double], vocabulary: Int) -> String {
        let start = SmoothLoss.initial(vocabulary: vocabulary, steps: 25)
        let early = updatesShown.filter { $0 <= 6 }.sorted()
        let peak = early.max { losses[$0] < losses[$1] }!
        let back = (peak..<losses.count).first { losses[$0] < start }
        let (first, second) = (updates[0]!, updates[1]!)
        var s = "### Why the loss jumps at the start\n\n"
        s += "Before any update the model guesses nearly uniformly: iteration 0's loss is \(f.n(losses[0])), close to "
            + "$25 \\cdot -\\log(1/\(vocabulary)) = \(f.m(start))$, where the smooth loss starts. Then Adagrad takes its "
            + "first steps. Its memory $m$ starts at zero, so the first step of a weight is $0.1\\thinspace d / \\sqrt{d^2 + 10^{-8}}$: "
            + "0.1 in the direction of its own gradient, whatever the gradient's size (once it is well above $10^{-4}$). "
            + "The median weight moved by \(f.n(first.medianMove)) after iteration 0 and \(f.n(second.medianMove)) after "
            + "iteration 1, each time as much as the whole spread of the initial weights (their standard deviation is 0.1); "
            + "\(first.moved) of the \(first.count) entries moved (the rest are input columns of characters the 25 did not "
            + "contain).\n\n"
        s += TraceMarkdown.table(corner: "iteration", columns: ["loss", "smooth loss", "gate values within 0.01 of 0 or 1",
                                                                "median move of a weight in the update"],
                                 rows: updatesShown.sorted().map { it in
                                     (String(it), [f.n(losses[it]), f.n(smooth[it]), NumberFormat.percent(saturation[it]!),
                                                   f.n(updates[it]!.medianMove)])
                                 })
        s += "\nTwo such steps overshoot. The gates saturate (at iteration \(peak), "
            + "\(NumberFormat.percent(saturation[peak]!)) of the values of $f$, $i$ and $o$ are within 0.01 of 0 or 1, against "
            + "\(NumberFormat.percent(saturation[0]!)) at iteration 0) and the loss climbs to \(f.n(losses[peak])), against "
            + "\(f.n(start)) for uniform guessing. A saturated gate passes almost no gradient back, $\\sigma' = g(1 - g)$, so "
            + "the update after iteration \(peak) hardly moves anything, and every squared gradient stays in $m$ to keep "
            + "later steps small"
            + (back.map { "; the loss is back under \(f.n(start)) at iteration \($0)" } ?? "")
            + ". By iteration 1000 the median move is \(f.n(updates[1000]!.medianMove)).\n\n"
        return s
    }

    /// Why the smooth loss stays above the loss: it starts at uniform guessing and trails by
    /// about a thousand iterations.
    static func smoothLossLag(_ f: DocsFormat, losses: [Double], smooth: [Double]) -> String {
        let windows = SmoothLoss.windows(losses: losses, smooth: smooth, size: 500)
        var s = "### Why the smooth loss stays above the loss\n\n"
        s += "The smooth loss starts at uniform guessing and at each iteration moves 0.1 % of the way to the new loss. After "
            + "n iterations its start still weighs $0.999^n$ "
            + "(\(NumberFormat.percent(SmoothLoss.weightOfStart(after: 1000))) after 1000 iterations, "
            + "\(NumberFormat.percent(SmoothLoss.weightOfStart(after: 3000))) after 3000), and the average as a whole trails "
            + "the loss by about \(f.n(SmoothLoss.meanLag)) iterations, the mean age of its terms. While the loss falls, the "
            + "smooth loss is therefore above it, until the loss flattens out and the start has faded:\n\n"
        s += TraceMarkdown.table(corner: "iterations", columns: ["mean loss", "smooth loss at the end",
                                                                 "share of iterations with the loss below the smooth loss",
                                                                 "weight of the start in the smooth loss"],
                                 rows: windows.map { w in
                                     ("\(w.iterations.lowerBound)–\(w.iterations.upperBound - 1)",
                                      [f.n(w.meanLoss), f.n(w.smoothAtEnd), NumberFormat.percent(w.shareBelowSmooth),
                                       NumberFormat.percent(w.weightOfStart)])
                                 })
        return s + "\n"
    }
}
