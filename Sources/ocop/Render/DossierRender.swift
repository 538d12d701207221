import Foundation
import OCOPDomain
import OCOPModels

/// Text for dossiers and their history.
enum DossierRender {
    /// `ocop dossier status`: what a producer reads.
    static func status(_ view: DossierStatusView, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [(String, String)] = [
            (vi ? "Hồ sơ" : "Dossier", "\(view.dossier) — \(view.productName) (\(view.productCode))"),
            (vi ? "Chủ thể" : "Producer", view.producerName),
            (vi ? "Loại" : "Kind", "\(view.kind.label(language)), \(vi ? "kỳ" : "round") \(view.round)/\(view.year)"),
            (vi ? "Tình trạng" : "Status", view.status.label(language)),
        ]
        if let outcome = view.outcome(language) { lines.append((vi ? "Kết quả" : "Outcome", outcome)) }
        lines += [
            (vi ? "Đơn vị đang giữ hồ sơ" : "Held by", view.holder(language)),
            (vi ? "Bước tiếp theo" : "Next", view.nextStep(language)),
            (vi ? "Ngày nộp" : "Filed", view.lifecycle.map { $0.filedOn.display(language) } ?? Output.date(view.openedAt, language)),
        ]
        if let round = view.lifecycle?.round { lines.append((vi ? "Đợt đánh giá" : "Evaluation round", round.describe(language))) }
        if let basis = view.basisText(language) { lines.append((vi ? "Dựa trên giấy chứng nhận" : "Rests on certificate", basis)) }
        if let deadline = view.reEvaluationText(language) { lines.append((vi ? "Thời hạn đánh giá lại" : "Re-evaluation deadline", deadline)) }
        lines.append((vi ? "Cập nhật lần cuối" : "Last change", Output.date(view.lastChangeAt, language)))
        if let date = view.councilDate {
            lines.append((vi ? "Họp hội đồng" : "Council session", vi ? "ngày \(date.display(.vi))" : date.display(.en)))
        }
        for flag in view.lifecycle?.roundFlags ?? [] { lines.append((vi ? "Lưu ý" : "Flag", flag.text(language))) }
        if let text = view.lastEvent?.text(language) { lines.append((vi ? "Ghi chú" : "Note", text)) }
        var out = Output.record(lines)
        if view.status == .returned, !view.missing.isEmpty {
            out += "\n\n" + (vi ? "Cần bổ sung:" : "Missing:") + "\n" + view.missing.map { "  - " + Output.terminalSafe($0) }.joined(separator: "\n")
        }
        return out
    }

    static func show(_ d: Dossier, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [(String, String)] = [
            (vi ? "Hồ sơ" : "Dossier", d.code.rawValue),
            (vi ? "Sản phẩm" : "Product", "\(d.productName) (\(d.productCode)), \(vi ? "bộ" : "set") \(d.productSet)"),
            (vi ? "Chủ thể" : "Producer", d.producerName),
            (vi ? "Loại" : "Kind", d.kind.label(language)),
            (vi ? "Kỳ" : "Round", "\(d.round)/\(d.year)" + (d.filedOn.map { vi ? ", nộp ngày \($0.display(.vi))" : ", filed \($0.display(.en))" } ?? "")),
            (vi ? "Trạng thái" : "Status", vi ? d.status.label(.vi) : "\(d.status.rawValue) — \(d.status.label(.en))"),
            (vi ? "Hạng đề nghị" : "Target", d.targetStars.map { "\($0)★" } ?? "—"),
            (vi ? "Bộ tiêu chí" : "Rubric", d.rubricVersion + (d.rubricHash.map { " (\($0.prefix(12))…)" } ?? "")),
            (vi ? "Mở lúc" : "Opened", Output.date(d.openedAt, language)),
        ]
        if !d.missing.isEmpty { lines.append((vi ? "Cần bổ sung" : "Missing", d.missing.joined(separator: "; "))) }
        let allowed = DossierWorkflow.allowedNext(from: d.status, returnedFrom: d.returnedFrom)
        lines.append((vi ? "Bước được phép" : "Allowed steps", allowed.isEmpty ? "—" : allowed.map { $0.shortLabel(language) }.joined(separator: ", ")))
        return Output.record(lines)
    }

    static func history(_ events: [DossierEvent], format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        struct Row: Encodable {
            let at: Date; let actor: String; let action: String; let from: String?; let to: String; let note: String?; let missing: [String]
        }
        if format == .json {
            return Output.json(events.map { e in
                Row(at: e.at, actor: e.actor, action: e.action.rawValue, from: e.from?.rawValue, to: e.to.rawValue, note: e.text(language), missing: e.missing)
            })
        }
        try require(format, in: [.table, .text, .csv, .json])
        let headers = vi ? ["thời điểm", "người thực hiện", "thao tác", "từ", "sang", "ghi chú"] : ["at", "by", "action", "from", "to", "note"]
        let cells = events.map { e in
            [Output.date(e.at, language), e.actor, e.action.label(language), e.from?.shortLabel(language) ?? "", e.to.shortLabel(language),
             [e.text(language), e.missing.isEmpty ? nil : (vi ? "thiếu: " : "missing: ") + e.missing.joined(separator: "; ")].compactMap { $0 }.joined(separator: " — ")]
        }
        return format == .csv ? Output.csv(headers: headers, rows: cells) : Output.table(headers: headers, rows: cells)
    }
}
