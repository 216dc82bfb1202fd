import Foundation
import TraceLSTM
import Testing

/// The display format of the diagram, on the cases the explorer's script is tested on too.
@Suite struct NumberFormatTests {
    @Test func significantDigitsAsTheExplorerWritesThem() throws {
        let json = try Fixtures.repositoryJSON("Tests/browser/number-format-cases.json")
        let digits = try #require(json["digits"]?.intValue)
        let cases = try #require(json["cases"]?.arrayValue)
        #expect(cases.count >= 10)
        for c in cases {
            let pair = try #require(c.arrayValue)
            let x = try #require(pair[0].doubleValue), expected = try #require(pair[1].stringValue)
            #expect(NumberFormat.significant(x, digits: digits) == expected, "\(x)")
            #expect(NumberFormat.significant(x, digits: digits).count <= NumberFormat.significantWidth(digits: digits))
        }
        #expect(NumberFormat.significant(.nan) == "NaN")
        #expect(NumberFormat.significant(-.infinity) == "−∞")
    }
}
