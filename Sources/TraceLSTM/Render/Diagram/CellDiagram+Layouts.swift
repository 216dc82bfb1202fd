/// Where the nodes sit and how the wires run, in three arrangements of the same cell.
///
/// `wide` follows colah's drawing: the cell state runs along the top from C_{t−1} to C_t, the
/// four layers stand in a row fed by z_t from below, and the step before and the step after
/// flank the cell. `narrow` turns it for a phone: the cell state runs down the left edge,
/// the layers stack in one column fed from the right, and the neighbours sit above and below.
/// `compact` (CellDiagram+CompactLayout.swift) folds `wide` into the docs' text column.
extension CellDiagram {
    struct Arrangement {
        var width: Double
        var height: Double
        var places: [String: DiagramPlacement]
        var wires: [DiagramWire]
        /// Where a wire splits, drawn as a dot.
        var junctions: [DiagramPoint]
        /// The standalone file's size (its `width` and `height`) over its viewBox's: above 1, a
        /// page shows it larger, down to the width of its column.
        var fileScale: Double = 1
    }

    static func arrangement(_ layout: Layout) -> Arrangement {
        switch layout {
        case .wide: return wide
        case .narrow: return narrow
        case .compact: return compact
        }
    }

    static func wire(_ from: String, _ to: String, _ route: DiagramWaypoint...) -> DiagramWire {
        DiagramWire(from: from, to: to, route: route)
    }

    private static let wide: Arrangement = {
        let yC = 70.0, yGate = 420.0, yBus = 560.0, yX = 650.0, yH = 300.0
        let xF = 410.0, xI = 600.0, xCT = 790.0, xO = 980.0, xMulI = 695.0, xTanh = 1070.0, xOut = 1215.0
        return Arrangement(
            width: 1400, height: 700,
            places: [
                "prevStep": DiagramPlacement(x: 8, y: 315, alignment: .leading, width: 56, height: 590),
                "C_prev": DiagramPlacement(x: 200, y: yC), "h_prev": DiagramPlacement(x: 200, y: yBus),
                "x": DiagramPlacement(x: 200, y: yX), "z": DiagramPlacement(x: xF, y: yBus),
                "f": DiagramPlacement(x: xF, y: yGate), "i": DiagramPlacement(x: xI, y: yGate),
                "C_tilde": DiagramPlacement(x: xCT, y: yGate), "o": DiagramPlacement(x: xO, y: yGate),
                "mulF": DiagramPlacement(x: xF, y: yC), "mulI": DiagramPlacement(x: xMulI, y: 250),
                "add": DiagramPlacement(x: xMulI, y: yC), "tanh_C": DiagramPlacement(x: xTanh, y: 180),
                "mulO": DiagramPlacement(x: xTanh, y: yH), "C": DiagramPlacement(x: xOut, y: yC),
                "h": DiagramPlacement(x: xOut, y: yH), "head": DiagramPlacement(x: xOut, y: 440),
                "nextStep": DiagramPlacement(x: 1392, y: 315, alignment: .trailing, width: 56, height: 590),
            ],
            wires: [
                wire("prevStep", "C_prev", .edge("prevStep", .right, along: yC), .edge("C_prev", .left)),
                wire("prevStep", "h_prev", .edge("prevStep", .right, along: yBus), .edge("h_prev", .left)),
                wire("C_prev", "mulF", .edge("C_prev", .right), .edge("mulF", .left)),
                wire("f", "mulF", .edge("f", .top), .edge("mulF", .bottom)),
                wire("mulF", "add", .edge("mulF", .right), .edge("add", .left)),
                wire("i", "mulI", .edge("i", .top), .at(xI, 250), .edge("mulI", .left)),
                wire("C_tilde", "mulI", .edge("C_tilde", .top), .at(xCT, 250), .edge("mulI", .right)),
                wire("mulI", "add", .edge("mulI", .top), .edge("add", .bottom)),
                wire("add", "C", .edge("add", .right), .edge("C", .left)),
                wire("add", "tanh_C", .edge("add", .right), .at(xTanh, yC), .edge("tanh_C", .top)),
                wire("tanh_C", "mulO", .edge("tanh_C", .bottom), .edge("mulO", .top)),
                wire("o", "mulO", .edge("o", .top), .at(xO, yH), .edge("mulO", .left)),
                wire("mulO", "h", .edge("mulO", .right), .edge("h", .left)),
                wire("h", "head", .edge("h", .bottom), .edge("head", .top)),
                wire("C", "nextStep", .edge("C", .right), .edge("nextStep", .left, along: yC)),
                wire("h", "nextStep", .edge("h", .right), .edge("nextStep", .left, along: yH)),
                wire("h_prev", "z", .edge("h_prev", .right), .edge("z", .left)),
                wire("x", "z", .edge("x", .right), .at(xF, yX), .edge("z", .bottom)),
                wire("z", "f", .edge("z", .top), .edge("f", .bottom)),
                wire("z", "i", .edge("z", .right), .at(xI, yBus), .edge("i", .bottom)),
                wire("z", "C_tilde", .edge("z", .right), .at(xCT, yBus), .edge("C_tilde", .bottom)),
                wire("z", "o", .edge("z", .right), .at(xO, yBus), .edge("o", .bottom)),
            ],
            junctions: [DiagramPoint(x: xTanh, y: yC), DiagramPoint(x: xI, y: yBus), DiagramPoint(x: xCT, y: yBus)])
    }()

    private static let narrow: Arrangement = {
        // Columns: the cell state at x = 20, the ⊙ at 66, boxes from 104, the bus at 380.
        let xC = 20.0, xOp = 66.0, left = 104.0, xMid = 180.0, xBus = 380.0, xExit = 350.0
        let y: [String: Double] = ["C_prev": 112, "h_prev": 190, "z": 262, "x": 340, "f": 440, "i": 540, "C_tilde": 640,
                                   "C": 740, "tanh_C": 835, "o": 935, "h": 1035, "head": 1135]
        var places: [String: DiagramPlacement] = [:]
        for (id, yy) in y { places[id] = DiagramPlacement(x: left, y: yy, alignment: .leading) }
        places["prevStep"] = DiagramPlacement(x: 8, y: 34, alignment: .leading, width: 384, height: 52)
        places["nextStep"] = DiagramPlacement(x: 8, y: 1232, alignment: .leading, width: 384, height: 52)
        places["mulF"] = DiagramPlacement(x: xC, y: y["f"]!)
        places["mulI"] = DiagramPlacement(x: xOp, y: 590)
        places["add"] = DiagramPlacement(x: xC, y: 590)
        places["mulO"] = DiagramPlacement(x: xOp, y: y["o"]!)
        let cIn = y["C"]! - 14, cOut = y["C"]! + 14
        return Arrangement(
            width: 400, height: 1270, places: places,
            wires: [
                wire("prevStep", "C_prev", .edge("prevStep", .bottom, along: xMid), .edge("C_prev", .top, along: xMid)),
                wire("prevStep", "h_prev", .edge("prevStep", .bottom, along: 360), .at(360, y["h_prev"]!), .edge("h_prev", .right)),
                wire("C_prev", "mulF", .edge("C_prev", .left), .at(xC, y["C_prev"]!), .edge("mulF", .top)),
                wire("f", "mulF", .edge("f", .left), .edge("mulF", .right)),
                wire("mulF", "add", .edge("mulF", .bottom), .edge("add", .top)),
                wire("i", "mulI", .edge("i", .left), .at(xOp, y["i"]!), .edge("mulI", .top)),
                wire("C_tilde", "mulI", .edge("C_tilde", .left), .at(xOp, y["C_tilde"]!), .edge("mulI", .bottom)),
                wire("mulI", "add", .edge("mulI", .left), .edge("add", .right)),
                wire("add", "C", .edge("add", .bottom), .at(xC, cIn), .edge("C", .left, along: cIn)),
                wire("C", "nextStep", .edge("C", .left, along: cOut), .at(xC, cOut), .edge("nextStep", .top, along: xC)),
                wire("C", "tanh_C", .edge("C", .bottom, along: xMid), .edge("tanh_C", .top, along: xMid)),
                wire("tanh_C", "mulO", .edge("tanh_C", .left), .at(xOp, y["tanh_C"]!), .edge("mulO", .top)),
                wire("o", "mulO", .edge("o", .left), .edge("mulO", .right)),
                wire("mulO", "h", .edge("mulO", .bottom), .at(xOp, y["h"]!), .edge("h", .left)),
                wire("h", "head", .edge("h", .bottom, along: xMid), .edge("head", .top, along: xMid)),
                wire("h", "nextStep", .edge("h", .right), .at(xExit, y["h"]!), .edge("nextStep", .top, along: xExit)),
                wire("h_prev", "z", .edge("h_prev", .bottom, along: xMid), .edge("z", .top, along: xMid)),
                wire("x", "z", .edge("x", .top, along: xMid), .edge("z", .bottom, along: xMid)),
                wire("z", "f", .edge("z", .right), .at(xBus, y["z"]!), .at(xBus, y["f"]!), .edge("f", .right)),
                wire("z", "i", .edge("z", .right), .at(xBus, y["z"]!), .at(xBus, y["i"]!), .edge("i", .right)),
                wire("z", "C_tilde", .edge("z", .right), .at(xBus, y["z"]!), .at(xBus, y["C_tilde"]!), .edge("C_tilde", .right)),
                wire("z", "o", .edge("z", .right), .at(xBus, y["z"]!), .at(xBus, y["o"]!), .edge("o", .right)),
            ],
            junctions: [DiagramPoint(x: xBus, y: y["f"]!), DiagramPoint(x: xBus, y: y["i"]!), DiagramPoint(x: xBus, y: y["C_tilde"]!)])
    }()
}
