import OCOPDomain
import OCOPModels

extension Wording {
    var minutesTitle: String { vi ? "BIÊN BẢN" : "MINUTES" }
    /// "Họp Hội đồng … tỉnh Bắc Ninh đợt 2 năm 2026": a council named for its year ("… năm 2026")
    /// is not followed by the year twice; the central council meets outside the provinces' rounds.
    func meeting(council: String, level: CouncilLevel, round: Int, year: Int) -> String {
        if level == .central { return vi ? "Họp \(council)" : "Meeting of the \(council)" }
        let suffix = " năm \(year)"
        let name = council.hasSuffix(suffix) ? String(council.dropLast(suffix.count)) : council
        return vi ? "Họp \(name) đợt \(round) năm \(year)" : "Meeting of the \(name), round \(round) of \(year)"
    }
    func startLine(_ time: ClockTime, _ date: CalendarDate) -> String {
        vi ? "Thời gian bắt đầu: \(self.time(time)), \(longDate(date))." : "Start: \(self.time(time)), \(longDate(date))."
    }
    func venue(_ place: String) -> String { vi ? "Địa điểm: \(place)." : "Venue: \(place)." }
    func establishedBy(_ ref: String) -> String {
        vi ? "Hội đồng được thành lập theo \(ref)." : "The council was set up by \(ref)."
    }
    var attendance: String { vi ? "Thành phần tham dự:" : "Attendance:" }
    func membersPresent(_ present: Int, _ total: Int) -> String {
        vi ? "a) Thành viên Hội đồng có mặt (\(Self.count(present))/\(Self.count(total))):" : "a) Council members present (\(present)/\(total)):"
    }
    func role(_ r: CouncilRole) -> String {
        switch r {
        case .chair: vi ? "Chủ tịch Hội đồng" : "Chair of the council"
        case .viceChair: vi ? "Phó Chủ tịch Hội đồng" : "Vice-chair of the council"
        case .member: vi ? "Ủy viên" : "Member"
        case .secretary: vi ? "Ủy viên, Thư ký Hội đồng" : "Member, secretary of the council"
        case .advisor: vi ? "Tổ tư vấn" : "Advisory team"
        }
    }
    func absent(_ names: [String]) -> String { vi ? "Vắng mặt: \(names.joined(separator: "; "))." : "Absent: \(names.joined(separator: "; "))." }
    func guests(_ list: [String]) -> String {
        vi ? "b) Tổ tư vấn, khách mời: \(list.joined(separator: "; "))." : "b) Advisory team and guests: \(list.joined(separator: "; "))."
    }
    func quorum(present: Int, total: Int, required: Int) -> String {
        let met = present >= required
        if vi {
            return "Số thành viên có mặt: \(Self.count(present))/\(Self.count(total)); yêu cầu tối thiểu theo Quy chế hoạt động của Hội đồng: \(Self.count(required)) thành viên; "
                + (met ? "phiên họp đủ điều kiện tiến hành." : "phiên họp không đủ điều kiện tiến hành.")
        }
        return "Members present: \(present)/\(total); the council's rules require \(required); "
            + (met ? "the meeting may proceed." : "the meeting is not quorate.")
    }
    func chairLine(_ m: CouncilMember) -> String {
        vi ? "Chủ trì (chủ tọa): \(m.name), \(m.position), Chủ tịch Hội đồng." : "Chair: \(m.name), \(m.position), chair of the council."
    }
    func secretaryLine(_ m: CouncilMember) -> String {
        vi ? "Thư ký (người ghi biên bản): \(m.name), \(m.position)." : "Secretary (minute-taker): \(m.name), \(m.position)."
    }
    var content: String { vi ? "Nội dung:" : "Proceedings:" }
    var resultsSection: String { vi ? "1. Kết quả đánh giá, phân hạng từng sản phẩm" : "1. Evaluation and rating of each product" }
    var discussionSection: String { vi ? "2. Ý kiến thảo luận và kết luận của Hội đồng" : "2. Discussion and conclusions of the council" }
    func productHeading(_ index: String, _ e: ProductEvaluation) -> String {
        vi ? "\(index). \(e.productName) (mã số \(e.productCode))" : "\(index). \(e.productName) (code \(e.productCode))"
    }
    func producerLine(_ e: ProductEvaluation) -> String {
        let address = e.producerAddress.map { ", \($0)" } ?? ""
        return vi ? "- Chủ thể: \(e.producerName)\(address); bộ sản phẩm: \(setLabel(e.productSet))."
            : "- Producer: \(e.producerName)\(address); product set: \(setLabel(e.productSet))."
    }
    func memberTotals(_ totals: [MemberTotal]) -> String {
        let list = totals.map { "\($0.member) \($0.total)" }.joined(separator: "; ")
        return vi ? "- Tổng điểm của từng thành viên: \(list)." : "- Each member's total: \(list)."
    }
    func meanLine(_ e: ProductEvaluation) -> String {
        vi ? "- Điểm trung bình: \(points(e.mean)) điểm; chênh lệch giữa tổng điểm cao nhất và thấp nhất: \(e.spread) điểm."
            : "- Mean: \(points(e.mean)) points; spread between the highest and lowest totals: \(englishCount(e.spread, "point"))."
    }
    func unmetLine(_ list: [UnmetMinimum]) -> String {
        let body = list.isEmpty ? (vi ? "không" : "none") : list.map(unmet).joined(separator: "; ")
        return (vi ? "- Yêu cầu tối thiểu chưa đạt: " : "- Unmet star minimums: ") + body + "."
    }
    func knockOutLine(_ list: [String]) -> String {
        let body = list.isEmpty ? (vi ? "không" : "none") : list.map { "«\($0)»" }.joined(separator: "; ")
        return (vi ? "- Trường hợp bị loại: " : "- Knock-outs: ") + body + "."
    }
    func resultLine(_ e: ProductEvaluation) -> String {
        guard let stars = e.stars else { return vi ? "- Kết quả: bị loại, không xếp hạng." : "- Result: disqualified, not rated." }
        if stars == e.band { return vi ? "- Kết quả: đạt hạng \(stars) sao." : "- Result: \(self.stars(stars))." }
        return vi ? "- Kết quả: \(e.band) sao theo điểm; xếp hạng \(stars) sao." : "- Result: \(self.stars(e.band)) by points; rated \(self.stars(stars))."
    }
    func proposalLine(_ e: ProductEvaluation) -> String {
        switch e.proposal {
        case .recognise:
            return vi ? "- Đề xuất: công nhận sản phẩm đạt hạng \(e.stars ?? 0) sao." : "- Proposal: recognise the product at \(stars(e.stars ?? 0))."
        case .proposeFiveStars:
            return vi ? "- Đề xuất: phê duyệt kết quả đánh giá, đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao."
                : "- Proposal: approve the result and propose the product to the Ministry of Agriculture and Environment for 5-star evaluation and recognition."
        case .recommendFiveStars:
            return vi ? "- Đề xuất: đề nghị Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận sản phẩm OCOP 5 sao."
                : "- Proposal: propose that the Minister of Agriculture and Environment recognise the product at 5 stars."
        case .backToProvince:
            return vi ? "- Đề xuất: sản phẩm đạt dưới 90 điểm; chuyển Ủy ban nhân dân cấp tỉnh xem xét công nhận hạng \(e.stars ?? 0) sao theo kết quả đánh giá này (điểm g khoản 4 Điều 7)."
                : "- Proposal: below 90 points; back to the province, which may recognise the product at \(stars(e.stars ?? 0)) on this result (Art. 7.4.g)."
        case .notRecognised:
            return vi ? "- Đề xuất: không công nhận, không cấp giấy chứng nhận." : "- Proposal: not recognised, no certificate."
        }
    }
    func reasonLine(_ e: ProductEvaluation) -> String { (vi ? "- Lý do: " : "- Reason: ") + reason(e) + "." }
    func note(_ text: String) -> String { (vi ? "- Ý kiến thảo luận: " : "- Discussion: ") + text }
    func summary(_ products: [ProductEvaluation], level: CouncilLevel) -> String {
        let none = products.filter { $0.proposal == .notRecognised }.count
        if level == .central {
            let five = products.filter { $0.proposal == .recommendFiveStars }.count
            let back = products.filter { $0.proposal == .backToProvince }.count
            if vi {
                return "Hội đồng thống nhất đề nghị Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận \(Self.count(five)) sản phẩm đạt hạng 5 sao; \(Self.count(back)) sản phẩm đạt dưới 90 điểm chuyển Ủy ban nhân dân cấp tỉnh xem xét công nhận theo kết quả đánh giá (điểm g khoản 4 Điều 7); \(Self.count(none)) sản phẩm không đạt (chi tiết tại Phụ lục kèm theo)."
            }
            return "The council agreed to propose that the Minister of Agriculture and Environment recognise \(englishCount(five, "product")) at 5 stars; \(englishCount(back, "product")) below 90 points \(back == 1 ? "goes" : "go") back to the province, which may recognise \(back == 1 ? "it" : "them") on this result (Art. 7.4.g); \(englishCount(none, "product")) \(none == 1 ? "is" : "are") not recognised (details in the attached annex)."
        }
        let four = products.filter { $0.proposal == .recognise && $0.stars == 4 }.count
        let three = products.filter { $0.proposal == .recognise && $0.stars == 3 }.count
        let five = products.filter { $0.proposal == .proposeFiveStars }.count
        if vi {
            return "Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân cấp tỉnh công nhận \(Self.count(four)) sản phẩm đạt hạng 4 sao và \(Self.count(three)) sản phẩm đạt hạng 3 sao; phê duyệt kết quả, đề xuất cấp trung ương đánh giá \(Self.count(five)) sản phẩm đạt từ 90 điểm trở lên; \(Self.count(none)) sản phẩm không đạt (chi tiết tại Phụ lục kèm theo)."
        }
        return "The council agreed to propose that the provincial chair recognise \(englishCount(four, "product")) at 4 stars and \(three) at 3 stars; to approve and propose \(englishCount(five, "product")) of 90 points or more to the central level; \(englishCount(none, "product")) \(none == 1 ? "is" : "are") not recognised (details in the attached annex)."
    }
    func closing(_ time: ClockTime, _ date: CalendarDate) -> String {
        vi ? "Cuộc họp kết thúc vào \(self.time(time)), \(longDate(date))\(endMark)" : "The meeting closed at \(self.time(time)), \(longDate(date))\(endMark)"
    }
    var secretary: String { vi ? "THƯ KÝ" : "SECRETARY" }
    var chair: String { vi ? "CHỦ TỌA" : "CHAIR" }
    var summaryTitle: String {
        vi ? "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM" : "SUMMARY OF PRODUCT EVALUATION AND RATING"
    }
    func minutesReference(number: String, date: CalendarDate, council: String) -> String {
        vi ? "(Kèm theo Biên bản số \(number) \(longDate(date)) của \(council))" : "(Attached to Minutes No. \(number) of \(longDate(date)) of the \(council))"
    }
    func memberKey(_ i: Int) -> String { vi ? "TV\(i)" : "M\(i)" }
    func legend(_ names: [String]) -> String {
        let list = names.enumerated().map { "\(memberKey($0 + 1)): \($1)" }.joined(separator: "; ")
        return (vi ? "Thành viên chấm điểm: " : "Scoring members: ") + list + "."
    }
    var summaryColumns: (number: String, product: String, producer: String, set: String, mean: String, spread: String, stars: String, proposal: String) {
        vi ? ("STT", "Tên sản phẩm, mã số", "Chủ thể", "Bộ", "Điểm TB", "Chênh lệch", "Hạng sao", "Đề xuất")
            : ("No.", "Product, code", "Producer", "Set", "Mean", "Spread", "Stars", "Proposal")
    }
    func proposalShort(_ p: CouncilProposal, stars: Int?) -> String {
        switch p {
        case .recognise: vi ? "Công nhận \(stars ?? 0) sao" : "Recognise, \(stars ?? 0) stars"
        case .proposeFiveStars: vi ? "Đề xuất 5 sao" : "Propose 5 stars"
        case .recommendFiveStars: vi ? "Đề nghị công nhận 5 sao" : "Recognise, 5 stars"
        case .backToProvince: vi ? "Chuyển tỉnh, \(stars ?? 0) sao" : "Back to the province, \(stars ?? 0) stars"
        case .notRecognised: vi ? "Không công nhận" : "Not recognised"
        }
    }
}

/// Biên bản họp Hội đồng (NĐ 30 Mẫu 1.9; documents.md §4.2) with its score-summary annex.
struct MinutesRenderer {
    let document: MinutesDocument
    private var words: Wording { Wording(document.language) }
    private var parts: Administrative { Administrative(document.language, document.layout) }

    var metadata: PDFMetadata {
        PDFMetadata(title: words.minutesTitle.capitalizedFirst + " " + document.header.number,
                    author: document.header.agency.replacingOccurrences(of: "\n", with: " "),
                    subject: words.meeting(council: document.councilName, level: document.level, round: document.round, year: document.year),
                    date: document.header.date)
    }

    private func member(_ role: CouncilRole) throws -> CouncilMember {
        let found = document.members.filter { $0.role == role }
        guard found.count == 1 else {
            let name = role == .chair ? LocalizedText(vi: "chủ tọa", en: "chair") : LocalizedText(vi: "thư ký", en: "secretary")
            throw DocumentError.invalidDocument(LocalizedText(
                vi: "Biên bản \(document.header.number) cần đúng một \(name.vi) trong danh sách thành viên (có \(found.count)).",
                en: "Minutes \(document.header.number) need exactly one \(name.en) among the members (found \(found.count))."))
        }
        return found[0]
    }

    func validate() throws {
        try parts.validate()
        _ = try member(.chair)
        _ = try member(.secretary)
    }

    func render(_ flow: Flow) throws {
        let d = document, words = self.words, parts = self.parts
        let chair = try member(.chair), secretary = try member(.secretary)
        let body = parts.body, spacing = d.layout.paragraphSpacing
        func line(_ text: String, bold: Bool = false, keep: Bool = false) -> Block {
            .paragraph(Paragraph(text, body.with { $0.bold = bold }, spaceAfter: spacing / 2, keepWithNext: keep))
        }

        try flow.beginSection(parts.portrait(), numbering: .fromSecondPage)
        var blocks = try parts.header(d.header, dateLine: false, type: flow.canvas.type)
        blocks += parts.title(words.minutesTitle, subject: words.meeting(council: d.councilName, level: d.level, round: d.round, year: d.year), authority: nil)
        blocks.append(line(words.startLine(d.start, d.header.date)))
        blocks.append(line(words.venue(d.venue)))
        blocks.append(line(words.establishedBy(words.reference(d.establishedBy))))
        blocks.append(line(words.attendance, bold: true, keep: true))
        // Advisors (Tổ tư vấn) attend but are not council members (they never count towards the quorum).
        let council = d.members.filter { $0.role != .advisor }
        let present = council.filter(\.present)
        blocks.append(line(words.membersPresent(present.count, council.count), keep: true))
        for m in present { blocks.append(line("- \(m.name), \(m.position), \(words.role(m.role));")) }
        let absent = council.filter { !$0.present }
        if !absent.isEmpty { blocks.append(line(words.absent(absent.map { "\($0.name), \($0.position)" }))) }
        let advisors = d.members.filter { $0.role == .advisor && $0.present }.map { "\($0.name), \($0.position)" }
        if !d.guests.isEmpty || !advisors.isEmpty { blocks.append(line(words.guests(advisors + d.guests))) }
        blocks.append(line(words.quorum(present: present.count, total: council.count, required: d.quorum)))
        blocks.append(line(words.chairLine(chair)))
        blocks.append(line(words.secretaryLine(secretary)))
        blocks.append(line(words.content, bold: true, keep: true))
        blocks.append(line(words.resultsSection, bold: true, keep: true))
        for (i, e) in d.products.enumerated() {
            blocks.append(.paragraph(Paragraph(words.productHeading("1.\(i + 1)", e), body.with { $0.bold = true; $0.italic = true },
                                               spaceBefore: 2, spaceAfter: spacing / 2, keepWithNext: true)))
            var lines = [words.producerLine(e), words.memberTotals(e.memberTotals), words.meanLine(e),
                         words.unmetLine(e.unmetMinimums), words.knockOutLine(e.knockOuts), words.resultLine(e),
                         words.proposalLine(e), words.reasonLine(e)]
            lines += e.notes.map(words.note)
            blocks += lines.map { line($0) }
        }
        blocks.append(line(words.discussionSection, bold: true, keep: true))
        for item in d.discussion { blocks.append(line("- " + item)) }
        blocks.append(line(words.summary(d.products, level: d.level)))
        blocks.append(.paragraph(Paragraph(words.closing(d.end, d.header.date), body, spaceAfter: spacing, keepWithNext: true)))

        let centered = parts.centeredBold
        func signatureColumn(_ title: String, _ name: String) -> [Block] {
            [.paragraph(Paragraph(title, centered)), .space(mm(24)), .paragraph(Paragraph(name, centered))]
        }
        var signature: [Block] = [.space(8), .columns([
            Column(width: 0.5, blocks: signatureColumn(words.secretary, secretary.name)),
            Column(width: 0.5, blocks: signatureColumn(words.chair, chair.name)),
        ])]
        if let recipients = d.recipients {
            var list: [Block] = [.paragraph(Paragraph(words.recipients, TextStyle(size: 12, bold: true, italic: true)))]
            list += recipients.lines.map { .paragraph(Paragraph("- \($0);", TextStyle(size: 11, firstLineIndent: -6))) }
            list.append(.paragraph(Paragraph("- " + words.archive(recipients.archive), TextStyle(size: 11, firstLineIndent: -6))))
            signature.append(.space(14))
            signature.append(.columns([Column(width: 0.5, blocks: list), Column(width: 0.5, blocks: [])]))
        }
        blocks.append(.keepTogether(signature))
        try flow.add(blocks)

        guard !d.products.isEmpty else { return }
        try flow.beginSection(parts.landscape(), numbering: .fromSecondPage)
        var annex = parts.annexHeading(numeral: nil, title: words.summaryTitle,
                                       reference: words.minutesReference(number: d.header.number, date: d.header.date, council: d.councilName))
        let scorers = Self.scorers(d)
        annex.append(.paragraph(Paragraph(words.legend(scorers), TextStyle(size: 12, italic: true), spaceAfter: 6, keepWithNext: true)))
        annex.append(.table(summaryTable(scorers)))
        try flow.add(annex)
    }

    /// Members with a score on any product, in the order of the member list, then any other scorer.
    static func scorers(_ d: MinutesDocument) -> [String] {
        var names = d.members.map(\.name).filter { name in d.products.contains { $0.memberTotals.contains { $0.member == name } } }
        for product in d.products {
            for total in product.memberTotals where !names.contains(total.member) { names.append(total.member) }
        }
        return names
    }

    private func summaryTable(_ scorers: [String]) -> Table {
        let words = self.words
        let size = 11.0
        let head = TextStyle(size: size, bold: true, alignment: .center)
        let left = TextStyle(size: size), center = TextStyle(size: size, alignment: .center)
        let c = words.summaryColumns
        var header = [TableCell(c.number, head), TableCell(c.product, head), TableCell(c.producer, head), TableCell(c.set, head)]
        header += scorers.indices.map { TableCell(words.memberKey($0 + 1), head) }
        header += [TableCell(c.mean, head), TableCell(c.spread, head), TableCell(c.stars, head), TableCell(c.proposal, head)]
        let rows = document.products.enumerated().map { i, e -> TableRow in
            var cells = [TableCell("\(i + 1)", center), TableCell("\(e.productName)\n\(e.productCode)", left),
                         TableCell(e.producerName, left), TableCell("\(e.productSet.number)", center)]
            cells += scorers.map { name in TableCell(e.memberTotals.first { $0.member == name }.map { "\($0.total)" } ?? "-", center) }
            cells += [TableCell(words.points(e.mean), center), TableCell("\(e.spread)", center),
                      TableCell(e.stars.map { "\($0)" } ?? "-", center), TableCell(words.proposalShort(e.proposal, stars: e.stars), center)]
            return TableRow(cells)
        }
        let columns = [4.5, 18, 15, 4] + scorers.map { _ in 4.2 } + [6.5, 6.5, 5.5, 13]
        return Table(columns: columns, header: [TableRow(header)], rows: rows)
    }
}
