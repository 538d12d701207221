import Foundation
import OCOPDomain
import OCOPStore
import Postgres

/// Text and JSON for council commands.
enum CouncilRender {
    static func date(_ iso: String, _ language: Language) -> String {
        guard let d = PostgresDate(iso: iso) else { return iso }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return language == .vi ? "\(pad(d.day))/\(pad(d.month))/\(d.year)" : iso
    }

    static func average(_ plain: String, _ language: Language) -> String {
        language == .vi ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    static func stars(_ r: StoredResult, _ language: Language) -> String {
        let vi = language == .vi
        if r.disqualified { return vi ? "bị loại" : "disqualified" }
        guard let stars = r.stars else { return "—" }
        if r.proposedCentral { return "\(stars)★ " + (vi ? "(đề xuất trung ương)" : "(proposed to the central council)") }
        return "\(stars)★" + (r.recognised ? "" : (vi ? " (không công nhận)" : " (not recognised)"))
    }

    static func council(_ c: Council, _ language: Language) -> String {
        let vi = language == .vi
        var pairs: [(String, String)] = [
            (vi ? "Hội đồng" : "Council", "\(c.code) — \(c.name)"),
            (vi ? "Cấp" : "Level", c.level.label(language)),
        ]
        if let d = c.decisionRef { pairs.append((vi ? "Quyết định thành lập" : "Established by", d)) }
        pairs += c.policy.describe(language)
        var text = Output.record(pairs)
        text += "\n\n" + (vi ? "Thành viên:" : "Members:")
        for m in c.councilMembers { text += "\n  \(m.person)  \(m.name) — \(m.role.label(language))" + (m.organisation.map { ", \($0)" } ?? "") }
        if !c.advisoryTeam.isEmpty {
            text += "\n" + (vi ? "Tổ tư vấn (không chấm điểm):" : "Advisory team (does not score):")
            for m in c.advisoryTeam { text += "\n  \(m.person)  \(m.name)" + (m.organisation.map { ", \($0)" } ?? "") }
        }
        return text
    }

    struct StatusFlag: Encodable { let id: String; let text: String; let overridden: Bool }
    struct StatusDossier: Encodable {
        let dossier: String
        let product: String
        let productSet: Int
        let scored: [String]
        let missing: [String]
        let absent: [String]
        let recused: [String]
        let average: String?
        let spread: Int?
        let band: Int?
        let stars: Int?
        let flags: [StatusFlag]
        let needsDiscussion: Bool
        let canFinalize: Bool
        /// The deferral reason when the dossier was taken off the session.
        let deferred: String?
        let outcome: String?

        enum CodingKeys: String, CodingKey {
            case dossier, product, productSet, scored, missing, absent, recused, average, spread, band, stars, flags, needsDiscussion, canFinalize, deferred, outcome
        }
        // Nulls are written, not dropped: consumers test `stars == null`.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(dossier, forKey: .dossier); try c.encode(product, forKey: .product); try c.encode(productSet, forKey: .productSet)
            try c.encode(scored, forKey: .scored); try c.encode(missing, forKey: .missing); try c.encode(absent, forKey: .absent)
            try c.encode(recused, forKey: .recused); try c.encode(average, forKey: .average); try c.encode(spread, forKey: .spread)
            try c.encode(band, forKey: .band); try c.encode(stars, forKey: .stars); try c.encode(flags, forKey: .flags)
            try c.encode(needsDiscussion, forKey: .needsDiscussion); try c.encode(canFinalize, forKey: .canFinalize)
            try c.encode(deferred, forKey: .deferred); try c.encode(outcome, forKey: .outcome)
        }
    }
    struct StatusJSON: Encodable {
        let session: String
        let council: String
        let date: String
        let status: String
        let dossiers: [StatusDossier]
    }

    static func statusJSON(_ report: SessionReport, _ language: Language) -> StatusJSON {
        let s = report.snapshot
        return StatusJSON(session: s.code, council: s.council.code, date: s.heldOn, status: s.status, dossiers: zip(s.dossiers, report.assessments).map { d, a in
            StatusDossier(
                dossier: d.code, product: d.productName, productSet: d.productSet, scored: a.scored, missing: a.missing, absent: a.absent,
                recused: a.recused, average: d.result?.average ?? a.result?.average.plain, spread: d.result?.spread ?? a.result?.spread,
                band: d.result?.band ?? a.result?.band, stars: d.result?.stars,
                flags: d.result != nil || d.deferral != nil ? [] : a.flags.map { StatusFlag(id: $0.id, text: $0.text(language), overridden: a.overridden.contains($0.id)) },
                needsDiscussion: open(d) && a.needsDiscussion, canFinalize: open(d) && a.canFinalize,
                deferred: d.deferral?.reason, outcome: d.result?.outcome.rawValue)
        })
    }

    /// Still to be decided in this session (neither decided nor deferred).
    static func open(_ d: SessionDossier) -> Bool { d.result == nil && d.deferral == nil }

    static func statusTable(_ report: SessionReport, _ language: Language) -> String {
        let vi = language == .vi
        let s = report.snapshot
        var out = vi ? "Phiên \(s.code) — \(s.council.name) — ngày \(date(s.heldOn, .vi)) — \(s.status == "open" ? "đang họp" : "đã kết thúc")"
            : "Session \(s.code) — \(s.council.name) — \(s.heldOn) — \(s.status)"
        out += "\n\n"
        let rows: [[String]] = zip(s.dossiers, report.assessments).map { d, a in
            let avg = d.result?.average ?? a.result?.average.plain
            let spread = d.result?.spread ?? a.result?.spread
            let state: String
            if let r = d.result { state = stars(r, language) }
            else if d.deferral != nil { state = vi ? "hoãn" : "deferred" }
            else if a.canFinalize, a.knockedOut { state = vi ? "sẵn sàng kết luận (bị loại)" : "ready to finalize (disqualified)" }
            else if a.canFinalize { state = vi ? "sẵn sàng kết luận" : "ready to finalize" }
            else if a.needsDiscussion { state = vi ? "cần thảo luận, chấm lại" : "discuss and re-score" }
            else { state = vi ? "đang chấm" : "scoring" }
            let flags = !open(d) ? "" : a.flags.map { $0.id + (a.overridden.contains($0.id) ? (vi ? " (CT đã quyết)" : " (overridden)") : "") }.joined(separator: ", ")
            return [d.code, d.productName, "\(a.scored.count)/\(a.eligible.count)", a.missing.joined(separator: " "),
                    avg.map { average($0, language) } ?? "—", spread.map(String.init) ?? "—", flags, state]
        }
        out += Output.table(headers: vi ? ["hồ sơ", "sản phẩm", "đã chấm", "chưa chấm", "TB", "chênh lệch", "cảnh báo", "tình trạng"]
                                : ["dossier", "product", "scored", "missing", "average", "spread", "flags", "state"], rows: rows)
        let details = zip(s.dossiers, report.assessments).filter { open($0.0) && !$0.1.flags.isEmpty }
        if !details.isEmpty {
            out += "\n\n" + (vi ? "Cảnh báo:" : "Flags:")
            for (d, a) in details {
                for f in a.flags { out += "\n  \(d.code) [\(f.id)] " + f.text(language) + (a.overridden.contains(f.id) ? (vi ? " — Chủ tịch đã quyết định" : " — overridden by the chair") : "") }
            }
        }
        let deferred = s.dossiers.filter { $0.deferral != nil }
        if !deferred.isEmpty {
            out += "\n\n" + (vi ? "Hoãn xét:" : "Deferred:")
            for d in deferred { out += "\n  \(d.code): " + (d.deferral?.reason ?? "") }
        }
        return out
    }
}

/// The biên bản (text or Markdown; PDF comes with the documents work).
enum CouncilMinutes {
    static func render(_ s: SessionSnapshot, connection: Connection, language: Language, markdown: Bool) throws -> String {
        let vi = language == .vi
        var out: [String] = []
        func h(_ level: Int, _ text: String) {
            out.append(markdown ? String(repeating: "#", count: level) + " " + text : (level == 1 ? text.uppercased() : text))
            out.append("")
        }
        func item(_ text: String) { out.append((markdown ? "- " : "  - ") + text) }
        h(1, vi ? "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP" : "Minutes of the OCOP evaluation council")
        out.append((vi ? "Hội đồng: " : "Council: ") + s.council.name + (s.council.decisionRef.map { vi ? " (thành lập theo \($0))" : " (established by \($0))" } ?? ""))
        out.append((vi ? "Phiên: " : "Session: ") + s.code + (vi ? ", ngày " : ", ") + CouncilRender.date(s.heldOn, language) + (s.place.map { vi ? ", tại \($0)" : ", at \($0)" } ?? ""))
        out.append((vi ? "Tình trạng: " : "Status: ") + (s.status == "open" ? (vi ? "đang họp (biên bản tạm)" : "in session (provisional minutes)") : (vi ? "đã kết thúc" : "finalized")))
        out.append("")
        h(2, vi ? "1. Thành phần" : "1. Attendance")
        let members = s.roster.filter { $0.role != .advisor }
        for m in members { item("\(m.name) — \(m.role.label(language)): " + (m.present ? (vi ? "có mặt" : "present") : (vi ? "vắng mặt" : "absent"))) }
        let advisors = s.roster.filter { $0.role == .advisor }
        if !advisors.isEmpty { item((vi ? "Tổ tư vấn (không chấm điểm): " : "Advisory team (does not score): ") + advisors.map(\.name).joined(separator: ", ")) }
        out.append("")
        h(2, vi ? "2. Quy chế áp dụng" : "2. Policy applied")
        for (k, v) in s.council.policy.describe(language) { item("\(k): \(v)") }
        out.append("")
        h(2, vi ? "3. Xung đột lợi ích" : "3. Conflicts of interest")
        let names = Dictionary(uniqueKeysWithValues: s.roster.map { ($0.person, $0.name) })
        let recusals = s.dossiers.flatMap(\.recusals)
        if recusals.isEmpty { item(vi ? "Không có thành viên nào khai báo." : "None declared.") }
        for r in recusals { item("\(names[r.person] ?? r.person) — \(r.dossier): \(r.kind.label(language)); \(r.reason)") }
        out.append("")
        h(2, vi ? "4. Kết quả đánh giá" : "4. Results")
        let headers = vi ? ["TT", "Hồ sơ", "Sản phẩm", "Chủ thể", "Bộ", "Số phiếu", "Điểm TB", "Hạng", "Kết luận"]
            : ["#", "Dossier", "Product", "Producer", "Set", "Sheets", "Average", "Stars", "Outcome"]
        let rows: [[String]] = s.dossiers.enumerated().map { i, d in
            guard let r = d.result else {
                return [String(i + 1), d.code, d.productName, d.producerName, String(d.productSet), String(d.sheets.count), "—", "—",
                        d.deferral != nil ? (vi ? "hoãn" : "deferred") : (vi ? "chưa kết luận" : "not decided")]
            }
            return [String(i + 1), d.code, d.productName, d.producerName, String(d.productSet), String(r.sheetCount),
                    CouncilRender.average(r.average, language), CouncilRender.stars(r, language), r.outcome.label(language)]
        }
        if markdown {
            out.append("| " + headers.joined(separator: " | ") + " |")
            out.append("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
            for row in rows { out.append("| " + row.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |") }
        } else {
            out.append(Output.table(headers: headers, rows: rows))
        }
        out.append("")
        let store = ScoreStore(connection)
        for d in s.dossiers {
            h(3, "\(d.code) — \(d.productName)")
            if let r = d.result {
                for reason in r.reasons(language) { item(reason) }
            } else if let f = d.deferral {
                item((vi ? "Hoãn xét, đưa ra phiên họp sau: " : "Deferred to a later session: ") + f.reason)
            } else {
                item(vi ? "Chưa kết luận." : "Not decided yet.")
            }
            for k in d.knockOuts {
                let who = names[k.decidedBy] ?? k.decidedBy
                let which = k.declaration == .dossier ? (vi ? "điều khoản hồ sơ" : "the dossier clause") : (vi ? "tiêu chí \(k.declaration)" : "criterion \(k.declaration)")
                var line = vi ? "Hội đồng quyết định loại theo \(which) «\(k.clauseText)» (\(who) công bố): \(k.reason)"
                    : "The council disqualified the dossier under \(which) «\(k.clauseText)» (announced by \(who)): \(k.reason)"
                if k.withdrawnAt != nil {
                    line += vi ? " — đã rút lại: \(k.withdrawnReason ?? "")" : " — withdrawn: \(k.withdrawnReason ?? "")"
                }
                item(line)
            }
            for o in d.overrides {
                item((vi ? "Chủ tịch \(names[o.chair] ?? o.chair) quyết định bỏ qua cảnh báo \(o.flag): " : "Chair \(names[o.chair] ?? o.chair) overrode flag \(o.flag): ") + o.reason)
            }
            // Transcriptions and corrections are part of the record; scores stay in the sheets.
            for sheet in try store.history(dossier: d.code) {
                let who = names[sheet.person] ?? sheet.person
                if sheet.source == "paper" {
                    item(vi ? "Phiếu giấy của \(who) (số \(sheet.paperRef ?? "—")) do \(names[sheet.enteredBy ?? ""] ?? sheet.enteredBy ?? "—") nhập."
                        : "Paper sheet of \(who) (ref \(sheet.paperRef ?? "—")) transcribed by \(names[sheet.enteredBy ?? ""] ?? sheet.enteredBy ?? "—").")
                }
                if sheet.version > 1 {
                    item(vi ? "\(who) nộp phiếu phiên bản \(sheet.version): \(sheet.reason ?? "")" : "\(who) submitted version \(sheet.version): \(sheet.reason ?? "")")
                }
            }
            out.append("")
        }
        h(2, vi ? "5. Chữ ký" : "5. Signatures")
        let chair = s.roster.first { $0.role == .chair }?.name ?? "—"
        let secretary = s.roster.first { $0.role == .secretary }?.name ?? "—"
        out.append(vi ? "Chủ tịch Hội đồng: \(chair)        Thư ký: \(secretary)" : "Chair: \(chair)        Secretary: \(secretary)")
        return out.joined(separator: "\n")
    }
}
