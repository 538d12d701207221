import Foundation
import Testing

@Suite struct RateCommandTests {
    func sheet(_ body: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sheet-\(UUID().uuidString).yaml")
        try body.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func invalidSheetExits65AndListsEveryProblem() throws {
        let path = try sheet("\"1.1\": 7\n\"99\": 1\n")
        let r = try runOCOP(["rate", "--set", "1", "--sheet", path])
        #expect(r.status == 65)
        #expect(r.err.contains("1.1: 7 điểm không phải một phương án"))
        #expect(r.err.contains("thiếu tiêu chí 12"))
    }

    @Test func rubricValidateAndExport() throws {
        #expect(try runOCOP(["rubric", "validate"]).status == 0)
        let export = try runOCOP(["rubric", "export", "--format", "json"])
        #expect(export.status == 0 && export.out.contains("\"minStars\" : null"))
    }
}
