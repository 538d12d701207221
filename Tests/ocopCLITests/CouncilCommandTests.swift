import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
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
        let connection = try world.connection()
        let store = ScoreStore(connection)
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
            try store.submit(dossier: d, person: m, sheet: ScoreSheet(label: m, answers: answers), source: .file, actor: m)
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
        let final = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(final.status == 0 && final.out.contains("proposed_central"), "\(final)")
        let minutes = try runCouncilCLI(["council", "session", "minutes", world.session], env: env)
        #expect(minutes.status == 0 && minutes.out.contains("# Biên bản họp") && minutes.out.contains("Con của chủ nhiệm HTX"))
        #expect(minutes.out.contains("bỏ qua cảnh báo spread: Hội đồng thống nhất giữ kết quả"))
        let producer = try runCouncilCLI(["dossier", "status", d], env: env)
        #expect(producer.status == 0 && producer.out.contains("đề xuất Bộ Nông nghiệp"), "\(producer)")
        #expect(!producer.out.contains("Chênh lệch"), "no member detail for the producer")
        let again = try runCouncilCLI(["council", "session", "finalize", world.session], env: env)
        #expect(again.status == 0 && again.out.contains("Không có hồ sơ mới"))
    }
}
