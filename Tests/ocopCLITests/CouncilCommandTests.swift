import Foundation
import OCOPDomain
import OCOPApp
import OCOPRubrics
import Postgres
import Testing

@Suite struct CouncilCommandTests {
    @Test func sessionStatusJSONFinalizeMinutesAndProducerStatus() throws {
        let world = try CLICouncilWorld.make("clicouncil", sets: [1])
        let d = world.dossiers[0]
        let set = try ScoreCommandTests.catalog.productSet(1)
        let env = world.env
        let recuse = try runCouncilCLI(["council", "session", "recuse", world.session, "--dossier", d, "--member", "m4", "--kind", "kin",
                                        "--reason", "Con của chủ nhiệm HTX"], env: env)
        #expect(recuse.status == 0, "\(recuse)")
        var status = try runCouncilCLI(["council", "session", "status", world.session, "--format", "json"], env: env)
        #expect(status.status == 0 && status.out.contains("\"stars\" : null") && status.out.contains("\"average\" : null"), "\(status)")
        // Before anyone scores, the table counts the members present and names the absent one.
        #expect(try runCouncilCLI(["council", "session", "attendance", world.session, "--absent", "m3"], env: env).status == 0)
        let waiting = try runCouncilCLI(["council", "session", "status", world.session], env: env)
        #expect(waiting.out.contains("0/6") && waiting.out.contains("cả 5 thành viên có mặt; vắng: m3"), "\(waiting.out)")
        let waitingEN = try runCouncilCLI(["council", "session", "status", world.session, "--lang", "en"], env: env)
        #expect(waitingEN.out.contains("all 5 present; absent: m3"), "\(waitingEN.out)")
        #expect(try runCouncilCLI(["council", "session", "attendance", world.session, "--present", "m3"], env: env).status == 0)
        for (k, m) in ["chair", "vice1", "vice2", "m1", "m2", "m3"].enumerated() {
            var answers: [String: SheetAnswer] = [:]
            for c in set.scorableCriteria { answers[c.code] = SheetAnswer(points: c.bestPoints()) }
            if k == 5 {
                // 12+ points lower on criteria without a ★ marker: a spread, no ★ split.
                let marked = Set(set.starMarkers.map(\.criterion))
                var dropped = 0
                for c in set.scorableCriteria where !marked.contains(c.code) && c.condition == nil && dropped < 12 && !set.scorableCriteria.contains(where: { $0.condition?.criterion == c.code }) {
                    dropped += c.bestPoints()
                    answers[c.code] = SheetAnswer(points: 0)
                }
            }
            try world.submit(d, member: m, answers: answers)
        }
        status = try runCouncilCLI(["council", "session", "status", world.session, "--format", "json"], env: env)
        let json = try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as! [String: Any]
        let row = (json["dossiers"] as! [[String: Any]])[0]
        #expect(row["dossier"] as? String == d && (row["scored"] as? [String])?.count == 6 && (row["missing"] as? [String]) == [])
        #expect(row["recused"] as? [String] == ["m4"])
        let flags = row["flags"] as! [[String: Any]]
        #expect(flags.map { $0["id"] as? String } == ["spread"], "\(status.out)")
        let blocked = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(blocked.status == 65 && blocked.err.contains("chênh lệch tổng điểm"), "\(blocked)")
        let table = try runCouncilCLI(["council", "session", "status", world.session], env: env)
        #expect(table.out.contains("cần thảo luận, chấm lại"))
        let override = try runCouncilCLI(["council", "session", "override", world.session, "--dossier", d, "--flag", "spread", "--chair", "chair",
                                          "--reason", "Hội đồng thống nhất giữ kết quả"], env: env)
        #expect(override.status == 0, "\(override)")
        let provisional = try runCouncilCLI(["council", "session", "minutes", world.session], env: env)
        #expect(provisional.out.contains("Tình trạng: chưa kết thúc (biên bản tạm)"), "\(provisional.out)")
        let final = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(final.status == 0 && final.out.contains("đề xuất 5 sao"), "\(final)")
        let minutes = try runCouncilCLI(["council", "session", "minutes", world.session], env: env)
        #expect(minutes.status == 0 && minutes.out.contains("# Biên bản họp") && minutes.out.contains("Con của chủ nhiệm HTX"))
        #expect(minutes.out.contains("bỏ qua cảnh báo spread: Hội đồng thống nhất giữ kết quả"))
        let producer = try runCouncilCLI(["dossier", "status", d], env: env)
        #expect(producer.status == 0 && producer.out.contains("đề xuất Bộ Nông nghiệp"), "\(producer)")
        #expect(!producer.out.contains("Chênh lệch"), "no member detail for the producer")
        let again = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(again.status == 0 && again.out.contains("Không có hồ sơ mới"))
    }

    @Test func knockoutAndDeferFromTheCommandLine() throws {
        let world = try CLICouncilWorld.make("clikodefer", sets: [1, 2])
        let (d0, d1) = (world.dossiers[0], world.dossiers[1])
        let env = world.env
        let help = try runCouncilCLI(["council", "--help"], env: env)
        #expect(help.status == 0 && help.out.contains("session knockout") && help.out.contains("session defer"), "\(help)")

        let bad = try runCouncilCLI(["council", "session", "knockout", world.session, "--dossier", d0, "--clause", "1.1", "--reason", "x"], env: env)
        #expect(bad.status == 65 && bad.err.contains("Các điều khoản loại: hồ sơ, 2.1, 6.1."), "\(bad)")
        let badEn = try runCouncilCLI(["council", "session", "knockout", world.session, "--dossier", d0, "--clause", "1.1", "--reason", "x", "--lang", "en"], env: env)
        #expect(badEn.status == 65 && badEn.err.contains("Knock-out clauses: hồ sơ, 2.1, 6.1."), "\(badEn)")
        let ko = try runCouncilCLI(["council", "session", "knockout", world.session, "--dossier", d0, "--clause", "hồ-sơ",
                                    "--reason", "Giấy chứng nhận ATTP bị tẩy xóa", "--as", "thu-ky"], env: env)
        #expect(ko.status == 0 && ko.out.contains("Hội đồng loại hồ sơ \(d0)") && ko.out.contains("người quyết định: chair"), "\(ko)")
        let deferred = try runCouncilCLI(["council", "session", "defer", world.session, "--dossier", d1,
                                          "--reason", "Cần khảo sát thực tế", "--as", "thu-ky"], env: env)
        #expect(deferred.status == 0 && deferred.out.contains("Hồ sơ chờ phiên họp sau."), "\(deferred)")

        let status = try runCouncilCLI(["council", "session", "status", world.session, "--format", "json"], env: env)
        let rows = (try JSONSerialization.jsonObject(with: Data(status.out.utf8)) as! [String: Any])["dossiers"] as! [[String: Any]]
        #expect((rows[0]["flags"] as! [[String: Any]]).map { $0["id"] as? String } == ["quorum", "knockout:hồ sơ"], "\(status.out)")
        #expect(rows[1]["deferred"] as? String == "Cần khảo sát thực tế" && rows[1]["canFinalize"] as? Bool == false)

        let connection = try world.connection()
        let set = try ScoreCommandTests.catalog.productSet(1)
        for m in CLICouncilWorld.scorers {
            var answers: [String: SheetAnswer] = [:]
            for c in set.scorableCriteria { answers[c.code] = SheetAnswer(points: c.bestPoints()) }
            try world.submit(d0, member: m, answers: answers)
        }
        let final = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(final.status == 0 && final.out.contains("bị loại → không đạt") && final.out.contains("Hoãn xét (không kết luận ở phiên này): \(d1)"), "\(final)")
        let minutes = try runCouncilCLI(["council", "session", "minutes", world.session], env: env)
        #expect(minutes.out.contains("| hoãn |") && minutes.out.contains("Hoãn xét, đưa ra phiên họp sau: Cần khảo sát thực tế"), "\(minutes.out)")
        #expect(minutes.out.contains("Hội đồng quyết định loại theo điều khoản hồ sơ «Hồ sơ bị loại khi:") && minutes.out.contains("Giấy chứng nhận ATTP bị tẩy xóa"))
        let producer = try runCouncilCLI(["dossier", "status", d0], env: env)
        #expect(producer.status == 0 && producer.out.contains("«Hồ sơ bị loại khi: Giả mạo hồ sơ") && !producer.out.contains("tẩy xóa"), "\(producer)")
        #expect(!producer.out.contains("điểm →"), "no points for a disqualified dossier")
        let late = try runCouncilCLI(["council", "session", "defer", world.session, "--dossier", d0, "--reason", "x"], env: env)
        #expect(late.status == 73 && late.err.contains("đã kết luận hồ sơ \(d0)"), "\(late)")
        let events = try world.workbench().dossierHistory(DossierCode(normalizing: d1)!)
        #expect(events.last?.action == .defer && events.last?.actor == "thu-ky")
        #expect(try connection.one("SELECT recorded_by FROM council_knockout").decode(String.self, "recorded_by") == "thu-ky")
    }
}
