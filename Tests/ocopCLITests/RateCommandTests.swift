import Foundation
import Testing

/// Runs the built `ocop` binary (OCOP_BIN, else .build/debug/ocop next to the package).
func runOCOP(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let env = ProcessInfo.processInfo.environment
    let bin = env["OCOP_BIN"] ?? root.appendingPathComponent(".build/debug/ocop").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: bin)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

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
