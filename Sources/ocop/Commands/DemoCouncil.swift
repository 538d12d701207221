import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import Postgres

/// The council part of `ocop demo`: a provincial council scores the 2026 round. Members, a
/// recusal, sheets through the file path and one transcribed from paper, one dossier flagged for
/// spread and re-scored, finalization, then the minutes. Names are illustrative.
func runCouncilDemo(connection: Connection, dossierCodes: [String], actor: String, language: Language, narrate: (String) -> Void) throws {
    let vi = language == .vi
    guard !dossierCodes.isEmpty else { return }
    let councils = CouncilStore(connection)
    let scores = ScoreStore(connection)
    let code = "BN-HD-2026"
    let members: [(String, String, String, CouncilRole)] = [
        ("ct-nguyen-van-hung", "Nguyễn Văn Hùng", "UBND tỉnh Bắc Ninh", .chair),
        ("pct-tran-thi-mai", "Trần Thị Mai", "Sở Nông nghiệp và Môi trường", .viceChair),
        ("pct-le-quang-minh", "Lê Quang Minh", "Sở Công Thương", .viceChair),
        ("uv-pham-thu-ha", "Phạm Thu Hà", "Sở Y tế", .member),
        ("uv-hoang-duc-anh", "Hoàng Đức Anh", "Sở Khoa học và Công nghệ", .member),
        ("uv-vu-thi-lan", "Vũ Thị Lan", "Sở Văn hóa, Thể thao và Du lịch", .member),
        ("uv-dang-van-son", "Đặng Văn Sơn", "Chi cục Phát triển nông thôn", .member),
        ("tk-bui-thi-thu", "Bùi Thị Thu", "Văn phòng Điều phối nông thôn mới", .secretary),
        ("tv-ngo-minh-tuan", "Ngô Minh Tuấn", "Tổ tư vấn OCOP tỉnh", .advisor),
        ("tv-do-thi-hong", "Đỗ Thị Hồng", "Tổ tư vấn OCOP tỉnh", .advisor),
    ]
    let secretary = members[7].0
    if (try? councils.council(code)) == nil {
        _ = try councils.createCouncil(code: code, name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh năm 2026",
                                       level: .provincial, provinceCode: "24", decisionRef: "1234/QĐ-UBND (minh hoạ)", policy: .default, actor: actor)
        for (person, name, org, role) in members {
            _ = try councils.addMember(council: code, person: person, name: name, organisation: org, role: role, actor: actor)
        }
    }
    let council = try councils.council(code)
    narrate(vi ? "Hội đồng \(council.code): \(council.councilMembers.count) thành viên (chủ tịch, 2 phó chủ tịch, 4 ủy viên, thư ký không chấm) và tổ tư vấn \(council.advisoryTeam.count) người."
        : "Council \(council.code): \(council.councilMembers.count) members (chair, 2 vice-chairs, 4 members, a non-scoring secretary) and an advisory team of \(council.advisoryTeam.count).")

    let snapshot = try councils.openSession(council: code, heldOn: PostgresDate(year: 2026, month: 11, day: 10), place: "Hội trường UBND tỉnh Bắc Ninh",
                                            dossiers: dossierCodes, absent: [], actor: secretary)
    let session = snapshot.code
    narrate(vi ? "Mở phiên \(session) ngày 10/11/2026 với \(snapshot.dossiers.count) hồ sơ; mọi thành viên có mặt."
        : "Opened session \(session) on 2026-11-10 with \(snapshot.dossiers.count) dossiers; all members present.")

    let scorers = members.filter { council.policy.scores($0.3) }.map(\.0)
    let first = snapshot.dossiers[0]
    try councils.recuse(session: session, dossier: first.code, person: scorers[6], kind: .cooperativeMember,
                        reason: "Là thành viên hợp tác xã của chủ thể \(first.producerName)", actor: scorers[6])
    narrate(vi ? "\(members[6].1) khai báo xung đột lợi ích với hồ sơ \(first.code) và không chấm hồ sơ này."
        : "\(members[6].1) declares a conflict of interest for \(first.code) and does not score it.")

    let spreadIndex = snapshot.dossiers.count > 1 ? 1 : 0
    // One dossier scores 4★ on points but every member leaves a 4★ minimum unmet: capped at 3★.
    let capIndex = snapshot.dossiers.count > 8 ? 8 : nil
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-demo-sheets-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var paperDone = false
    var fileCount = 0
    for (i, d) in snapshot.dossiers.enumerated() {
        let base = DemoSheets.baseTotal(index: i, setNumber: d.productSet)
        for (k, person) in scorers.enumerated() {
            if d.code == first.code && person == scorers[6] { continue }
            let context = try scores.context(dossier: d.code, person: person)
            let total = (i == spreadIndex && k == 3) ? base - 14 : base + [0, 1, -1, 2, -2, 1, 0][k % 7]
            let missed = i == capIndex ? context.productSet.starMarkers.first { $0.stars == 4 } : nil
            guard let sheet = DemoSheets.sheet(context.productSet, total: total, stars: base >= 90 ? 5 : base >= 70 ? 4 : 3, below: missed) else { continue }
            if k % 2 == 0 {
                // The file path: the member's sheet as a YAML file, read back like `ocop score --sheet`.
                let url = directory.appendingPathComponent("\(d.code)-\(person).yaml")
                try DemoSheets.yaml(sheet, member: context.personName).write(to: url, atomically: true, encoding: .utf8)
                guard case .success(let parsed) = SheetFile.parse(try String(contentsOf: url, encoding: .utf8), label: person) else { continue }
                try scores.submit(dossier: d.code, person: person, sheet: parsed, source: .file, actor: person)
                fileCount += 1
            } else if !paperDone && k == 5 {
                try scores.submit(dossier: d.code, person: person, sheet: sheet, source: .paper, enteredBy: secretary,
                                  paperRef: "PC-\(session)-\(d.code)-\(k + 1)", actor: secretary)
                paperDone = true
                narrate(vi ? "Thư ký nhập phiếu giấy đã ký của \(members[k].1) cho hồ sơ \(d.code)." : "The secretary transcribes \(members[k].1)'s signed paper sheet for \(d.code).")
            } else {
                try scores.submit(dossier: d.code, person: person, sheet: sheet, source: .interactive, actor: person)
            }
        }
    }
    narrate(vi ? "Các thành viên đã nộp phiếu (\(fileCount) phiếu qua tệp)." : "Members have submitted their sheets (\(fileCount) through files).")

    var report = try councils.status(session)
    for (d, a) in zip(report.snapshot.dossiers, report.assessments) where !a.flags.isEmpty {
        narrate("\(d.code): " + a.flags.map { $0.text(language) }.joined(separator: "; "))
    }
    let flagged = report.snapshot.dossiers[spreadIndex]
    if report.assessments[spreadIndex].flags.contains(where: { $0.id == "spread" }) {
        let person = scorers[3]
        let context = try scores.context(dossier: flagged.code, person: person)
        let base = DemoSheets.baseTotal(index: spreadIndex, setNumber: flagged.productSet)
        if let sheet = DemoSheets.sheet(context.productSet, total: base - 3, stars: base >= 90 ? 5 : base >= 70 ? 4 : 3) {
            try scores.submit(dossier: flagged.code, person: person, sheet: sheet, source: .interactive,
                              reason: "Chấm lại sau khi Hội đồng thảo luận tiêu chí bao bì, nhãn", actor: person)
            narrate(vi ? "Hội đồng thảo luận; \(members[3].1) chấm lại hồ sơ \(flagged.code) (phiếu phiên bản 2, lưu kèm lý do)."
                : "The council discusses; \(members[3].1) re-scores \(flagged.code) (sheet version 2, with a reason).")
        }
    }
    report = try councils.status(session)
    let stillBlocked = zip(report.snapshot.dossiers, report.assessments).filter { !$0.1.canFinalize }
    for (d, a) in stillBlocked {
        for flag in a.blocking where flag.overridable {
            try councils.override(session: session, dossier: d.code, flag: flag.id, chair: scorers[0],
                                  reason: "Hội đồng đã thảo luận và thống nhất giữ kết quả", actor: secretary)
        }
    }
    let finalization = try councils.finalize(session, actor: secretary)
    narrate(vi ? "Kết thúc phiên: \(finalization.decided.count) hồ sơ có kết quả." : "Session finalized: \(finalization.decided.count) dossiers decided.")
    narrate(try CouncilMinutes.render(try councils.snapshot(session), connection: connection, language: language, markdown: true))
}

/// Deterministic demo sheets with a chosen total whose ★ minimums up to `stars` are met.
enum DemoSheets {
    static func baseTotal(index: Int, setNumber: Int) -> Int {
        [76, 64, 58, 81, 72, 66, 92, 54, 70, 61, 74, 45][index % 12]
    }

    /// `below`: a ★ marker this sheet must miss (its criterion stays under the marked points).
    static func sheet(_ set: ProductSet, total: Int, stars: Int, below: StarMarker? = nil) -> ScoreSheet? {
        var floors = total >= 50 ? set.starMinimumFloors(upTo: stars) : [:]
        var ceilings: [String: Int] = [:]
        if let below {
            floors[below.criterion] = nil
            ceilings[below.criterion] = below.points
        }
        return set.sheet(totalling: total, floors: floors, below: ceilings, preferringHigherOptions: true, label: "")
    }

    static func yaml(_ sheet: ScoreSheet, member: String) -> String {
        var lines = ["member: \"\(member)\""]
        for (code, answer) in sheet.answers.sorted(by: { $0.key < $1.key }) {
            if let v = answer.variant { lines.append("\"\(code)\": {variant: \(v), points: \(answer.points)}") }
            else { lines.append("\"\(code)\": \(answer.points)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
