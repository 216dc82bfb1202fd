import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document read into a small tree, for tests that look inside the SVG the library
/// draws. Reading fails (returns nil) when the text is not well-formed XML.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []
    /// Text before the first child.
    var text = ""
    /// Text after this element, inside its parent.
    var tail = ""
    weak var parent: XMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// This element and everything under it, in document order.
    var all: [XMLElement] { [self] + children.flatMap(\.all) }

    /// Every character under it, as a browser's textContent.
    var textContent: String { text + children.map { $0.textContent + $0.tail }.joined() }

    /// The nearest enclosing element (itself included) that passes `test`.
    func ancestor(where test: (XMLElement) -> Bool) -> XMLElement? {
        var e: XMLElement? = self
        while let x = e { if test(x) { return x }; e = x.parent }
        return nil
    }

    /// Reads a document.
    static func parse(_ text: String) -> XMLElement? {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let e = XMLElement(name: name, attributes: attributes)
            if let top = stack.last {
                e.parent = top
                top.children.append(e)
            } else {
                root = e
            }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let top = stack.last else { return }
            if let last = top.children.last { last.tail += string } else { top.text += string }
        }
    }

}
