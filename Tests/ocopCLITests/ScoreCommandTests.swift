import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import Postgres
import Testing

@Suite struct ScoreCommandTests {
    static let catalog = try! RubricCatalog.load(from: councilPackageRoot.appendingPathComponent("scoring"))

    func file(_ text: String, ext: String = "yaml") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("council-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The YAML sheet of a set where every criterion takes its first option (or 0).
    func yaml(_ set: Int, lower: Bool = false) throws -> String {
        let s = try Self.catalog.productSet(set)
        var lines: [String] = []
        for c in s.scorableCriteria {
            let p = lower ? (c.allowedPoints().dropFirst().first ?? 0) : c.bestPoints()
            lines.append("\"\(c.code)\": \(p)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func interactiveScoringThroughAPseudoTerminalResumesAfterAnInterruption() throws {
        let world = try CLICouncilWorld.make("clipty", sets: [1])
        let set = try Self.catalog.productSet(1)
        let args = ["score", world.dossiers[0], "--member", "m1", "--lang", "vi"]
        var env = world.env
        env["OCOP_USER"] = "m1"
        // First run: three answers, then the member's terminal dies.
        let first = try PTYProcess(args, env: env)
        #expect(first.waitFor("PHIẾU CHẤM"), "\(first.output)")
        #expect(first.waitFor("Đã chấm 0/"))
        for k in 1...3 {
            let mark = first.mark
            first.send("1")
            #expect(first.waitFor("Đã chấm \(k)/", after: mark), "answer \(k): \(first.output.suffix(400))")
        }
        first.kill()
        let connection = try world.connection()
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_draft").decode(Int.self, "n") == 1)

        // Second run: resumes at the fourth criterion, answers the rest, reviews, confirms.
        let second = try PTYProcess(args, env: env)
        #expect(second.waitFor("Tiếp tục phiếu nháp"), "\(second.output)")
        #expect(second.waitFor("Đã chấm 3/"))
        #expect(second.output.contains("\(set.scorableCriteria[3].code)."), "resumed where it stopped")
        // Back, then skip forward again: navigation without answering.
        var mark = second.mark
        second.send("b")
        #expect(second.waitFor("\(set.scorableCriteria[2].code).", after: mark))
        mark = second.mark
        second.send("s")
        #expect(second.waitFor("\(set.scorableCriteria[3].code).", after: mark))
        var answered = 3
        while answered < 60 {
            mark = second.mark
            second.send("1")
            guard second.waitFor("Đã chấm", after: mark, timeout: 10) else { break }
            answered += 1
            _ = second.waitFor("\n", after: mark, timeout: 1)
            if second.output[mark...].contains("XEM LẠI PHIẾU") { break }
        }
        #expect(second.waitFor("XEM LẠI PHIẾU"), "\(second.output.suffix(600))")
        mark = second.mark
        second.send("\r")
        #expect(second.waitFor("Nộp phiếu với tổng", after: mark), "\(second.output.suffix(600))")
        mark = second.mark
        second.send("y")
        #expect(second.waitFor("Đã nộp phiếu", after: mark), "\(second.output.suffix(600))")
        #expect(second.wait() == 0)
        let row = try connection.one("SELECT source, version, total FROM score_sheet")
        #expect(try row.decode(String.self, "source") == "interactive" && row.decode(Int.self, "version") == 1)
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_draft").decode(Int.self, "n") == 0)
        // A second interactive run for the same member is refused (immutable).
        let again = try runCouncilCLI(args, env: env)
        #expect(again.status == 73 && again.err.contains("đã nộp phiếu"), "\(again)")
    }

    @Test func fileSheetsPaperTranscriptionAndCorrections() throws {
        let world = try CLICouncilWorld.make("clifile", sets: [1])
        let good = try file(try yaml(1))
        let d = world.dossiers[0]
        // Without --submit: a validated draft only.
        let draft = try runCouncilCLI(["score", d, "--member", "m1", "--sheet", good], env: world.env)
        #expect(draft.status == 0 && draft.out.contains("100 điểm") && draft.out.contains("chưa nộp"), "\(draft)")
        let submitted = try runCouncilCLI(["score", d, "--member", "m1", "--sheet", good, "--submit", "--lang", "en"], env: world.env)
        #expect(submitted.status == 0 && submitted.out.contains("version 1: 100 points"), "\(submitted)")
        let twice = try runCouncilCLI(["score", d, "--member", "m1", "--sheet", good, "--submit"], env: world.env)
        #expect(twice.status == 73 && twice.err.contains("--reason"), "\(twice)")
        let correction = try runCouncilCLI(["score", d, "--member", "m1", "--sheet", try file(try yaml(1, lower: true)), "--submit", "--reason", "Ghi nhầm"], env: world.env)
        #expect(correction.status == 0 && correction.out.contains("phiên bản 2"), "\(correction)")
        let paper = try runCouncilCLI(["score", d, "--member", "m2", "--sheet", good, "--entered-by", "sec", "--paper-ref", "PC-07"], env: world.env)
        #expect(paper.status == 0 && paper.out.contains("phiếu giấy PC-07"), "\(paper)")
        let bad = try runCouncilCLI(["score", d, "--member", "m3", "--sheet", try file("\"1.1\": 7\n"), "--submit"], env: world.env)
        #expect(bad.status == 65 && bad.err.contains("1.1: 7 điểm không phải một phương án") && bad.err.contains("thiếu tiêu chí"))
        let history = try runCouncilCLI(["score", "history", d, "--format", "json"], env: world.env)
        #expect(history.status == 0 && history.out.contains("\"version\" : 2") && history.out.contains("\"paperRef\" : \"PC-07\""))
        let notty = try runCouncilCLI(["score", d, "--member", "m4"], env: world.env)
        #expect(notty.status == 64 && notty.err.contains("--sheet"))
        let advisorless = try runCouncilCLI(["score", d, "--member", "sec", "--sheet", good, "--submit"], env: world.env)
        #expect(advisorless.status == 65 && advisorless.err.contains("không chấm điểm"))
    }

    @Test func importIsAllOrNothingAndNamesEveryBadLine() throws {
        let world = try CLICouncilWorld.make("cliimport", sets: [1, 2])
        var lines = ["dossier,member,criterion,points,variant,entered_by,paper_ref"]
        for (i, d) in world.dossiers.enumerated() {
            let set = try Self.catalog.productSet([1, 2][i])
            for m in CLICouncilWorld.scorers {
                for c in set.scorableCriteria {
                    lines.append("\(d),\(m),\(c.code),\(c.bestPoints()),,\(m == "m4" ? "sec" : ""),\(m == "m4" ? "PC-\(i)" : "")")
                }
            }
        }
        var broken = lines
        broken[3] = broken[3].replacingOccurrences(of: ",\(broken[3].split(separator: ",")[3]),", with: ",x,")
        broken.append("\(world.dossiers[0]),nobody,1.1,1,,,")
        broken.append("HS-2099-9999,m1,1.1,1,,,")
        let bad = try runCouncilCLI(["score", "import", try file(broken.joined(separator: "\n"), ext: "csv")], env: world.env)
        #expect(bad.status == 65, "\(bad)")
        #expect(bad.err.contains("dòng 4: điểm \"x\" không phải số nguyên"), "\(bad.err)")
        #expect(bad.err.contains("nobody không phải thành viên"))
        #expect(bad.err.contains("HS-2099-9999 không thuộc phiên"))
        let connection = try world.connection()
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_sheet").decode(Int.self, "n") == 0)
        // Saved by Excel on Vietnamese Windows: semicolons, CRLF, a BOM.
        let excel = "\u{FEFF}" + lines.map { $0.replacingOccurrences(of: ",", with: ";") }.joined(separator: "\r\n")
        // Checked first: every sheet is validated, nothing is written.
        let checked = try runCouncilCLI(["score", "import", try file(excel, ext: "csv"), "--dry-run"], env: world.env)
        #expect(checked.status == 0 && checked.out.hasPrefix("Đã kiểm tra, không ghi gì: nếu nhập sẽ ghi 14 phiếu"), "\(checked)")
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_sheet").decode(Int.self, "n") == 0)
        let checkedBad = try runCouncilCLI(["score", "import", try file(broken.joined(separator: "\n"), ext: "csv"), "--dry-run"], env: world.env)
        #expect(checkedBad.status == 65 && checkedBad.err.contains("dòng 4: điểm \"x\" không phải số nguyên")
                && checkedBad.err.contains("nobody không phải thành viên"), "a dry run reports what the import reports: \(checkedBad.err)")
        let good = try runCouncilCLI(["score", "import", try file(excel, ext: "csv")], env: world.env)
        #expect(good.status == 0 && good.out.contains("Đã nhập 14 phiếu"), "\(good)")
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_sheet WHERE source = 'paper'").decode(Int.self, "n") == 2)

        // The same file again, as a secretary does when the file grows during the session: every
        // sheet equals the member's submitted one, nothing is written.
        let again = try runCouncilCLI(["score", "import", try file(excel, ext: "csv")], env: world.env)
        #expect(again.status == 0 && again.out.contains("Đã nhập 0 phiếu") && again.out.contains("14 phiếu trùng với phiếu đã nộp"), "\(again)")
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_sheet").decode(Int.self, "n") == 14)
        // One answer of m2 changed: that sheet needs a reason; the others are still skipped.
        let m2 = lines.firstIndex { $0.hasPrefix("\(world.dossiers[0]),m2,") }!
        var fields = lines[m2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let set = try Self.catalog.productSet(1)
        let options = set.scorableCriteria.first { $0.code == fields[2] }!.allowedPoints()
        fields[3] = String(options.first { String($0) != fields[3] }!)
        var changed = lines
        changed[m2] = fields.joined(separator: ",")
        let refused = try runCouncilCLI(["score", "import", try file(changed.joined(separator: "\n"), ext: "csv"), "--lang", "en"], env: world.env)
        #expect(refused.status == 65 && refused.err.contains("1 problem") && refused.err.contains("m2 has already submitted"), "\(refused)")
        let withReason = changed.enumerated().map { i, line in i == 0 ? line + ",reason" : line + (i == m2 ? ",Ghi nhầm" : ",") }
        let corrected = try runCouncilCLI(["score", "import", try file(withReason.joined(separator: "\n"), ext: "csv"), "--lang", "en"], env: world.env)
        #expect(corrected.status == 0 && corrected.out.contains("Imported 1 sheet (") && corrected.out.contains("1 correction")
                && corrected.out.contains("13 sheets equal to the member's submitted sheet"), "\(corrected)")
        #expect(try connection.one("SELECT count(*)::int AS n FROM score_sheet WHERE version = 2").decode(Int.self, "n") == 1)
    }
}
