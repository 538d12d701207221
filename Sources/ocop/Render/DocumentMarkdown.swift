import Foundation
import OCOPDomain
import OCOPModels

/// The lifecycle's documents as Markdown (or plain text): the same models OCOPDocuments prints
/// as PDF, laid out as NĐ 30 orders them — header, title, căn cứ, articles, signature, annexes.
struct DocumentMarkdown {
    let language: Language
    let markdown: Bool
    var vi: Bool { language == .vi }

    private func bold(_ text: String) -> String { markdown ? "**\(text)**" : text }
    private func italic(_ text: String) -> String { markdown ? "*\(text)*" : text }
    private func heading(_ text: String) -> String { markdown ? "# \(text)" : text }
    private func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Shared parts

    static func count(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    func longDate(_ date: CalendarDate) -> String { vi ? date.vietnameseLong : "\(date.day) \(Self.months[date.month - 1]) \(date.year)" }

    func reference(_ r: DocumentReference) -> String {
        var text = vi ? "\(r.kind) số \(r.number) \(longDate(r.date))" : "\(r.kind) No. \(r.number) of \(longDate(r.date))"
        if let issuer = r.issuer { text += vi ? " của \(issuer)" : " by \(issuer)" }
        if let subject = r.subject { text += " \(subject)" }
        return text
    }

    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (vi ? " và " : " and ") + items.last!
    }

    func header(_ h: AdministrativeHeader) -> [String] {
        var out: [String] = []
        if let parent = h.parentAgency { out.append(parent) }
        out += lines(h.agency).map(bold)
        out.append(vi ? "Số: \(h.number)" : "No.: \(h.number)")
        out.append("")
        out.append(bold(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM"))
        out.append(bold(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness"))
        out.append(italic("\(h.place), \(longDate(h.date))"))
        return out.map { markdown && !$0.isEmpty ? $0 + "  " : $0 }
    }

    func bases(_ bases: [String], proposal: Proposal?) -> [String] {
        var out = bases.enumerated().map { i, text in
            italic((vi ? "Căn cứ " : "Pursuant to ") + text + (i == bases.count - 1 && proposal == nil ? "." : ";"))
        }
        if let p = proposal {
            var text = (vi ? "Theo đề nghị của " : "At the proposal of ") + p.proposer
            if let submission = p.submission { text += (vi ? " tại " : " in ") + reference(submission) }
            out.append(italic(text + "."))
        }
        return out.flatMap { [$0, ""] }
    }

    func article(_ k: Int, _ text: String) -> [String] { [bold(vi ? "Điều \(k)." : "Article \(k).") + " " + sentence(text), ""] }

    /// A sentence starts with a capital, whatever the inserted phrase ("the Department …").
    func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    func signature(_ s: Signer, recipients: Recipients, firstRecipient: String?) -> [String] {
        var out: [String] = []
        let br = markdown ? "  " : ""
        if let authority = s.authority { out.append(bold(authority) + br) }
        out.append(bold(s.title) + br)
        out.append(italic(vi ? "(đã ký)" : "(signed)") + br)
        out.append(bold(s.name))
        out.append("")
        out.append(bold(italic(vi ? "Nơi nhận:" : "Recipients:")))
        let items = (firstRecipient.map { [$0] } ?? []) + recipients.lines
        out += items.map { "- \(sentence($0));" }
        out.append("- " + (vi ? "Lưu: " : "Archived: ") + recipients.archive + ".")
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

    func stars(_ n: Int) -> String { vi ? "\(n) sao" : (n == 1 ? "1 star" : "\(n) stars") }

    func seeAnnex(_ numeral: String?) -> String {
        let annex = (vi ? "Phụ lục" : "Annex") + (numeral.map { " \($0)" } ?? "")
        return vi ? "(chi tiết tại \(annex) kèm theo)" : "(details in the attached \(annex))"
    }

    // MARK: Recognition decision

    func decision(_ d: DecisionDocument) -> String {
        var out = header(d.header)
        out.append("")
        out.append(heading(vi ? "QUYẾT ĐỊNH" : "DECISION"))
        out.append("")
        let subject = vi ? "Về việc công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP \(d.provinceName) đợt \(d.round) năm \(d.year)"
            : "On recognising the evaluation and rating results and issuing certificates to OCOP products of \(d.provinceName), round \(d.round) of \(d.year)"
        out += [bold(subject), "", bold(d.authority), ""]
        out += bases(d.legalBases, proposal: d.proposal)
        out += [bold(vi ? "QUYẾT ĐỊNH:" : "DECIDES:"), ""]
        func numeral(_ i: Int) -> String? { d.annexes.count > 1 ? Self.roman(i + 1) : nil }
        var k = 0
        let recognised = d.annexes.enumerated().compactMap { i, annex -> (String?, Int, Int)? in
            if case .recognised(let stars) = annex.subject { return (numeral(i), annex.rows.count, stars) }
            return nil
        }
        if !recognised.isEmpty {
            k += 1
            let total = recognised.reduce(0) { $0 + $1.1 }
            let head = vi ? "Công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận cho \(Self.count(total)) sản phẩm OCOP \(d.provinceName) đợt \(d.round) năm \(d.year)"
                : "To recognise the evaluation and rating results of, and issue certificates to, \(total) OCOP products of \(d.provinceName), round \(d.round) of \(d.year)"
            if recognised.count == 1, let only = recognised.first {
                out += article(k, head + (vi ? ", đạt hạng \(only.2) sao \(seeAnnex(only.0))." : ", rated \(only.2) stars \(seeAnnex(only.0))."))
            } else {
                out += article(k, head + (vi ? ", gồm:" : ", comprising:"))
                for (j, entry) in recognised.enumerated() {
                    let item = vi ? "\(Self.count(entry.1)) sản phẩm đạt hạng \(entry.2) sao \(seeAnnex(entry.0))"
                        : "\(englishCount(entry.1, "product")) rated \(entry.2) stars \(seeAnnex(entry.0))"
                    out.append("\(j + 1). " + item + (j == recognised.count - 1 ? "." : ";"))
                }
                out.append("")
            }
        }
        for (i, annex) in d.annexes.enumerated() where annex.subject == .proposedFiveStars {
            k += 1
            out += article(k, vi
                ? "Phê duyệt kết quả đánh giá đối với \(Self.count(annex.rows.count)) sản phẩm đạt từ 90 điểm trở lên \(seeAnnex(numeral(i))). Giao \(d.implementingAgency) hoàn thiện hồ sơ, trình Ủy ban nhân dân \(d.provinceName) đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao."
                : "To approve the evaluation results of \(englishCount(annex.rows.count, "product")) scoring 90 points or more \(seeAnnex(numeral(i))). \(sentence(d.implementingAgency)) shall complete the dossiers and submit them to the People's Committee of \(d.provinceName) to propose them to the Ministry of Agriculture and Environment for 5-star evaluation and recognition.")
        }
        if !recognised.isEmpty {
            k += 1
            out += article(k, vi
                ? "Giấy chứng nhận có giá trị trong thời hạn \(d.validityMonths) tháng kể từ ngày ký ban hành Quyết định này. Các chủ thể OCOP có sản phẩm được công nhận tại Điều 1 được sử dụng nhãn hiệu OCOP và thứ hạng sao trên bao bì, nhãn sản phẩm theo quy định; có trách nhiệm duy trì, nâng cao chất lượng sản phẩm và chịu sự kiểm tra, giám sát của cơ quan có thẩm quyền."
                : "The certificates are valid for \(d.validityMonths) months from the date this Decision is signed. Producers whose products are recognised in Article 1 may use the OCOP mark and the star rating on packaging and labels as regulated; they shall maintain and improve product quality and are subject to inspection and monitoring by the competent authorities.")
        }
        k += 1
        out += article(k, vi
            ? "Giao \(d.implementingAgency) công bố kết quả, trao giấy chứng nhận; thông báo bằng văn bản kết quả đánh giá, phân hạng đến Ủy ban nhân dân cấp xã và chủ thể OCOP; tổ chức kiểm tra, giám sát việc duy trì chất lượng sản phẩm và sử dụng nhãn hiệu OCOP theo quy định."
            : "\(sentence(d.implementingAgency)) shall announce the results and hand over the certificates; notify the commune People's Committees and the producers of the results in writing; and inspect and monitor the maintenance of product quality and the use of the OCOP mark as regulated.")
        k += 1
        out += article(k, effect(d.executors))
        out += signature(d.signer, recipients: d.recipients, firstRecipient: vi ? "Như Điều \(k)" : "As in Article \(k)")
        for (i, annex) in d.annexes.enumerated() {
            out += ["", markdown ? "## " + (vi ? "Phụ lục" : "Annex") + (numeral(i).map { " \($0)" } ?? "") : (vi ? "PHỤ LỤC" : "ANNEX") + (numeral(i).map { " \($0)" } ?? "")]
            out += ["", bold(annexTitle(annex.subject)),
                    italic(vi ? "(Kèm theo Quyết định số \(d.header.number) \(longDate(d.header.date)) của \(d.issuerName))"
                              : "(Attached to Decision No. \(d.header.number) of \(longDate(d.header.date)) by \(d.issuerName))"), ""]
            out += table(annex.columns.map(column), annex.rows.enumerated().map { j, row in
                annex.columns.map { c -> String in
                    switch c {
                    case .number: "\(j + 1)"
                    case .productName: row.productName
                    case .productCode: row.productCode
                    case .productSet: "\(row.productSet.number). \(row.productSet.title)"
                    case .producer: row.producerName
                    case .address: row.producerAddress
                    case .score: row.score?.display(language) ?? ""
                    case .stars: "\(row.stars)"
                    case .evaluationKind: kind(row.kind)
                    case .note: row.note ?? ""
                    }
                }
            })
        }
        if let line = d.auditLine { out += ["", italic(line)] }
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }

    func effect(_ executors: [String]) -> String {
        vi ? "Quyết định này có hiệu lực kể từ ngày ký. \(sentence(list(executors))) chịu trách nhiệm thi hành Quyết định này./."
            : "This Decision takes effect from the date of signing. \(sentence(list(executors))) are responsible for implementing this Decision./."
    }

    func annexTitle(_ subject: AnnexSubject) -> String {
        switch subject {
        case .recognised(let stars): vi ? "DANH SÁCH SẢN PHẨM OCOP ĐẠT HẠNG \(stars) SAO" : "OCOP PRODUCTS RATED \(stars) STARS"
        case .proposedFiveStars: vi ? "DANH SÁCH SẢN PHẨM ĐẠT TỪ 90 ĐIỂM TRỞ LÊN ĐỀ XUẤT ĐÁNH GIÁ, CÔNG NHẬN SẢN PHẨM OCOP 5 SAO"
            : "PRODUCTS OF 90 POINTS OR MORE PROPOSED FOR 5-STAR EVALUATION AND RECOGNITION"
        }
    }

    func column(_ c: AnnexColumn) -> String { c.label(language) }

    func kind(_ k: EvaluationKind) -> String { k.label(language) }

    // MARK: Revocation decision

    func revocation(_ d: RevocationDecisionDocument) -> String {
        var out = header(d.header)
        out += ["", heading(vi ? "QUYẾT ĐỊNH" : "DECISION"), ""]
        out += [bold(vi ? "Về việc thu hồi giấy chứng nhận sản phẩm OCOP" : "On revoking OCOP product certificates"), "", bold(d.authority), ""]
        out += bases(d.legalBases + d.recognitionDecisions.map(reference) + d.findings.map(reference), proposal: d.proposal)
        out += [bold(vi ? "QUYẾT ĐỊNH:" : "DECIDES:"), ""]
        if d.certificates.count == 1, let c = d.certificates.first {
            out += article(1, vi
                ? "Thu hồi giấy chứng nhận sản phẩm OCOP số \(c.certificateNumber) của sản phẩm \(c.productName) (mã số \(c.productCode)), hạng \(c.stars) sao, của \(c.producerName), địa chỉ: \(c.producerAddress); sản phẩm đã được công nhận tại \(reference(c.recognition))."
                : "To revoke OCOP certificate No. \(c.certificateNumber) of the product \(c.productName) (code \(c.productCode)), rated \(c.stars) stars, of \(c.producerName), address: \(c.producerAddress); the product was recognised in \(reference(c.recognition)).")
            out += [groundLine(c, programme: d.programmeDecision), ""]
        } else {
            out += article(1, vi ? "Thu hồi giấy chứng nhận sản phẩm OCOP đối với \(Self.count(d.certificates.count)) sản phẩm \(seeAnnex(nil))."
                : "To revoke the OCOP certificates of \(englishCount(d.certificates.count, "product")) \(seeAnnex(nil)).")
        }
        let producers = d.certificates.count == 1 ? d.certificates[0].producerName : (vi ? "các chủ thể OCOP có tên tại Điều 1" : "the producers named in Article 1")
        out += article(2, vi
            ? "Kể từ ngày Quyết định này có hiệu lực, \(producers) không được sử dụng nhãn hiệu OCOP và thứ hạng sao đối với sản phẩm bị thu hồi giấy chứng nhận trên bao bì, nhãn sản phẩm và các hình thức quảng bá; có trách nhiệm nộp lại bản gốc giấy chứng nhận cho \(d.implementingAgency)."
            : "From the date this Decision takes effect, \(producers) may no longer use the OCOP mark or the star rating of the revoked product on packaging, labels or promotion, and shall return the original certificate to \(d.implementingAgency).")
        out += article(3, vi
            ? "Giao \(d.implementingAgency) thu hồi giấy chứng nhận; thông báo cho chủ thể OCOP và Ủy ban nhân dân cấp xã nơi chủ thể sản xuất; cập nhật danh sách sản phẩm OCOP; theo dõi, kiểm tra việc thực hiện Quyết định này."
            : "\(sentence(d.implementingAgency)) shall retrieve the certificates; notify the producers and the commune People's Committees where they produce; update the list of OCOP products; and monitor the implementation of this Decision.")
        out += article(4, effect(d.executors))
        out += signature(d.signer, recipients: d.recipients, firstRecipient: vi ? "Như Điều 4" : "As in Article 4")
        if d.certificates.count > 1 {
            out += ["", markdown ? "## " + (vi ? "Phụ lục" : "Annex") : (vi ? "PHỤ LỤC" : "ANNEX"), "",
                    bold(vi ? "DANH SÁCH SẢN PHẨM OCOP BỊ THU HỒI GIẤY CHỨNG NHẬN" : "OCOP PRODUCTS WHOSE CERTIFICATES ARE REVOKED"), ""]
            out += table(vi ? ["STT", "Số giấy chứng nhận", "Sản phẩm, mã số", "Chủ thể, địa chỉ", "Hạng sao", "Quyết định công nhận", "Căn cứ thu hồi", "Kết luận, lý do"]
                            : ["No.", "Certificate", "Product, code", "Producer, address", "Stars", "Recognition decision", "Ground", "Finding"],
                         d.certificates.enumerated().map { i, c in
                ["\(i + 1)", c.certificateNumber, "\(c.productName), \(c.productCode)", "\(c.producerName), \(c.producerAddress)", "\(c.stars)",
                 reference(DocumentReference(kind: c.recognition.kind, number: c.recognition.number, date: c.recognition.date)),
                 vi ? "Điểm \(c.ground.point) khoản 1 Điều 8 \(d.programmeDecision)" : "Point \(c.ground.point), cl. 1, Art. 8 of \(d.programmeDecision)", c.finding]
            })
        }
        if let line = d.auditLine { out += ["", italic(line)] }
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }

    func groundLine(_ c: RevokedCertificate, programme: String) -> String {
        let citation = vi ? "điểm \(c.ground.point) khoản 1 Điều 8 \(programme)" : "point \(c.ground.point), clause 1, Article 8 of \(programme)"
        let ground = c.ground.text(language).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return (vi ? "Lý do thu hồi: " : "Ground: ") + ground.prefix(1).lowercased() + ground.dropFirst() + " (\(citation)). " + c.finding
    }

    // MARK: Certificate

    func certificate(_ c: CertificateDocument) -> String {
        var out: [String] = []
        out.append(bold(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM"))
        out.append(bold(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness"))
        out.append(bold(c.issuer))
        out += ["", heading(vi ? "GIẤY CHỨNG NHẬN" : "CERTIFICATE"), "", bold(vi ? "SẢN PHẨM OCOP" : "OCOP PRODUCT") + " " + String(repeating: "★", count: c.stars), ""]
        out.append((vi ? "Số giấy chứng nhận: " : "Certificate No.: ") + c.certificateNumber)
        out.append((vi ? "SẢN PHẨM: " : "PRODUCT: ") + bold(c.productName.uppercased()))
        out.append((vi ? "Mã số sản phẩm: " : "Product code: ") + c.productCode)
        out.append((vi ? "Bộ sản phẩm: " : "Product set: ") + "\(c.productSet.number). \(c.productSet.title)")
        out.append((vi ? "Chủ thể OCOP: " : "Producer: ") + bold(c.producerName))
        out.append((vi ? "Địa chỉ: " : "Address: ") + c.producerAddress)
        out.append(vi ? "Đã tham gia đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm (OCOP) năm \(c.year), đợt \(c.round)"
                      : "Has taken part in the evaluation and rating of products of the One Commune One Product (OCOP) Programme in \(c.year), round \(c.round)")
        out.append((vi ? "Đạt hạng sản phẩm: " : "Rated: ") + bold(stars(c.stars)))
        if let score = c.score { out.append(vi ? "Điểm đánh giá: \(score.display(.vi))/100" : "Score: \(score.display(.en))/100") }
        out.append("")
        out.append(italic("\(c.place), \(longDate(c.issuedOn))"))
        if let authority = c.signer.authority { out.append(bold(authority)) }
        out += [bold(c.signer.title), bold(c.signer.name), ""]
        out.append(italic((vi ? "Quyết định số: " : "Decision No.: ") + c.decisionNumber))
        out.append(italic(vi ? "N" + c.decisionDate.vietnameseLong.dropFirst() : longDate(c.decisionDate)))
        out.append(italic(vi ? "Có giá trị đến ngày \(c.validUntil.vietnameseNumeric)" : "Valid until \(longDate(c.validUntil))"))
        return out.map { markdown && !$0.isEmpty && !$0.hasPrefix("#") ? $0 + "  " : $0 }.map(Output.terminalSafe).joined(separator: "\n")
    }

    // MARK: Notice

    func notice(_ n: NoticeDocument) -> String {
        let e = n.evaluation
        var out = header(n.header)
        out += ["", heading(vi ? "THÔNG BÁO" : "NOTICE"), ""]
        out += [bold(vi ? "Về kết quả đánh giá, phân hạng sản phẩm OCOP \(n.provinceName) đợt \(n.round) năm \(n.year)"
                        : "On the OCOP evaluation and rating results of \(n.provinceName), round \(n.round) of \(n.year)"), ""]
        out += bases(n.legalBases + [reference(n.minutes)], proposal: nil)
        let at = e.producerAddress.map { vi ? " (địa chỉ: \($0))" : " (address: \($0))" } ?? ""
        out += [vi ? "\(n.issuerName) thông báo đến \(e.producerName)\(at) và \(n.commune) kết quả đánh giá, phân hạng sản phẩm như sau:"
                   : "\(sentence(n.issuerName)) notifies \(e.producerName)\(at) and \(n.commune) of the evaluation and rating result as follows:", ""]
        out.append(vi ? "1. Sản phẩm: \(e.productName); mã số: \(e.productCode); bộ sản phẩm: \(e.productSet.number). \(e.productSet.title)."
                      : "1. Product: \(e.productName); code: \(e.productCode); product set: \(e.productSet.number). \(e.productSet.title).")
        let rated = e.stars.map { $0 == e.band ? "" : (vi ? "; xếp hạng: \($0) sao" : "; rated: \(stars($0))") } ?? ""
        out.append(vi ? "2. Điểm trung bình của Hội đồng: \(e.mean.display(.vi)) điểm; hạng theo điểm: \(e.band) sao\(rated)."
                      : "2. Council mean: \(e.mean.display(.en)) points; stars by points: \(e.band)\(rated).")
        out.append(e.stars == nil
            ? (vi ? "3. Kết quả: sản phẩm bị loại nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
                  : "3. Result: the product is disqualified, so it is not recognised and receives no OCOP certificate.")
            : (vi ? "3. Kết quả: sản phẩm không đạt hạng từ 3 sao trở lên nên không được công nhận và không được cấp giấy chứng nhận sản phẩm OCOP."
                  : "3. Result: the product does not reach 3 stars, so it is not recognised and receives no OCOP certificate."))
        var reasons = e.knockOuts.map { vi ? "bị loại: «\($0)»" : "knock-out: «\($0)»" }
        reasons += e.unmetMinimums.map { u in
            vi ? "tiêu chí \(u.criterion) (\(u.title)) trung bình \(u.mean.display(.vi)) < \(u.required) (yêu cầu tối thiểu \(u.stars)★)"
               : "criterion \(u.criterion) (\(u.title)) averages \(u.mean.display(.en)) < \(u.required) (the \(u.stars)★ minimum)"
        }
        if reasons.isEmpty { reasons.append(vi ? "điểm trung bình dưới 50 (khoản 3 Điều 3)" : "an average below 50 (Art. 3.3)") }
        out.append((vi ? "4. Lý do: " : "4. Reasons: ") + reasons.joined(separator: "; ") + ".")
        out.append(vi ? "5. Chủ thể tiếp tục hoàn thiện sản phẩm và hồ sơ theo Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP và có thể đăng ký tham gia đánh giá, phân hạng ở các đợt tiếp theo; \(n.commune) hướng dẫn, hỗ trợ chủ thể hoàn thiện tiêu chí, nâng cao chất lượng sản phẩm."
                      : "5. The producer may improve the product and its dossier against the OCOP criteria and register for a later round; \(n.commune) will guide and support the producer in meeting the criteria and improving product quality.")
        out += ["", vi ? "\(n.issuerName) thông báo để \(e.producerName) và \(n.commune) biết, thực hiện./."
                       : "\(sentence(n.issuerName)) issues this notice for \(e.producerName) and \(n.commune) to know and act upon./.", ""]
        out += signature(n.signer, recipients: n.recipients, firstRecipient: nil)
        return out.map(Output.terminalSafe).joined(separator: "\n")
    }
}
