import Foundation
import OCOPDomain
import OCOPModels

/// The biên bản as text or Markdown, from the session's record alone.
enum MinutesRender {
    /// `lifecycle` tells a written-opinion round (Art. 7.6.d) from a meeting: its record is a
    /// summary of the written opinions, and says whether the council met after all.
    /// `audit`, when given, is checked first: a record altered after it was written is said at
    /// the top, and the audit head closes the minutes so the paper can be compared later.
    static func render(_ s: SessionSnapshot, language: Language, markdown: Bool, lifecycle: SessionLifecycleView? = nil,
                       audit: AuditReport? = nil) -> String {
        let vi = language == .vi
        var out: [String] = []
        if let audit, !audit.intact {
            out.append(vi ? "CẢNH BÁO: sổ ghi đã bị sửa sau khi ghi — không dùng biên bản này trước khi làm rõ (ocop audit verify):"
                          : "WARNING: the record was altered after it was written — do not use these minutes until it is cleared up (ocop audit verify):")
            out += audit.breaks.map { "  " + $0.message(language) }
            out.append("")
        }
        func h(_ level: Int, _ text: String) {
            out.append(markdown ? String(repeating: "#", count: level) + " " + text : (level == 1 ? text.uppercased() : text))
            out.append("")
        }
        func item(_ text: String) { out.append((markdown ? "- " : "  - ") + Output.terminalSafe(text)) }
        if let lifecycle, lifecycle.mode == .writtenOpinions {
            h(1, vi ? "Báo cáo tổng hợp ý kiến bằng văn bản của Hội đồng đánh giá, phân hạng sản phẩm OCOP (đánh giá lại)"
                    : "Summary of the OCOP evaluation council's written opinions (re-evaluation)")
            out.append(vi ? "Hình thức: lấy ý kiến bằng văn bản (điểm d khoản 6 Điều 7)." : "Mode: written opinions (Art. 7.6.d).")
            if let on = lifecycle.convenedOn {
                out.append(vi ? "Hội đồng đã họp trực tiếp ngày \(on.display(.vi))\(lifecycle.convenedPlace.map { " tại \($0)" } ?? ""): \(lifecycle.convenedReason ?? "")"
                              : "The council met on \(on.display(.en))\(lifecycle.convenedPlace.map { " at \($0)" } ?? ""): \(lifecycle.convenedReason ?? "")")
            }
            out.append("")
        } else {
            h(1, vi ? "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP" : "Minutes of the OCOP evaluation council")
        }
        out.append((vi ? "Hội đồng: " : "Council: ") + s.council.name + (s.council.decisionRef.map { vi ? " (thành lập theo \($0))" : " (established by \($0))" } ?? ""))
        out.append((vi ? "Phiên: " : "Session: ") + s.code.rawValue + (vi ? ", ngày " : ", ") + s.heldOn.display(language) + (s.place.map { vi ? ", tại \($0)" : ", at \($0)" } ?? ""))
        out.append((vi ? "Tình trạng: " : "Status: ") + (s.status == .open ? (vi ? "chưa kết thúc (biên bản tạm)" : "not finalized (provisional minutes)") : (vi ? "đã kết thúc" : "finalized")))
        out.append("")
        h(2, vi ? "1. Thành phần" : "1. Attendance")
        for m in s.roster where m.role != .advisor {
            item("\(m.name) — \(m.role.label(language)): " + (m.present ? (vi ? "có mặt" : "present") : (vi ? "vắng mặt" : "absent")))
        }
        let advisors = s.roster.filter { $0.role == .advisor }
        if !advisors.isEmpty { item((vi ? "Tổ tư vấn (không chấm điểm): " : "Advisory team (does not score): ") + advisors.map(\.name).joined(separator: ", ")) }
        out.append("")
        h(2, vi ? "2. Quy chế áp dụng" : "2. Policy applied")
        for (k, v) in s.council.policy.describe(language) { item("\(k): \(v)") }
        out.append("")
        h(2, vi ? "3. Xung đột lợi ích" : "3. Conflicts of interest")
        let recusals = s.dossiers.flatMap(\.recusals)
        if recusals.isEmpty { item(vi ? "Không có thành viên nào khai báo." : "None declared.") }
        for r in recusals { item("\(s.name(of: r.person)) — \(r.dossier): \(r.kind.label(language)); \(r.reason)") }
        out.append("")
        h(2, vi ? "4. Kết quả đánh giá" : "4. Results")
        let headers = vi ? ["TT", "Hồ sơ", "Sản phẩm", "Chủ thể", "Bộ", "Số phiếu", "Điểm TB", "Hạng", "Kết luận"]
            : ["#", "Dossier", "Product", "Producer", "Set", "Sheets", "Average", "Stars", "Outcome"]
        let rows: [[String]] = s.dossiers.enumerated().map { i, d in
            guard let r = d.result else {
                let state = d.deferral != nil ? (vi ? "hoãn" : "deferred") : d.leftProcedure ? (vi ? "đã rút" : "withdrawn") : (vi ? "chưa kết luận" : "not decided")
                return [String(i + 1), d.code.rawValue, d.productName, d.producerName, String(d.productSet), String(d.sheets.count), "—", "—", state]
            }
            return [String(i + 1), d.code.rawValue, d.productName, d.producerName, String(d.productSet), String(r.sheetCount),
                    r.rating.average.display(language), CouncilRender.stars(r, language, level: s.council.level),
                    CouncilRender.conclusion(r, level: s.council.level, language)]
        }
        if markdown {
            out.append("| " + headers.joined(separator: " | ") + " |")
            out.append("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
            for row in rows { out.append("| " + row.map { Output.terminalSafe($0).replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |") }
        } else {
            out.append(Output.table(headers: headers, rows: rows))
        }
        out.append("")
        for d in s.dossiers {
            h(3, "\(d.code) — \(d.productName)")
            if let r = d.result {
                for reason in r.rating.reasons { item(reason.text(language, level: s.council.level)) }
            } else if let f = d.deferral {
                item((vi ? "Hoãn xét, đưa ra phiên họp sau: " : "Deferred to a later session: ") + f.reason)
            } else if d.leftProcedure {
                item(vi ? "Chủ thể đã rút hồ sơ; Hội đồng không xét." : "Withdrawn by the producer; the council does not consider it.")
            } else {
                item(vi ? "Chưa kết luận." : "Not decided yet.")
            }
            for k in d.knockOuts {
                let who = s.name(of: k.decidedBy)
                let which = k.declaration == .dossier ? (vi ? "điều khoản hồ sơ" : "the dossier clause") : (vi ? "tiêu chí \(k.declaration)" : "criterion \(k.declaration)")
                var line = vi ? "Hội đồng quyết định loại theo \(which) «\(k.clauseText)» (\(who) công bố): \(k.reason)"
                    : "The council disqualified the dossier under \(which) «\(k.clauseText)» (announced by \(who)): \(k.reason)"
                if k.withdrawnAt != nil { line += vi ? " — đã rút lại: \(k.withdrawnReason ?? "")" : " — withdrawn: \(k.withdrawnReason ?? "")" }
                item(line)
            }
            for o in d.overrides {
                item((vi ? "Chủ tịch \(s.name(of: o.chair)) quyết định bỏ qua cảnh báo \(o.flag): " : "Chair \(s.name(of: o.chair)) overrode flag \(o.flag): ") + o.reason)
            }
            // Transcriptions and corrections are part of the record; scores stay in the sheets.
            for v in d.versions {
                let who = s.name(of: v.person)
                if v.source == .paper {
                    let by = v.enteredBy.map { s.name(of: $0) } ?? "—"
                    item(vi ? "Phiếu giấy của \(who) (số \(v.paperRef ?? "—")) do \(by) nhập." : "Paper sheet of \(who) (ref \(v.paperRef ?? "—")) transcribed by \(by).")
                }
                if v.version > 1 {
                    item(vi ? "\(who) nộp phiếu phiên bản \(v.version): \(v.reason ?? "")" : "\(who) submitted version \(v.version): \(v.reason ?? "")")
                }
            }
            out.append("")
        }
        h(2, vi ? "5. Chữ ký" : "5. Signatures")
        let chair = s.roster.first { $0.role == .chair }?.name ?? "—"
        let secretary = s.roster.first { $0.role == .secretary }?.name ?? "—"
        out.append(vi ? "Chủ tịch Hội đồng: \(chair)        Thư ký: \(secretary)" : "Chair: \(chair)        Secretary: \(secretary)")
        if let audit {
            out.append("")
            out.append((vi ? "Mã kiểm toán (ocop audit head): " : "Audit head (ocop audit head): ") + audit.head.printed)
        }
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }
}
