import Foundation
import OCOPDomain
import OCOPModels

/// Text for council commands.
enum CouncilRender {
    static func stars(_ result: StoredResult, _ language: Language, level: CouncilLevel = .provincial) -> String {
        stars(result.rating, language, level: level)
    }

    /// "4★", "5★ (đề xuất trung ương)"; at the central council a 5★ result goes to the Minister.
    static func stars(_ r: RatingResult, _ language: Language, level: CouncilLevel = .provincial) -> String {
        let vi = language == .vi
        if r.disqualified { return vi ? "bị loại" : "disqualified" }
        guard let stars = r.stars else { return "—" }
        if r.proposedToCentral, level == .central {
            return "\(stars)★ " + (vi ? "(đề nghị Bộ trưởng công nhận)" : "(proposed for the Minister's recognition)")
        }
        if r.proposedToCentral { return "\(stars)★ " + (vi ? "(đề xuất trung ương)" : "(proposed to the central council)") }
        return "\(stars)★" + (r.recognised ? "" : (vi ? " (không công nhận)" : " (not recognised)"))
    }

    /// What the council concluded, as the minutes say it: its proposal, not a workflow state.
    static func conclusion(_ r: StoredResult, level: CouncilLevel, _ language: Language) -> String {
        let vi = language == .vi
        let stars = r.rating.stars ?? 0
        switch r.outcome {
        case .proposedCentral:
            return vi ? "Đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao" : "Proposed to the Ministry for 5★ evaluation and recognition"
        case .awaitingDecision where level == .central && r.rating.proposedToCentral:
            return vi ? "Đề nghị Bộ trưởng công nhận 5 sao" : "Proposed for the Minister's recognition at 5★"
        case .awaitingDecision where level == .central:
            return vi ? "Dưới 90 điểm: chuyển Ủy ban nhân dân cấp tỉnh xem xét công nhận \(stars) sao (điểm g khoản 4 Điều 7)"
                : "Below 90 points: back to the province, which may recognise \(stars)★ (Art. 7.4.g)"
        case .awaitingDecision:
            return vi ? "Đề nghị công nhận \(stars) sao" : "Proposed for recognition at \(stars)★"
        case .notRecognised:
            return vi ? "Không công nhận" : "Not recognised"
        default:
            return r.outcome.label(language)
        }
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
        // Person codes in one column, across members and advisers.
        let width = (c.councilMembers.map(\.person.description.count) + c.advisoryTeam.map(\.person.description.count)).max() ?? 0
        func code(_ person: some CustomStringConvertible) -> String { person.description.padding(toLength: width, withPad: " ", startingAt: 0) }
        for m in c.councilMembers { text += "\n  \(code(m.person))  \(Output.terminalSafe(m.name)) — \(m.role.label(language))" + (m.organisation.map { ", \(Output.terminalSafe($0))" } ?? "") }
        if !c.advisoryTeam.isEmpty {
            text += "\n" + (vi ? "Tổ tư vấn (không chấm điểm):" : "Advisory team (does not score):")
            for m in c.advisoryTeam { text += "\n  \(code(m.person))  \(Output.terminalSafe(m.name))" + (m.organisation.map { ", \(Output.terminalSafe($0))" } ?? "") }
        }
        return text
    }

    static func statusTable(_ report: SessionReport, _ language: Language) -> String {
        let vi = language == .vi
        let s = report.snapshot
        var out = vi ? "Phiên \(s.code) — \(Output.terminalSafe(s.council.name)) — ngày \(s.heldOn.display(.vi)) — \(s.status.label(.vi))"
            : "Session \(s.code) — \(Output.terminalSafe(s.council.name)) — \(s.heldOn.display(.en)) — \(s.status.label(.en))"
        out += "\n\n"
        let rows: [[String]] = zip(s.dossiers, report.assessments).map { d, a in
            let rating = d.result?.rating ?? a.result
            let state: String
            if let r = d.result { state = stars(r, language, level: s.council.level) }
            else if d.deferral != nil { state = vi ? "hoãn" : "deferred" }
            else if d.leftProcedure { state = vi ? "đã rút" : "withdrawn" }
            else if a.canFinalize, a.knockedOut { state = vi ? "sẵn sàng kết luận (bị loại)" : "ready to finalize (disqualified)" }
            else if a.canFinalize { state = vi ? "sẵn sàng kết luận" : "ready to finalize" }
            else if a.needsDiscussion { state = vi ? "cần thảo luận, chấm lại" : "discuss and re-score" }
            else { state = vi ? "đang chấm" : "scoring" }
            let flags = !d.isOpen ? "" : a.flags.map { $0.id + (a.overridden.contains($0.id) ? (vi ? " (CT đã quyết)" : " (overridden)") : "") }.joined(separator: ", ")
            return [d.code.rawValue, d.productName, "\(a.scored.count)/\(a.eligible.count)", missing(a, language),
                    rating?.average.display(language) ?? "—", rating.map { String($0.spread) } ?? "—", flags, state]
        }
        out += Output.table(headers: vi ? ["hồ sơ", "sản phẩm", "đã chấm", "chưa chấm", "TB", "chênh lệch", "cảnh báo", "tình trạng"]
                                : ["dossier", "product", "scored", "missing", "average", "spread", "flags", "state"], rows: rows)
        let details = zip(s.dossiers, report.assessments).filter { $0.0.isOpen && !$0.1.flags.isEmpty }
        if !details.isEmpty {
            out += "\n\n" + (vi ? "Cảnh báo:" : "Flags:")
            for (d, a) in details {
                for f in a.flags {
                    out += "\n  \(d.code) [\(f.id)] " + Output.terminalSafe(f.text(language)) + (a.overridden.contains(f.id) ? (vi ? " — Chủ tịch đã quyết định" : " — overridden by the chair") : "")
                }
            }
        }
        let deferred = s.dossiers.filter { $0.deferral != nil }
        if !deferred.isEmpty {
            out += "\n\n" + (vi ? "Hoãn xét:" : "Deferred:")
            for d in deferred { out += "\n  \(d.code): " + Output.terminalSafe(d.deferral?.reason ?? "") }
        }
        let withdrawn = s.dossiers.filter(\.leftProcedure)
        if !withdrawn.isEmpty {
            out += "\n\n" + (vi ? "Đã rút (hội đồng không xét): " : "Withdrawn (not considered): ") + withdrawn.map(\.code.rawValue).joined(separator: ", ")
        }
        return out
    }

    /// Who has still to score: the members present by code (all of them, while nobody has scored,
    /// by number), then the absent ones, who cannot score unless their attendance changes.
    static func missing(_ a: DossierAssessment, _ language: Language) -> String {
        let vi = language == .vi
        let away = a.missing.filter(a.absent.contains)
        let present = a.missing.filter { !a.absent.contains($0) }
        var parts: [String] = []
        if a.scored.isEmpty, present.count > 1 {
            parts.append(vi ? "cả \(present.count) thành viên có mặt" : "all \(present.count) present")
        } else if !present.isEmpty {
            parts.append(present.joined(separator: " "))
        }
        if !away.isEmpty { parts.append((vi ? "vắng: " : "absent: ") + away.joined(separator: " ")) }
        return parts.joined(separator: "; ")
    }

    static func finalization(_ report: FinalizationReport, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        if report.decided.isEmpty {
            lines.append(vi ? "Không có hồ sơ mới để kết luận (đã kết luận: \(report.alreadyDecided.count))."
                            : "Nothing new to decide (already decided: \(report.alreadyDecided.count)).")
        } else {
            lines.append(vi ? "Kết thúc phiên: \(report.decided.count) hồ sơ có kết quả." : "Session finalized: \(englishCount(report.decided.count, "dossier")) decided.")
        }
        for d in report.decided {
            let r = d.result
            lines.append("\(d.dossier) \(Output.terminalSafe(d.productName)): \(r.rating.average.display(language)) — \(stars(r, language, level: report.level)) → \(r.outcome.shortLabel(language))")
            // The council's reasoning; the spread stays in the minutes.
            lines += r.rating.reasons.filter { if case .spread = $0 { false } else { true } }.map { "    - " + $0.text(language, level: report.level) }
        }
        if !report.deferred.isEmpty {
            lines.append((vi ? "Hoãn xét (không kết luận ở phiên này): " : "Deferred (not decided in this session): ") + report.deferred.map(\.rawValue).joined(separator: ", "))
        }
        if !report.withdrawn.isEmpty {
            lines.append((vi ? "Đã rút khỏi phiên: " : "Withdrawn from the session: ") + report.withdrawn.map(\.rawValue).joined(separator: ", "))
        }
        if report.sessionFinalized { lines.append(vi ? "Phiên \(report.session) đã kết thúc." : "Session \(report.session) is finalized.") }
        return lines.joined(separator: "\n")
    }

    /// What a session's mode, rounds and deadlines add to its status: nothing for an ordinary
    /// meeting on time.
    static func lifecycle(_ view: SessionLifecycleView, today: CalendarDate, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        if view.mode == .writtenOpinions {
            lines.append(vi ? "Hình thức: lấy ý kiến bằng văn bản (điểm d khoản 6 Điều 7)." : "Mode: written opinions (Art. 7.6.d).")
            if let on = view.convenedOn {
                lines.append(vi ? "Hội đồng đã họp trực tiếp ngày \(on.display(.vi))\(view.convenedPlace.map { " tại \($0)" } ?? ""): \(view.convenedReason ?? "")"
                                : "The council met on \(on.display(.en))\(view.convenedPlace.map { " at \($0)" } ?? ""): \(view.convenedReason ?? "")")
            } else if view.needsMeeting {
                lines.append(vi ? "Ý kiến khác nhau: cần họp trực tiếp trước khi Chủ tịch quyết định (hoặc các thành viên chấm lại)."
                                : "Opinions diverge: the council must meet before the chair decides (or the members re-score).")
            }
        }
        for d in view.dossiers {
            for reason in d.meetingReasons { lines.append("\(d.dossier): " + reason(language)) }
            for flag in d.roundFlags { lines.append("\(d.dossier): " + flag.text(language)) }
            if let deadline = d.reEvaluation {
                var text = vi ? "\(d.dossier): đánh giá lại, hạn 45 ngày đến hết ngày \(deadline.deadline.display(.vi))"
                              : "\(d.dossier): re-evaluation, due within 45 days, by \(deadline.deadline.display(.en))"
                if let flag = d.overdueFlag(today: today, language) { text += " — " + flag }
                lines.append(text)
            }
        }
        return lines.isEmpty ? "" : "\n\n" + lines.map(Output.terminalSafe).joined(separator: "\n")
    }
}
