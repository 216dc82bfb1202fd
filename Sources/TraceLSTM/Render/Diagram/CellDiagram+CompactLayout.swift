/// The arrangement for the docs: `wide` folded into 816 units, so that a page about 880 px
/// wide (GitHub's text column) shows the diagram's 14 px type at 15 px and its 11.2 px
/// subscripts at 12 px.
///
/// The four layers still stand in a row fed by z_t from below and the cell state still runs
/// along the top, but the row of layers now spans the whole drawing, so what `wide` puts
/// beside it goes above or below it: C_{t−1} starts the top line (the forget gate reaches its
/// ⊙ round C_{t−1}'s box), tanh(C_t), the ⊙ with o_t and h_t sit above the candidate and the
/// output gate, and h_{t−1}, x_t and z_t and the head below the row. The steps before and
/// after shrink to boxes in the top corners, wired down the left and right edges to h_{t−1}
/// and from h_t (which also feeds the head along the right edge).
extension CellDiagram {
    static let compact: Arrangement = {
        // Rows, top to bottom: the cell state, tanh(C_t), the ⊙ of i_t and C̃_t, h_t, the
        // layers, the bus from z_t, z_t with h_{t−1}, x_t.
        let yC = 50.0, yTanh = 125.0, yMulI = 185.0, yH = 215.0, yG = 345.0, yBus = 410.0, yZ = 450.0, yX = 530.0
        // Where the forget gate's wire turns round C_{t−1}'s box, and the output gate's under h_t.
        let yFTurn = 120.0, yOTurn = 280.0
        // The layers' centres (178 wide, 10 apart), the ⊙ and + of the top line, the column of
        // tanh(C_t) and its ⊙, the candidate's wire up to its ⊙, z_t's column, and the channels
        // down the left and right edges.
        let xF = 139.0, xI = 327.0, xCT = 515.0, xO = 703.0
        let xMulF = 340.0, xAdd = 421.0, xTanh = 495.0, xCTUp = 455.0, xZ = 361.0, xLeft = 28.0, xRight = 804.0
        let yHead = 470.0
        return Arrangement(
            width: 816, height: 580,
            places: [
                "prevStep": DiagramPlacement(x: 8, y: yC, alignment: .leading, width: 56, height: 54),
                "C_prev": DiagramPlacement(x: 80, y: yC, alignment: .leading),
                "h_prev": DiagramPlacement(x: 44, y: yZ, alignment: .leading),
                "x": DiagramPlacement(x: 44, y: yX, alignment: .leading), "z": DiagramPlacement(x: xZ, y: yZ),
                "f": DiagramPlacement(x: xF, y: yG), "i": DiagramPlacement(x: xI, y: yG),
                "C_tilde": DiagramPlacement(x: xCT, y: yG), "o": DiagramPlacement(x: xO, y: yG),
                "mulF": DiagramPlacement(x: xMulF, y: yC), "mulI": DiagramPlacement(x: xAdd, y: yMulI),
                "add": DiagramPlacement(x: xAdd, y: yC), "tanh_C": DiagramPlacement(x: 568, y: yTanh),
                "mulO": DiagramPlacement(x: xTanh, y: yH), "C": DiagramPlacement(x: 736, y: yC, alignment: .trailing),
                "h": DiagramPlacement(x: 736, y: yH, alignment: .trailing),
                "head": DiagramPlacement(x: xRight - 14, y: yHead, alignment: .trailing),
                "nextStep": DiagramPlacement(x: 808, y: yC, alignment: .trailing, width: 56, height: 54),
            ],
            wires: [
                wire("prevStep", "C_prev", .edge("prevStep", .right, along: yC), .edge("C_prev", .left)),
                wire("prevStep", "h_prev", .edge("prevStep", .bottom, along: xLeft), .at(xLeft, yZ), .edge("h_prev", .left)),
                wire("C_prev", "mulF", .edge("C_prev", .right), .edge("mulF", .left)),
                wire("f", "mulF", .edge("f", .top), .at(xF, yFTurn), .at(xMulF, yFTurn), .edge("mulF", .bottom)),
                wire("mulF", "add", .edge("mulF", .right), .edge("add", .left)),
                wire("i", "mulI", .edge("i", .top), .at(xI, yMulI), .edge("mulI", .left)),
                wire("C_tilde", "mulI", .edge("C_tilde", .top, along: xCTUp), .at(xCTUp, yMulI), .edge("mulI", .right)),
                wire("mulI", "add", .edge("mulI", .top), .edge("add", .bottom)),
                wire("add", "C", .edge("add", .right), .edge("C", .left)),
                wire("add", "tanh_C", .edge("add", .right), .at(xTanh, yC), .edge("tanh_C", .top, along: xTanh)),
                wire("tanh_C", "mulO", .edge("tanh_C", .bottom, along: xTanh), .edge("mulO", .top)),
                wire("o", "mulO", .edge("o", .top), .at(xO, yOTurn), .at(xTanh, yOTurn), .edge("mulO", .bottom)),
                wire("mulO", "h", .edge("mulO", .right), .edge("h", .left)),
                wire("h", "head", .edge("h", .right), .at(xRight, yH), .at(xRight, yHead), .edge("head", .right)),
                wire("C", "nextStep", .edge("C", .right), .edge("nextStep", .left, along: yC)),
                wire("h", "nextStep", .edge("h", .right), .at(xRight, yH), .edge("nextStep", .bottom, along: xRight)),
                wire("h_prev", "z", .edge("h_prev", .right), .edge("z", .left)),
                wire("x", "z", .edge("x", .right), .at(xZ, yX), .edge("z", .bottom)),
                wire("z", "f", .edge("z", .top), .at(xZ, yBus), .at(xF, yBus), .edge("f", .bottom)),
                wire("z", "i", .edge("z", .top), .at(xZ, yBus), .at(xI, yBus), .edge("i", .bottom)),
                wire("z", "C_tilde", .edge("z", .top), .at(xZ, yBus), .at(xCT, yBus), .edge("C_tilde", .bottom)),
                wire("z", "o", .edge("z", .top), .at(xZ, yBus), .at(xO, yBus), .edge("o", .bottom)),
            ],
            junctions: [DiagramPoint(x: xTanh, y: yC), DiagramPoint(x: xZ, y: yBus), DiagramPoint(x: xI, y: yBus),
                        DiagramPoint(x: xCT, y: yBus), DiagramPoint(x: xRight, y: yH)],
            fileScale: 1.25)
    }()
}
