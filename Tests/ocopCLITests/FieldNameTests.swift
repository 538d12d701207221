import Foundation
import OCOPDomain
import Testing

/// Every field the CLI maps to one of its options (`Flags.byField`) is named in words in both
/// languages when a message mentions it, never by its id (`finding_on`).
@Suite struct FieldNameTests {
    @Test func everyFieldWithAnOptionHasWords() throws {
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Sources/ocop/Options/CommonOptions.swift"), encoding: .utf8)
        let start = try #require(source.range(of: "static let byField"))
        let end = try #require(source.range(of: "\n    ]", range: start.upperBound..<source.endIndex))
        let block = source[start.upperBound..<end.lowerBound]
        let fields = block.matches(of: #/"([a-z_]+)": "/#).map { String($0.output.1) }
        #expect(fields.count > 80)
        for field in fields {
            #expect(FieldName.label(field, .vi) != field || field == "email", "\(field) has no Vietnamese words")
            #expect(!FieldName.label(field, .en).contains("_"), "\(field) has no English words")
        }
    }
}
