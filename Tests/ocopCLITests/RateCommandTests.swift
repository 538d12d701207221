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

    /// Sets share criterion codes (1.1 … 12 in most food sets): a sheet that names its set is
    /// refused for another one, whatever its points.
    @Test func aSheetThatNamesItsSetIsRefusedForAnother() throws {
        let fixture = try String(contentsOf: GoldenTests.fixtures.appendingPathComponent("rate/set01-nguyen-van-a.yaml"), encoding: .utf8)
        let path = try sheet(fixture.replacingOccurrences(of: "member: \"Nguyễn Văn A\"\n", with: "member: \"Nguyễn Văn A\"\nset: 1\n"))
        #expect(try runOCOP(["rate", "--set", "1", "--sheet", path]).status == 0)
        let wrong = try runOCOP(["rate", "--set", "2", "--sheet", path, "--lang", "en"])
        #expect(wrong.status == 65)
        #expect(wrong.err.contains("Nguyễn Văn A: this sheet is for set 1, not set 2"), "\(wrong.err)")
        let vi = try runOCOP(["rate", "--set", "2", "--sheet", path])
        #expect(vi.err.contains("phiếu này của Bộ 1, không phải Bộ 2"), "\(vi.err)")
        let bad = try runOCOP(["rate", "--set", "1", "--sheet", try sheet("set: bốn\n\"1.1\": 3\n"), "--lang", "en"])
        #expect(bad.status == 65 && bad.err.contains("set must be the product set's number"), "\(bad.err)")
    }

    @Test func rubricValidateAndExport() throws {
        #expect(try runOCOP(["rubric", "validate"]).status == 0)
        let export = try runOCOP(["rubric", "export", "--format", "json"])
        #expect(export.status == 0 && export.out.contains("\"minStars\" : null"))
    }
}
