import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// Drafts and decisions as tables, CSV, JSON and text.
enum DecisionRender {
    /// The sections of a draft, in the order they are read.
    static func sections(_ d: DecisionDraft, _ language: Language) -> [(id: String, title: String, rows: [DecisionCandidateView])] {
        let vi = language == .vi
        return [
            ("recognise", vi ? "Công nhận, cấp giấy chứng nhận" : "Recognised, with a certificate", d.recognise),
            ("not_granted", vi ? "Không công nhận nâng hạng (giấy chứng nhận hiện có giữ nguyên)" : "Upgrade not granted (the existing certificate stays)", d.notGranted),
            ("propose_central", vi ? "Phê duyệt kết quả từ 90 điểm, đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5★" : "≥ 90 points approved and proposed to the Ministry for 5★", d.proposeCentral),
            ("notice", vi ? "Không đạt 3★: thông báo bằng văn bản, không ban hành quyết định (Điều 4.1.a, 7.3.g)" : "Below 3★: a written notice, no decision (Art. 4.1.a, 7.3.g)", d.notices),
            ("refused", vi ? "Không thể đưa vào quyết định" : "Cannot be in the decision", d.refused),
        ]
    }

    static func headers(_ language: Language) -> [String] {
        language == .vi ? ["hồ sơ", "sản phẩm", "mã sản phẩm", "loại", "điểm", "sao", "hội đồng", "kết quả ngày", "thay thế", "lý do"]
            : ["dossier", "product", "product code", "kind", "score", "stars", "council", "result on", "supersedes", "reason"]
    }

    static func row(_ c: DecisionCandidateView, _ language: Language) -> [String] {
        [c.dossier.rawValue, c.productName, c.productCode, c.kind.label(language), c.score.display(language), c.stars.map { "\($0)★" } ?? "—",
         c.councilLevel == .central ? (language == .vi ? "trung ương" : "central") : (language == .vi ? "tỉnh" : "provincial"),
         c.resultOn.display(language), c.supersedes?.description ?? "", c.problems.map { $0(language) }.joined(separator: " ")]
    }

    static func draft(_ d: DecisionDraft, format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        let sections = sections(d, language)
        switch format {
        case .json:
            struct Entry: Encodable {
                let section, dossier, kind, product, productCode, producer, council, resultOn, score: String
                let stars: Int?
                let basis, supersedes: String?
                let problems: [String]
            }
            struct Draft: Encodable { let authority, decidedOn: String; let entries: [Entry] }
            return Output.json(Draft(authority: d.authority.code, decidedOn: d.decidedOn.iso, entries: sections.flatMap { s in
                s.rows.map { c in
                    Entry(section: s.id, dossier: c.dossier.rawValue, kind: c.kind.rawValue, product: c.productName, productCode: c.productCode,
                          producer: c.producerName, council: c.councilLevel.rawValue, resultOn: c.resultOn.iso, score: c.score.plain, stars: c.stars,
                          basis: c.basis?.description, supersedes: c.supersedes?.description, problems: c.problems.map { $0(language) })
                }
            }))
        case .csv:
            return Output.csv(headers: [vi ? "mục" : "section"] + headers(language), rows: sections.flatMap { s in s.rows.map { [s.id] + row($0, language) } })
        case .table, .text, .markdown:
            let markdown = format == .markdown
            var out = [(markdown ? "# " : "") + (vi ? "Dự thảo quyết định của \(d.authority.label(.vi)), ngày \(d.decidedOn.display(.vi))"
                                                     : "Draft decision of the \(d.authority.label(.en)), dated \(d.decidedOn.display(.en))")]
            for s in sections where !s.rows.isEmpty {
                out += ["", (markdown ? "## " : "") + "\(s.title) (\(s.rows.count))", ""]
                // The reason column only where there is a reason to give.
                let reasons = s.rows.contains { !$0.problems.isEmpty }
                let head = headers(language), rows = s.rows.map { row($0, language) }
                out += DocumentMarkdown(language: language, markdown: markdown).table(reasons ? head : Array(head.dropLast()),
                                                                                       reasons ? rows : rows.map { Array($0.dropLast()) })
            }
            if d.actionable.isEmpty && d.refused.isEmpty && d.notices.isEmpty {
                out.append(vi ? "Không có hồ sơ nào chờ quyết định." : "No dossier awaits a decision.")
            }
            return out.joined(separator: "\n")
        }
    }

    static func issued(_ d: DecisionView, _ language: Language) -> String {
        let vi = language == .vi
        var out: [String] = [(vi ? "Đã ban hành Quyết định số \(d.number) ngày \(d.decidedOn.display(.vi)) (\(d.issuerShort(.vi)), người ký: \(d.signer.name))."
                                 : "Issued decision \(d.number) of \(d.decidedOn.display(.en)) (\(d.issuerShort(.en)), signed by \(d.signer.name)).")]
        for e in d.recognised {
            let replaced = e.candidate.supersedes.map { vi ? "; thay thế \($0) từ ngày \(d.decidedOn.display(.vi))" : "; supersedes \($0) from \(d.decidedOn.display(.en))" } ?? ""
            out.append(vi ? "  \(e.candidate.dossier) \(e.candidate.productName): \(e.stars)★, giấy chứng nhận \(e.certificate?.description ?? "—"), hiệu lực đến \(e.validUntil?.display(.vi) ?? "—")\(replaced)"
                          : "  \(e.candidate.dossier) \(e.candidate.productName): \(e.stars)★, certificate \(e.certificate?.description ?? "—"), valid through \(e.validUntil?.display(.en) ?? "—")\(replaced)")
        }
        for e in d.notGranted {
            out.append(vi ? "  \(e.candidate.dossier) \(e.candidate.productName): không công nhận nâng hạng (kết quả \(e.stars)★); giấy chứng nhận \(e.candidate.basis?.description ?? "—") giữ nguyên"
                          : "  \(e.candidate.dossier) \(e.candidate.productName): upgrade not granted (result \(e.stars)★); certificate \(e.candidate.basis?.description ?? "—") stays")
        }
        for e in d.proposed {
            out.append(vi ? "  \(e.candidate.dossier) \(e.candidate.productName): \(e.candidate.score.display(.vi)) điểm, phê duyệt và đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5★"
                          : "  \(e.candidate.dossier) \(e.candidate.productName): \(e.candidate.score.display(.en)) points, approved and proposed to the Ministry for 5★")
        }
        return out.joined(separator: "\n")
    }

    static func list(_ decisions: [DecisionView], format: OutputFormat, _ language: Language) throws -> String {
        let vi = language == .vi
        struct Item: Encodable {
            let number, issuer, kind, decidedOn, signer: String
            let round: String?
            let recognised, proposed, notGranted, revoked: Int
        }
        let items = decisions.map { d in
            Item(number: d.number.description, issuer: d.authority.code, kind: d.kind.rawValue, decidedOn: d.decidedOn.iso, signer: d.signer.name,
                 round: d.roundNumber.map { "\($0)/\(d.roundYear ?? d.decidedOn.year)" }, recognised: d.recognised.count, proposed: d.proposed.count,
                 notGranted: d.notGranted.count, revoked: d.revoked.count)
        }
        if format == .json { return Output.json(items) }
        let headers = vi ? ["số", "ngày", "cơ quan", "loại", "đợt", "công nhận", "đề nghị 5★", "không nâng hạng", "thu hồi", "người ký"]
            : ["number", "date", "issuer", "kind", "round", "recognised", "proposed 5★", "not granted", "revoked", "signed by"]
        let rows = zip(decisions, items).map { d, i in
            [i.number, d.decidedOn.display(language), d.issuerShort(language), d.kind.label(language), i.round ?? "", String(i.recognised),
             String(i.proposed), String(i.notGranted), String(i.revoked), i.signer]
        }
        switch format {
        case .csv: return Output.csv(headers: headers, rows: rows)
        case .markdown: return DocumentMarkdown(language: language, markdown: true).table(headers, rows).joined(separator: "\n")
        default: return Output.table(headers: headers, rows: rows)
        }
    }

    /// `decision show` as a record and its rows.
    static func show(_ d: DecisionView, _ language: Language) -> String {
        let vi = language == .vi
        var out = Output.record([
            (vi ? "Quyết định" : "Decision", "\(d.number) — \(d.kind.label(language))"),
            (vi ? "Cơ quan ban hành" : "Issued by", d.issuerShort(language)),
            (vi ? "Ngày" : "Date", d.decidedOn.display(language) + ", " + d.place),
            (vi ? "Người ký" : "Signed by", [d.signer.prefix, d.signer.title, d.signer.name].compactMap { $0 }.joined(separator: " / ")),
        ] + (d.roundNumber.map { [(vi ? "Đợt" : "Round", "\($0)/\(d.roundYear ?? d.decidedOn.year)")] } ?? []))
        if !d.entries.isEmpty {
            out += "\n\n" + Output.table(
                headers: vi ? ["STT", "hồ sơ", "sản phẩm", "mã sản phẩm", "điểm", "sao", "kết quả", "giấy chứng nhận", "hiệu lực đến", "thay thế"]
                            : ["#", "dossier", "product", "product code", "score", "stars", "outcome", "certificate", "valid through", "supersedes"],
                rows: d.entries.map { e in
                    [String(e.position), e.candidate.dossier.rawValue, e.candidate.productName, e.candidate.productCode, e.candidate.score.display(language),
                     "\(e.stars)★", outcome(e.outcome, language), e.certificate?.description ?? "", e.validUntil?.display(language) ?? "",
                     e.candidate.supersedes?.description ?? ""]
                })
        }
        if !d.revoked.isEmpty {
            out += "\n\n" + Output.table(
                headers: vi ? ["giấy chứng nhận", "sản phẩm", "sao", "căn cứ", "kết luận ngày", "hạn 15 ngày", "ghi chú"]
                            : ["certificate", "product", "stars", "ground", "finding of", "15-day deadline", "note"],
                rows: d.revoked.map { r in
                    [r.certificate.number.description, r.certificate.productName, "\(r.certificate.stars)★", r.revocation.ground.citation(language),
                     r.revocation.findingOn.display(language), r.revocation.timing.deadline.display(language), r.revocation.timing.lateFlag(language) ?? ""]
                })
        }
        return out
    }

    static func outcome(_ o: DecisionEntryView.Outcome, _ language: Language) -> String {
        let vi = language == .vi
        switch o {
        case .recognised: return vi ? "công nhận" : "recognised"
        case .proposedCentral: return vi ? "đề nghị 5★" : "proposed 5★"
        case .notGranted: return vi ? "không nâng hạng" : "upgrade not granted"
        }
    }

    static func csv(_ d: DecisionView, _ language: Language) -> String {
        Output.csv(headers: ["position", "dossier", "product", "product_code", "producer", "kind", "score", "stars", "outcome", "certificate", "valid_until", "supersedes"],
                   rows: d.entries.map { e in
            [String(e.position), e.candidate.dossier.rawValue, e.candidate.productName, e.candidate.productCode, e.candidate.producerName,
             e.candidate.kind.rawValue, e.candidate.score.plain, String(e.stars), e.outcome.rawValue, e.certificate?.description ?? "",
             e.validUntil?.iso ?? "", e.candidate.supersedes?.description ?? ""]
        } + d.revoked.map { r in
            ["", "", r.certificate.productName, r.certificate.productCode, r.certificate.producerName, "", "", String(r.certificate.stars), "revoked",
             r.certificate.number.description, r.certificate.facts.validUntil.iso, ""]
        })
    }
}
