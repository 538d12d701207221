import Foundation
import OCOPDomain
import OCOPRubrics
import Testing

let scoring = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scoring", isDirectory: true)

@Suite struct RubricCatalogTests {
    @Test func bundledScoringLoadsAllVersions() throws {
        let catalog = try RubricCatalog.load(from: scoring)
        #expect(catalog.versionIDs == ["qd1048-2019", "qd148-2023", "qd26-2026"])
        let v = try catalog.version(.qd26_2026)
        #expect(v.sets.count == 26 && v.version.hasTables)
        #expect(v.contentHash.count == 64 && v.setHashes.count == 26)
        #expect(try catalog.version(.qd148_2023).sets.isEmpty)
    }

    @Test func hashesAreStable() throws {
        let a = try RubricCatalog.load(from: scoring).version(.qd26_2026)
        let b = try RubricCatalog.load(from: scoring).version(.qd26_2026)
        #expect(a.contentHash == b.contentHash && a.setHashes == b.setHashes)
        #expect(Set(a.setHashes.values).count == 26)
    }

    @Test func validatorNamesFileSetAndCode() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString)")
        let dir = tmp.appendingPathComponent("qd26-2026")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let src = scoring.appendingPathComponent("qd26-2026")
        try FileManager.default.copyItem(at: src.appendingPathComponent("version.yaml"), to: dir.appendingPathComponent("version.yaml"))
        var text = try String(contentsOf: src.appendingPathComponent("set-01.yaml"), encoding: .utf8)
        // 1.1's best option becomes 4: criterion max, group sum and part sum all break.
        text = text.replacingOccurrences(of: "Sản phẩm được trồng trên địa bàn cấp xã từ 75% đến 100%\n        points: 3",
                                         with: "Sản phẩm được trồng trên địa bàn cấp xã từ 75% đến 100%\n        points: 4")
        try text.write(to: dir.appendingPathComponent("set-01.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try RubricCatalog.load(from: tmp)
            Issue.record("expected invalid")
        } catch {
            guard case .invalid(let issues) = error else { Issue.record("\(error)"); return }
            #expect(issues.contains { $0.file == "qd26-2026/set-01.yaml" && $0.set == 1 && $0.code == "1.1" })
            #expect(error.message(.vi).contains("qd26-2026/set-01.yaml (bộ 1, mục 1.1)"))
        }
    }
}
