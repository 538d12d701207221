import Foundation
import OCOPTestSupport
import Testing

/// What people read after recognition, pinned on the demo world of `GoldenTests` (fixed clock):
/// the register on 31/12/2020 (the seed report's figures), a round, upgrades, listings, targets,
/// a product's timeline, an upgrade's diff, the 4.1 evidence in `dossier show`; the charts and the
/// one-file PDF. `scripts/update-goldens.sh` rewrites the files and the pictures under
/// docs/reports/.
@Suite struct AfterRecognitionGoldenTests {
    static let pictures = packageRoot.appendingPathComponent("docs/reports", isDirectory: true)

    func run(_ arguments: [String], _ language: String = "vi", env: [String: String]) throws -> String {
        let result = try runOCOP(arguments + ["--lang", language], environment: env)
        #expect(result.status == 0, "ocop \(arguments.joined(separator: " ")): \(result.err)")
        return result.out
    }

    @Test func theRegisterOf2020ReproducesTheSeedReport() throws {
        let (env, _) = try GoldenTests.demoWorld.get()
        let json = try run(["report", "register", "--as-of", "2020-12-31", "--format", "json"], env: env)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(report["products"] as? Int == 95 && report["producers"] as? Int == 57)
        func groups(_ key: String) -> [String: (Int, String)] {
            Dictionary(uniqueKeysWithValues: ((report[key] as? [[String: Any]]) ?? []).map { ($0["key"] as! String, ($0["count"] as! Int, $0["share"] as! String)) })
        }
        let years = groups("byYear"), stars = groups("byStars"), kinds = groups("byProducerKind")
        #expect(years["2019"]?.0 == 46 && years["2020"]?.0 == 49)
        #expect(stars["4"]?.0 == 24 && stars["4"]?.1 == "25.3" && stars["3"]?.0 == 71 && stars["3"]?.1 == "74.7")
        #expect(kinds["htx"]?.1 == "87.7" && kinds["dn"]?.1 == "7.0" && kinds["ho"]?.1 == "5.3")
        let target = try #require(report["target"] as? [String: Any]), next = try #require(report["nextTarget"] as? [String: Any])
        #expect(target["target"] as? Int == 32 && target["achieved"] as? Int == 49 && target["percent"] as? Int == 153)
        #expect(next["year"] as? Int == 2021 && next["target"] as? Int == 20)
        let text = try run(["report", "register", "--as-of", "2020-12-31"], env: env)
        #expect(text.contains("có 95 sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực (năm 2019 là 46 sản phẩm, năm 2020 là 49 sản phẩm)"))
        #expect(text.contains("có 24 sản phẩm 4 sao (chiếm 25,3 %); 71 sản phẩm 3 sao (chiếm 74,7 %)"))
        #expect(text.contains("87,7 % hợp tác xã, 7,0 % doanh nghiệp nhỏ và vừa, 5,3 % hộ sản xuất") && text.contains("đạt 153 % kế hoạch"))
        // In December 2026 the 2019–2020 certificates have expired: the register counts only what is in force.
        let now = try #require(try JSONSerialization.jsonObject(with: Data(try run(["report", "register", "--format", "json"], env: env).utf8)) as? [String: Any])
        #expect((now["products"] as? Int ?? 0) < 20 && (now["byProvince"] as? [[String: Any]])?.first?["key"] as? String == "Bắc Ninh")
    }

    @Test func whatPeopleReadAfterRecognition() throws {
        let (env, _) = try GoldenTests.demoWorld.get()
        for language in ["vi", "en"] {
            try GoldenTests.check("after/report-register-2020.\(language).txt", try run(["report", "register", "--as-of", "2020-12-31"], language, env: env))
            try GoldenTests.check("after/report-register-2020.\(language).md", try run(["report", "register", "--as-of", "2020-12-31", "--format", "markdown"], language, env: env))
            try GoldenTests.check("after/report-register-today.\(language).txt", try run(["report", "register"], language, env: env))
            try GoldenTests.check("after/report-round-2026-2.\(language).txt", try run(["report", "round", "2026", "2"], language, env: env))
            try GoldenTests.check("after/report-upgrades.\(language).txt", try run(["report", "upgrades"], language, env: env))
            try GoldenTests.check("after/report-listings.\(language).txt", try run(["report", "listings"], language, env: env))
            try GoldenTests.check("after/report-expiring.\(language).txt", try run(["report", "expiring", "--within", "180"], language, env: env))
            try GoldenTests.check("after/listing-must-withdraw.\(language).txt", try run(["listing", "list", "--must-withdraw"], language, env: env))
            try GoldenTests.check("after/outlet-list.\(language).txt", try run(["outlet", "list"], language, env: env))
            try GoldenTests.check("after/target-list.\(language).txt", try run(["target", "list"], language, env: env))
            try GoldenTests.check("after/product-history-24-07804-001-2020.\(language).txt", try run(["product", "history", "24-07804-001-2020"], language, env: env))
            try GoldenTests.check("after/product-history-24-07678-001-2020.\(language).txt", try run(["product", "history", "24-07678-001-2020"], language, env: env))
            try GoldenTests.check("after/dossier-diff-HS-2026-0008.\(language).txt", try run(["dossier", "diff", "HS-2026-0008"], language, env: env))
            try GoldenTests.check("after/dossier-show-HS-2026-0008.\(language).txt", try run(["dossier", "show", "HS-2026-0008"], language, env: env))
        }
        try GoldenTests.check("after/report-register-2020.csv", try run(["report", "register", "--as-of", "2020-12-31", "--format", "csv"], env: env))
        try GoldenTests.check("after/report-register-2020.en.json", try run(["report", "register", "--as-of", "2020-12-31", "--format", "json"], "en", env: env))
        try GoldenTests.check("after/report-round-2026-2.en.json", try run(["report", "round", "2026", "2", "--format", "json"], "en", env: env))
        try GoldenTests.check("after/listing-list-all.csv", try run(["listing", "list", "--all", "--format", "csv"], env: env))
        try GoldenTests.check("after/product-history-24-07804-001-2020.en.json", try run(["product", "history", "24-07804-001-2020", "--format", "json"], "en", env: env))
        try GoldenTests.check("after/dossier-diff-HS-2026-0008.en.json", try run(["dossier", "diff", "HS-2026-0008", "--format", "json"], "en", env: env))
    }

    @Test func chartsAndTheOneFilePDF() throws {
        let (env, _) = try GoldenTests.demoWorld.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-charts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("register.pdf").path
        for (arguments, names) in [
            (["report", "register", "--as-of", "2020-12-31"], ["register-2020-12-31-stars-by-year", "register-2020-12-31-producer-kinds", "register-2020-12-31-stars"]),
            (["report", "round", "2026", "2"], ["round-2026-2-outcomes", "round-2026-2-means"]),
        ] {
            let result = try runOCOP(arguments + ["--charts", folder.path, "--pdf", arguments[1] == "register" ? pdf : folder.appendingPathComponent("round.pdf").path],
                                     environment: env)
            #expect(result.status == 0, "\(result.err)")
            for name in names {
                let svg = try String(contentsOf: folder.appendingPathComponent(name + ".svg"), encoding: .utf8)
                #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
                let png = try Data(contentsOf: folder.appendingPathComponent(name + ".png"))
                #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
                if GoldenTests.updating {
                    try FileManager.default.createDirectory(at: Self.pictures, withIntermediateDirectories: true)
                    try png.write(to: Self.pictures.appendingPathComponent(name + ".png"))
                }
            }
        }
        // The PDF holds the report's words and the charts' titles; pdftotext reads it back.
        let text = Process()
        text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        text.arguments = ["-layout", pdf, "-"]
        let pipe = Pipe()
        text.standardOutput = pipe
        try text.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        text.waitUntilExit()
        #expect(out.contains("Sản phẩm OCOP còn hiệu lực đến ngày 31/12/2020") && out.contains("153 % kế hoạch"))
        #expect(out.contains("24 sản phẩm 4 sao (chiếm 25,3 %)") && out.contains("Chủ thể có sản phẩm OCOP theo loại hình"))
        #expect(!out.contains("★"))
    }
}
