import Foundation
import OCOPDomain
import OCOPModels
import OCOPRubrics

/// The council part of the demo: a provincial council scores the 2026 round. Members, a
/// recusal, sheets through the file path and one transcribed from paper, one dossier flagged for
/// spread and re-scored, one capped by an unmet ★ minimum, finalization, then the minutes.
/// Names are illustrative.
enum DemoCouncil {
    static let code = CouncilCode(normalizing: "BN-HD-2026")!
    static let members: [(String, String, String, CouncilRole)] = [
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

    static func person(_ raw: String) -> PersonCode { PersonCode(normalizing: raw)! }

    static func run(_ workbench: Workbench, dossiers: [DossierCode], narrate: (DemoEvent) -> Void) throws {
        guard !dossiers.isEmpty else { return }
        let secretary = workbench.acting(as: person(members[7].0))
        if (try? workbench.council(code)) == nil {
            _ = try workbench.createCouncil(code: code, name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh năm 2026",
                                            level: .provincial, provinceCode: "24", decisionRef: "1234/QĐ-UBND (minh hoạ)", policy: .default)
            for (code, name, organisation, role) in members {
                _ = try workbench.addCouncilMember(council: Self.code, person: person(code), name: name, organisation: organisation, role: role)
            }
        }
        let council = try workbench.council(code)
        narrate(.say(LocalizedText(
            vi: "Hội đồng \(council.code): \(council.councilMembers.count) thành viên (chủ tịch, 2 phó chủ tịch, 4 ủy viên, thư ký không chấm) và tổ tư vấn \(council.advisoryTeam.count) người.",
            en: "Council \(council.code): \(council.councilMembers.count) members (chair, 2 vice-chairs, 4 members, a non-scoring secretary) and an advisory team of \(council.advisoryTeam.count).")))

        let snapshot = try secretary.openSession(council: code, heldOn: CalendarDate(year: 2026, month: 11, day: 10)!,
                                                 place: "Hội trường UBND tỉnh Bắc Ninh", dossiers: dossiers, absent: [])
        let session = snapshot.code
        narrate(.say(LocalizedText(
            vi: "Mở phiên \(session) ngày 10/11/2026 với \(snapshot.dossiers.count) hồ sơ; mọi thành viên có mặt.",
            en: "Opened session \(session) on 2026-11-10 with \(englishCount(snapshot.dossiers.count, "dossier")); all members present.")))

        let scorers = members.filter { council.policy.scores($0.3) }.map { person($0.0) }
        let first = snapshot.dossiers[0]
        try workbench.acting(as: scorers[6]).recuse(session: session, dossier: first.code, member: scorers[6], kind: .cooperativeMember,
                                                    reason: "Là thành viên hợp tác xã của chủ thể \(first.producerName)")
        narrate(.say(LocalizedText(vi: "\(members[6].1) khai báo xung đột lợi ích với hồ sơ \(first.code) và không chấm hồ sơ này.",
                                   en: "\(members[6].1) declares a conflict of interest for \(first.code) and does not score it.")))

        let spreadIndex = snapshot.dossiers.count > 1 ? 1 : 0
        // One dossier scores 4★ on points but every member leaves a 4★ minimum unmet: capped at 3★.
        let capIndex = snapshot.dossiers.count > 8 ? 8 : nil
        var paperDone = false
        var fileCount = 0
        for (i, d) in snapshot.dossiers.enumerated() {
            let base = DemoSheets.baseTotal(index: i)
            for (k, member) in scorers.enumerated() {
                if d.code == first.code && member == scorers[6] { continue }
                let scorer = workbench.acting(as: member)
                let context = try scorer.scoringContext(dossier: d.code, member: member, correcting: false)
                let total = (i == spreadIndex && k == 3) ? base - 14 : base + [0, 1, -1, 2, -2, 1, 0][k % 7]
                let missed = i == capIndex ? context.productSet.starMarkers.first { $0.stars == 4 } : nil
                guard let sheet = DemoSheets.sheet(context.productSet, total: total, stars: base >= 90 ? 5 : base >= 70 ? 4 : 3, below: missed) else { continue }
                if k % 2 == 0 {
                    // The file path: the member's sheet as YAML, read back like `ocop score --sheet`.
                    let parsed = SheetFile.parse(DemoSheets.yaml(sheet, member: context.personName), label: member.rawValue)
                    guard case .success(let fromFile) = parsed else { continue }
                    _ = try scorer.submitSheet(context, sheet: fromFile, source: .file)
                    fileCount += 1
                } else if !paperDone && k == 5 {
                    _ = try secretary.submitSheet(context, sheet: sheet, source: .paper, enteredBy: secretary.principal.person,
                                                  paperRef: "PC-\(session)-\(d.code)-\(k + 1)")
                    paperDone = true
                    narrate(.say(LocalizedText(vi: "Thư ký nhập phiếu giấy đã ký của \(members[k].1) cho hồ sơ \(d.code).",
                                               en: "The secretary transcribes \(members[k].1)'s signed paper sheet for \(d.code).")))
                } else {
                    _ = try scorer.submitSheet(context, sheet: sheet, source: .interactive)
                }
            }
        }
        narrate(.say(LocalizedText(vi: "Các thành viên đã nộp phiếu (\(fileCount) phiếu qua tệp).", en: "Members have submitted their sheets (\(fileCount) through files).")))

        var report = try workbench.sessionReport(session)
        for (d, a) in zip(report.snapshot.dossiers, report.assessments) where !a.flags.isEmpty {
            narrate(.flags(d.code, a.flags))
        }
        let flagged = report.snapshot.dossiers[spreadIndex]
        if report.assessments[spreadIndex].flags.contains(where: { $0.id == "spread" }) {
            let member = scorers[3]
            let scorer = workbench.acting(as: member)
            let context = try scorer.scoringContext(dossier: flagged.code, member: member, correcting: true)
            let base = DemoSheets.baseTotal(index: spreadIndex)
            if let sheet = DemoSheets.sheet(context.productSet, total: base - 3, stars: base >= 90 ? 5 : base >= 70 ? 4 : 3) {
                _ = try scorer.submitSheet(context, sheet: sheet, source: .interactive, reason: "Chấm lại sau khi Hội đồng thảo luận tiêu chí bao bì, nhãn")
                narrate(.say(LocalizedText(
                    vi: "Hội đồng thảo luận; \(members[3].1) chấm lại hồ sơ \(flagged.code) (phiếu phiên bản 2, lưu kèm lý do).",
                    en: "The council discusses; \(members[3].1) re-scores \(flagged.code) (sheet version 2, with a reason).")))
            }
        }
        report = try workbench.sessionReport(session)
        for (d, a) in zip(report.snapshot.dossiers, report.assessments) where !a.canFinalize {
            for flag in a.blocking where flag.overridable {
                try secretary.overrideFlag(session: session, dossier: d.code, flag: flag.id, chair: scorers[0],
                                           reason: "Hội đồng đã thảo luận và thống nhất giữ kết quả")
            }
        }
        let finalization = try secretary.finalizeSession(session)
        narrate(.finalized(finalization))
        narrate(.minutes(try workbench.sessionSnapshot(session)))
    }
}

/// Deterministic demo sheets with a chosen total whose ★ minimums up to `stars` are met.
enum DemoSheets {
    static func baseTotal(index: Int) -> Int {
        [76, 64, 58, 81, 72, 66, 92, 54, 70, 61, 45, 74][index % 12]
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
