/// Points, rectangles and the anchors that wires are routed through.
struct DiagramPoint: Equatable {
    var x: Double
    var y: Double
}

struct DiagramRect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func intersects(_ r: DiagramRect) -> Bool {
        x < r.maxX && r.x < maxX && y < r.maxY && r.y < maxY
    }
}

/// A side of a node.
enum DiagramSide {
    case top, bottom, left, right
}

/// Where a node sits: its centre, or its left or right edge, at (x, y).
struct DiagramPlacement {
    enum Alignment { case center, leading, trailing }

    var x: Double
    var y: Double
    var alignment: Alignment = .center
    /// A size that overrides the one measured from the text (the tall neighbour cells).
    var width: Double? = nil
    var height: Double? = nil
}

/// A point of a wire's route: fixed, or on a node's side (at its middle, or at a given x or y).
enum DiagramWaypoint {
    case at(Double, Double)
    /// The middle of a side, or the point of the side at `along` (an x for top and bottom,
    /// a y for left and right).
    case edge(String, DiagramSide, along: Double? = nil)
}

/// One wire from one node to another; the page draws its arrowhead at the end (forward) or
/// at the start (backward, where the gradient flows the other way).
struct DiagramWire {
    var from: String
    var to: String
    var route: [DiagramWaypoint]

    var id: String { from + "-" + to }
}
