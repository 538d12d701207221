import Foundation
import OCOPDomain
import OCOPModels

/// The lifecycle's documents as Markdown (or plain text): the same models OCOPDocuments prints
/// as PDF, laid out as NĐ 30 orders them — header, title, căn cứ, articles, signature, annexes.
/// Every sentence comes from `Wording`, the one source the PDF uses too; only the layout is here.
struct DocumentMarkdown {
    let language: Language
    let markdown: Bool
    var words: Wording { Wording(language) }

    private func bold(_ text: String) -> String { markdown ? "**\(text)**" : text }
    private func italic(_ text: String) -> String { markdown ? "*\(text)*" : text }
    private func heading(_ text: String) -> String { markdown ? "# \(text)" : text }
    private func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    /// A line break the PDF makes inside a phrase ("name\ncode") reads as a comma on one line.
    private func oneLine(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: ", ") }

    // MARK: Shared parts

    func header(_ h: AdministrativeHeader) -> [String] {
        var out: [String] = []
        if let parent = h.parentAgency { out.append(parent) }
        out += lines(h.agency).map(bold)
        out.append(words.number(h.number))
        out.append("")
        out.append(bold(words.nation))
        out.append(bold(words.motto))
        out.append(italic(words.placeDate(h.place, h.date)))
        return out.map { markdown && !$0.isEmpty ? $0 + "  " : $0 }
    }

    func bases(_ bases: [String], proposal: Proposal?) -> [String] {
        var out = bases.enumerated().map { i, text in italic(words.basis(text, last: i == bases.count - 1 && proposal == nil)) }
        if let p = proposal { out.append(italic(words.proposal(p))) }
        return out.flatMap { [$0, ""] }
    }

    func articles(_ list: [DocumentArticle]) -> [String] {
        list.flatMap { a in
            [bold(words.article(a.number)) + " " + a.text, ""] + (a.paragraphs.isEmpty ? [] : a.paragraphs + [""])
        }
    }

    func signature(_ s: Signer, recipients: Recipients, firstRecipient: String?) -> [String] {
        var out: [String] = []
        let br = markdown ? "  " : ""
        if let authority = s.authority { out.append(bold(authority) + br) }
        out.append(bold(s.title) + br)
        out.append(italic(language == .vi ? "(đã ký)" : "(signed)") + br)
        out.append(bold(s.name))
        out.append("")
        out.append(bold(italic(words.recipients)))
        let items = (firstRecipient.map { [$0] } ?? []) + recipients.lines
        out += items.map { "- \(words.sentence($0));" }
        out.append("- " + words.archive(recipients.archive))
        return out
    }

    func table(_ headers: [String], _ rows: [[String]]) -> [String] {
        if markdown {
            func cell(_ text: String) -> String { Output.terminalSafe(text).replacingOccurrences(of: "|", with: "/").replacingOccurrences(of: "\n", with: " ") }
            return ["| " + headers.joined(separator: " | ") + " |", "|" + headers.map { _ in "---" }.joined(separator: "|") + "|"]
                + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        }
        return [Output.table(headers: headers, rows: rows)]
    }

    private func annexHeading(_ numeral: String?) -> String {
        markdown ? "## " + words.annex(numeral) : words.annex(numeral).uppercased()
    }

    // MARK: Recognition decision

    func decision(_ d: DecisionDocument) -> String {
        var out = header(d.header)
        out += ["", heading(words.decision), ""]
        out += [bold(words.recognitionSubject(of: d)), "", bold(d.authority), ""]
        out += bases(d.legalBases, proposal: d.proposal)
        out += [bold(words.decides), ""]
        let articles = words.articles(of: d)
        out += self.articles(articles)
        out += signature(d.signer, recipients: d.recipients, firstRecipient: words.asArticle(articles.count))
        for (i, annex) in d.annexes.enumerated() {
            out += ["", annexHeading(Wording.annexNumeral(i, of: d.annexes.count))]
            out += ["", bold(words.annexTitle(annex.subject)), italic(words.annexReference(of: d.header, issuer: d.issuerName)), ""]
            out += table(annex.columns.map(words.column), annex.rows.enumerated().map { j, row in
                annex.columns.map { words.cell($0, of: row, number: j + 1) }
            })
        }
        if let line = d.auditLine { out += ["", italic(line)] }
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }

    // MARK: Revocation decision

    func revocation(_ d: RevocationDecisionDocument) -> String {
        var out = header(d.header)
        out += ["", heading(words.decision), ""]
        out += [bold(words.revocationSubject), "", bold(d.authority), ""]
        out += bases(d.legalBases + d.recognitionDecisions.map(words.reference) + d.findings.map(words.reference), proposal: d.proposal)
        out += [bold(words.decides), ""]
        let articles = words.articles(of: d)
        out += self.articles(articles)
        out += signature(d.signer, recipients: d.recipients, firstRecipient: words.asArticle(articles.count))
        if d.certificates.count > 1 {
            out += ["", annexHeading(nil), "", bold(words.revokedAnnexTitle), italic(words.annexReference(of: d.header, issuer: d.issuerName)), ""]
            out += table(words.revokedColumns, d.certificates.enumerated().map { i, c in
                words.revokedRow(c, number: i + 1, programme: d.programmeDecision).map(oneLine)
            })
        }
        if let line = d.auditLine { out += ["", italic(line)] }
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }

    // MARK: Certificate

    func certificate(_ c: CertificateDocument) -> String {
        var out: [String] = []
        out.append(bold(words.nation))
        out.append(bold(words.motto))
        out.append(bold(c.issuer))
        out += ["", heading(words.certificate), "", bold(words.ocopProduct) + " " + String(repeating: "★", count: c.stars), ""]
        out.append(words.certificateNumber(c.certificateNumber))
        out.append(words.productLabel + bold(c.productName.uppercased()))
        out.append(words.productCodeLabel + c.productCode)
        out.append(words.productSetLabel + words.setLabel(c.productSet))
        out.append(words.producerLabel + bold(c.producerName))
        out.append(words.addressLabel + c.producerAddress)
        out.append(words.participation(year: c.year, round: c.round).replacingOccurrences(of: "\n", with: " "))
        out.append(words.ratedLabel + bold(words.stars(c.stars)))
        if let score = c.score { out.append(words.score(score)) }
        out.append("")
        out.append(italic(words.placeDate(c.place, c.issuedOn)))
        if let authority = c.signer.authority { out.append(bold(authority)) }
        out += [bold(c.signer.title), bold(c.signer.name), ""]
        out.append(italic(words.decisionLine(c.decisionNumber)))
        out.append(italic(words.dateLine(c.decisionDate)))
        out.append(italic(words.validUntil(c.validUntil)))
        return out.map { markdown && !$0.isEmpty && !$0.hasPrefix("#") ? $0 + "  " : $0 }.map(Output.terminalSafe).joined(separator: "\n")
    }

    // MARK: Notice

    func notice(_ n: NoticeDocument) -> String {
        let e = n.evaluation
        var out = header(n.header)
        out += ["", heading(words.noticeTitle), ""]
        out += [bold(words.noticeSubject(province: n.provinceName, round: n.round, year: n.year)), ""]
        out += bases(n.legalBases + [words.reference(n.minutes)], proposal: nil)
        out += [words.noticeOpening(issuer: n.issuerName, producer: e.producerName, address: e.producerAddress, commune: n.commune), ""]
        out += words.noticeParagraphs(e, commune: n.commune)
        out += ["", words.noticeClosing(issuer: n.issuerName, producer: e.producerName, commune: n.commune), ""]
        out += signature(n.signer, recipients: n.recipients, firstRecipient: nil)
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }
}
