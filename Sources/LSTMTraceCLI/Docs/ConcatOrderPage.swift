import TraceLSTM

/// docs/concat-order.md: [h, x] against [x, h].
enum ConcatOrderPage {
    static func render(_ f: DocsFormat) -> String {
        let exampleA = ForwardPage.example
        var exampleC = exampleA
        exampleC.concat = .xFirst
        let a = exampleA.trace, c = a.config, p = exampleA.problem
        // The same function in the other order: W's columns permuted to meet [x, h].
        let same = LSTM(parameters: p.model.parameters.withConcat(.xFirst)).trace(input: p.input, target: p.target)
        // The Medium post's cell drawn the tutorial's way: the same random matrices, read as meeting [x, h].
        let drawn = exampleC.trace
        let step = 1
        let sa = a.steps[step - 1], sb = same.steps[step - 1], sc = drawn.steps[step - 1]
        var s = f.header("[h, x] or [x, h]: what the concat order changes")
        s += "The tutorial and the notebook stack $z_t = [h_{t-1}, x_t]$ (`np.vstack((h_prev, x_t))`); the Medium post "
            + "stacks $z_t = [x_t, h_{t-1}]$ (`np.vstack((x, prev_h))`). `lstm-trace step --concat x-first` runs the Medium "
            + "order. This page takes the example of [forward.md](forward.md) (X = 3, H = 5, seed 0) three ways:\n\n"
            + "- **A**: h-first, as drawn (`\(exampleA.stepCommand)`).\n"
            + "- **B**: x-first with A's weights, each W's columns permuted to meet $[x_t, h_{t-1}]$: the same function.\n"
            + "- **C**: x-first as drawn (`\(exampleC.stepCommand)`): the same random matrices, now meeting $[x_t, h_{t-1}]$.\n\n"
        s += "**In the explorer.** `\(exampleA.htmlCommand("a.html"))` and `\(exampleC.htmlCommand("c.html"))` write A and "
            + "C as two pages to open side by side. B has no options of its own (its weights are A's, permuted), and the "
            + "explorer would show it as A with z's entries in another order.\n\n"
        s += "## What changes between A and B: the order of z, dz and W's columns\n\n"
        s += "$z_{\(step)}$: A = [\(sa.forward[.z]!.map(f.n).joined(separator: ", "))]  \nB = [\(sb.forward[.z]!.map(f.n).joined(separator: ", "))]\n\n"
        s += "$dz_{\(step)}$: A = [\(sa.backward[.dz]!.map(f.n).joined(separator: ", "))]  \nB = [\(sb.backward[.dz]!.map(f.n).joined(separator: ", "))]\n\n"
        s += "Row 0 of $W_f$: A = [\(a.parameters[.wf].row(0).map(f.n).joined(separator: ", "))]  \n"
            + "B = [\(same.parameters[.wf].row(0).map(f.n).joined(separator: ", "))]\n\n"
        s += "Row 0 of $dW_f$: A = [\(a.gradients![.wf].row(0).map(f.n).joined(separator: ", "))]  \n"
            + "B = [\(same.gradients![.wf].row(0).map(f.n).joined(separator: ", "))]\n\n"
        s += "## What does not change: every gate, every state, every other gradient\n\n"
        s += "$W \\cdot z_t = W_h h_{t-1} + W_x x_t$ whichever half comes first, so with the columns permuted the two cells "
            + "compute the same thing. At step \(step):\n\n"
        s += "| j | A: $f_{\(step)}$ | B: $f_{\(step)}$ | A: $C_{\(step)}$ | B: $C_{\(step)}$ | A: $h_{\(step)}$ | B: $h_{\(step)}$ | A: $dC_{\(step)}$ | B: $dC_{\(step)}$ |\n"
        s += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for j in 0..<c.hidden {
            s += "| \(j) | \(f.n(sa.forward[.f]![j])) | \(f.n(sb.forward[.f]![j])) | \(f.n(sa.forward[.c]![j])) | \(f.n(sb.forward[.c]![j])) | "
                + "\(f.n(sa.forward[.h]![j])) | \(f.n(sb.forward[.h]![j])) | \(f.n(sa.backward[.dC]![j])) | \(f.n(sb.backward[.dC]![j])) |\n"
        }
        let keys = Quantity.forwardOrder.filter { $0 != .z && a.steps[0].forward[$0] != nil }
            + Quantity.backwardOrder.filter { $0 != .dz && a.steps[0].backward[$0] != nil }
        let identical = zip(a.steps, same.steps).allSatisfy { x, y in keys.allSatisfy { x[$0]! == y[$0]! } }
        s += "\nOver both steps, every quantity but $z$ and $dz$ (\(keys.map { "`\($0.key)`" }.joined(separator: ", "))) is "
            + (identical ? "**identical to the last bit** in A and B" : "**not** identical in A and B") + ", and so is the loss: "
            + "\(f.n(a.loss)) and \(f.n(same.loss)).\n\n"
        s += "## C: the same random draw, read the other way, is another network\n\n"
        s += "`np.random.randn(5, 8)` does not know which columns will meet $h$. In C the first three columns of each matrix "
            + "meet $x_t$ instead of $h_{t-1}$, so C is a different network and its numbers differ from the first gate on:\n\n"
        s += "| j | A: $a_{f,\(step)}$ | C: $a_{f,\(step)}$ | A: $f_{\(step)}$ | C: $f_{\(step)}$ |\n|---:|---:|---:|---:|---:|\n"
        for j in 0..<c.hidden {
            s += "| \(j) | \(f.n(sa.forward[.aF]![j])) | \(f.n(sc.forward[.aF]![j])) | \(f.n(sa.forward[.f]![j])) | \(f.n(sc.forward[.f]![j])) |\n"
        }
        s += "\nLoss: A \(f.n(a.loss)), C \(f.n(drawn.loss)). To compare your x-first code with a trace, draw with the order "
            + "your code uses, or permute W's columns as B does.\n"
        return s
    }
}
