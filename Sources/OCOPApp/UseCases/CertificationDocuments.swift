import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Whether a certificate document carries its signed QR text.
public enum CertificateQR: Sendable, Hashable {
    /// No QR text: for the text and Markdown views.
    case unsigned
    /// Signed with the given key file, or the issuer's recorded key in service whose private file is here.
    case signed(keyFile: String?)
}

/// What a notice of a result below 3★ records (Art. 7.3.g): its own number and signer.
public struct NoticeRequest: Sendable, Hashable {
    /// "15/TB-SNNMT".
    public var number: String
    public var date: CalendarDate
    public var signer: DecisionSigner
    /// The issuing OCOP body, in running text; default "Sở Nông nghiệp và Môi trường tỉnh <X>".
    public var issuer: String?
    public var place: String?

    public init(number: String, date: CalendarDate, signer: DecisionSigner, issuer: String? = nil, place: String? = nil) {
        self.number = number
        self.date = date
        self.signer = signer
        self.issuer = issuer
        self.place = place
    }
}

/// The documents of the star lifecycle, filled from what is recorded so that a renderer (the
/// CLI's Markdown, OCOPDocuments' PDF) only lays them out. Words that the office did not type
/// (defaults for căn cứ, executors, recipients) are written in the document's language.
extension Workbench {
    /// The recognition decision as NĐ 30 Mẫu 1.2 with its annexes (documents.md §2.3).
    public func decisionDocument(_ decision: DecisionView, language: Language = .vi) throws -> DecisionDocument {
        let words = DocumentWords(language: language, decision: decision)
        var annexes: [DecisionAnnex] = []
        let catalog = try? catalog()
        func row(_ entry: DecisionEntryView) -> AnnexProductRow {
            let c = entry.candidate
            let title = (try? catalog?.productSet(c.productSet).title) ?? nil
            var note = entry.certificate.map { words.certificateNote($0, supersedes: c.supersedes) }
            if entry.outcome == .proposedCentral { note = words.proposedNote }
            return AnnexProductRow(productName: c.productName, productCode: c.productCode,
                                   productSet: ProductSetLabel(number: c.productSet, title: title ?? ""),
                                   producerName: c.producerName, producerAddress: c.producerAddress ?? c.communeName, score: c.score,
                                   stars: entry.stars, kind: EvaluationKind(c.kind), note: note)
        }
        for stars in [5, 4, 3] {
            let rows = decision.recognised.filter { $0.stars == stars }.map(row)
            if !rows.isEmpty { annexes.append(DecisionAnnex(subject: .recognised(stars: stars), rows: rows)) }
        }
        if !decision.proposed.isEmpty { annexes.append(DecisionAnnex(subject: .proposedFiveStars, rows: decision.proposed.map(row))) }
        return DecisionDocument(
            language: language, header: words.header, authority: words.authority, issuerName: words.issuerName,
            provinceName: words.provinceName, ministry: words.ministry, year: decision.roundYear ?? decision.decidedOn.year, round: decision.roundNumber ?? 1,
            legalBases: decision.legalBases.isEmpty ? words.defaultBases(councils: decision.councils) : decision.legalBases,
            proposal: words.proposal, validityMonths: CertificateTerm.months, implementingAgency: words.agency,
            executors: words.executors, annexes: annexes, recipients: words.recipients, signer: words.signer,
            auditLine: try auditLine(language))
    }

    /// The audit head to print on a decision (docs/audit.md).
    func auditLine(_ language: Language) throws -> String {
        (language == .vi ? "Mã kiểm toán: " : "Audit head: ") + (try auditHead().printed)
    }

    /// The revocation decision (documents.md §5).
    public func revocationDocument(_ decision: DecisionView, language: Language = .vi) -> RevocationDecisionDocument {
        let words = DocumentWords(language: language, decision: decision)
        let certificates = decision.revoked.map { entry -> RevokedCertificate in
            let c = entry.certificate
            return RevokedCertificate(certificateNumber: c.number.description, productName: c.productName, productCode: c.productCode,
                                      producerName: c.producerName, producerAddress: c.producerAddress ?? c.communeName, stars: c.stars,
                                      recognition: words.recognitionReference(entry), ground: entry.revocation.ground, finding: entry.revocation.finding)
        }
        return RevocationDecisionDocument(
            language: language, header: words.header, authority: words.authority, issuerName: words.issuerName,
            legalBases: decision.legalBases.isEmpty ? words.defaultBases(councils: []) : decision.legalBases,
            programmeDecision: language == .vi ? "Quyết định số 26/2026/QĐ-TTg" : "Decision No. 26/2026/QĐ-TTg",
            recognitionDecisions: decision.revoked.map(words.recognitionReference), findings: decision.revoked.map(words.findingReference),
            proposal: words.proposal, certificates: certificates, implementingAgency: words.agency,
            executors: words.revocationExecutors, recipients: words.revocationRecipients(producers: decision.revoked.map(\.certificate.producerName)),
            signer: words.signer, auditLine: try? auditLine(language))
    }

    /// The certificate of a recognised product (documents.md §3). With `.signed`, its QR code
    /// carries the issuer's signed payload (docs/credentials.md), which gives the certificate its
    /// status-list index the first time; `.unsigned` leaves the QR text empty, for text views
    /// only (the renderer refuses to print it). Frame, QR size and artwork follow the issuer's
    /// printing configuration.
    public func certificateDocument(_ number: CertificateNumber, language: Language = .vi, qr: CertificateQR = .signed(keyFile: nil)) throws -> CertificateDocument {
        let c = try certificate(number).certificate
        guard let decisionID = try CertificateRepository(try connection()).decisionID(certificateID: c.id) else { throw StoreError.noDecisionRecord(certificate: number.description) }
        let decision = try DecisionRepository(try connection()).decision(id: decisionID, asOf: today)
        return try certificateDocument(c, decision: decision, language: language, qr: qr)
    }

    /// The certificate `c` of `decision`, as `certificateDocument(_:language:qr:)` describes it.
    func certificateDocument(_ c: CertificateView, decision: DecisionView, language: Language, qr: CertificateQR) throws -> CertificateDocument {
        let words = DocumentWords(language: language, decision: decision)
        let title = (try? catalog().productSet(c.productSet).title) ?? ""
        let profile = try printingConfiguration().profile(c.number.issuer.code)
        var qrText = ""
        if case .signed(let keyFile) = qr { qrText = try signedCertificate(c, decision: decision, keyFile: keyFile).qrText }
        var frame = CertificateFrame()
        if let drawn = profile.frame { frame.isDrawn = drawn }
        if let color = profile.frameColor.flatMap(PrintingConfiguration.color) { frame.color = color }
        return CertificateDocument(
            language: language, issuer: words.certificateIssuer, certificateNumber: c.number.description, productName: c.productName,
            productCode: c.productCode, productSet: ProductSetLabel(number: c.productSet, title: title), producerName: c.producerName,
            producerAddress: c.producerAddress ?? c.communeName, year: c.evaluationYear, round: decision.roundNumber ?? 1, stars: c.stars,
            score: c.exactScore, place: decision.place, issuedOn: c.facts.issuedOn, signer: words.signer,
            decisionNumber: decision.number.description, decisionDate: decision.decidedOn, validUntil: c.facts.validUntil,
            qrPayload: qrText, qrSide: profile.qrSide ?? 32, frame: frame, artwork: profile.artwork.map(IssuerArtwork.init) ?? IssuerArtwork())
    }

    /// The written notice to the producer and the commune of a result below 3★ or a
    /// disqualification (Art. 4.1.a, 7.3.g).
    public func noticeDocument(_ dossier: DossierCode, request: NoticeRequest, language: Language = .vi) throws -> NoticeDocument {
        let facts = try DecisionRepository(try connection()).noticeFacts(dossier)
        let record = facts.dossier
        let snapshot = try sessionSnapshot(facts.session)
        guard let entry = snapshot.dossier(dossier), let result = entry.result, (result.rating.stars ?? 0) < 3 else {
            throw StoreError.notAwaitingDecision(dossier: dossier.rawValue, status: record.status, decision: nil)
        }
        guard request.date >= snapshot.heldOn else {
            throw CertificationError.noticeBeforeResult(dossier: dossier.rawValue, resultOn: snapshot.heldOn, notedOn: request.date)
        }
        let vi = language == .vi
        let communeKind = facts.communeKind
        let communeName = facts.communeName
        let provinceName = facts.provinceName
        let city = facts.provinceKind == "thanh_pho"
        let communeWord = communeKind == "phuong" ? (vi ? "phường" : "Ward") : communeKind == "dac_khu" ? (vi ? "đặc khu" : "Special Zone") : (vi ? "xã" : "Commune")
        let commune = vi ? "Ủy ban nhân dân \(communeWord) \(communeName)" : "the People's Committee of \(communeName) \(communeWord)"
        let province = vi ? "\(city ? "thành phố" : "tỉnh") \(provinceName)" : "\(provinceName)\(city ? " City" : " Province")"
        let issuer = request.issuer ?? (vi ? "Sở Nông nghiệp và Môi trường \(province)" : "the Department of Agriculture and Environment of \(province)")
        let title = (try? catalog().productSet(record.productSet).title) ?? ""
        let evaluation = ProductEvaluation(productName: record.productName, productCode: record.productCode, producerName: record.producerName,
                                           producerAddress: facts.producerAddress,
                                           productSet: ProductSetLabel(number: record.productSet, title: title), result: result.rating)
        let header = AdministrativeHeader(parentAgency: vi ? "ỦY BAN NHÂN DÂN \(province.uppercased())" : "PEOPLE'S COMMITTEE OF \(province.uppercased())",
                                          agency: vi ? "SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG" : "DEPARTMENT OF AGRICULTURE\nAND ENVIRONMENT",
                                          number: request.number, place: request.place ?? provinceName, date: request.date)
        return NoticeDocument(
            language: language, header: header, issuerName: issuer, provinceName: province, year: record.year, round: record.round,
            legalBases: [DocumentWords.qd26(language)],
            minutes: DocumentReference(kind: vi ? "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP" : "Minutes of the OCOP evaluation council",
                                       number: facts.session.rawValue, date: snapshot.heldOn, issuer: snapshot.council.name),
            evaluation: evaluation, commune: commune,
            recipients: Recipients(vi ? [record.producerName, commune, "Ủy ban nhân dân \(province) (b/c)"]
                                      : [record.producerName, commune, "the People's Committee of \(province) (for report)"], archive: "VT"),
            signer: Signer(authority: request.signer.prefix, title: request.signer.title, name: request.signer.name))
    }
}

extension EvaluationKind {
    init(_ kind: DossierKind) {
        switch kind {
        case .firstEvaluation: self = .first
        case .upgrade: self = .upgrade
        case .reEvaluation: self = .reEvaluation
        }
    }
}

/// The words a document needs that nobody typed, in the document's language.
struct DocumentWords {
    let language: Language
    let decision: DecisionView
    var vi: Bool { language == .vi }
    var ministry: Bool { decision.authority.isMinistry }
    var city: Bool { decision.provinceKind == "thanh_pho" }
    var province: String {
        let name = decision.provinceName ?? ""
        return vi ? "\(city ? "thành phố" : "tỉnh") \(name)" : "\(name)\(city ? " City" : " Province")"
    }

    static func qd26(_ language: Language) -> String {
        language == .vi
            ? "Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm"
            : "Decision No. 26/2026/QĐ-TTg of 22 May 2026 of the Prime Minister on the criteria and procedure for evaluating and rating One Commune One Product products"
    }

    var header: AdministrativeHeader {
        let agency: String
        if ministry {
            agency = vi ? "BỘ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG" : "MINISTRY OF AGRICULTURE\nAND ENVIRONMENT"
        } else {
            agency = vi ? "ỦY BAN NHÂN DÂN\n\(province.uppercased())" : "PEOPLE'S COMMITTEE\nOF \(province.uppercased())"
        }
        return AdministrativeHeader(agency: agency, number: decision.number.description, place: decision.place, date: decision.decidedOn)
    }

    var authority: String {
        if ministry { return vi ? "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" : "THE MINISTER OF AGRICULTURE AND ENVIRONMENT" }
        return vi ? "CHỦ TỊCH ỦY BAN NHÂN DÂN \(province.uppercased())" : "THE CHAIR OF THE PEOPLE'S COMMITTEE OF \(province.uppercased())"
    }

    var issuerName: String {
        if ministry { return vi ? "Bộ trưởng Bộ Nông nghiệp và Môi trường" : "the Minister of Agriculture and Environment" }
        return vi ? "Chủ tịch Ủy ban nhân dân \(province)" : "the Chair of the People's Committee of \(province)"
    }

    /// The province the decision is for: "tỉnh Bắc Ninh"; none for the Minister's.
    var provinceName: String { ministry ? "" : province }

    var certificateIssuer: String {
        if ministry { return vi ? "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" : "MINISTRY OF AGRICULTURE AND ENVIRONMENT" }
        return vi ? "ỦY BAN NHÂN DÂN \(province.uppercased())" : "PEOPLE'S COMMITTEE OF \(province.uppercased())"
    }

    var agency: String {
        decision.agency ?? (ministry
            ? (vi ? "Văn phòng Điều phối nông thôn mới Trung ương" : "the Central Coordination Office for New Rural Development")
            : (vi ? "Sở Nông nghiệp và Môi trường" : "the Department of Agriculture and Environment"))
    }

    var proposal: Proposal {
        let proposer = decision.proposer ?? (ministry
            ? (vi ? "Chánh Văn phòng Điều phối nông thôn mới Trung ương" : "the Chief of the Central Coordination Office for New Rural Development")
            : (vi ? "Giám đốc Sở Nông nghiệp và Môi trường" : "the Director of the Department of Agriculture and Environment"))
        let submission = decision.submissionNumber.flatMap { number in
            decision.submissionDate.map { DocumentReference(kind: vi ? "Tờ trình" : "Submission", number: number, date: $0) }
        }
        return Proposal(proposer: proposer, submission: submission)
    }

    func defaultBases(councils: [CouncilReference]) -> [String] {
        var bases = ministry ? [] : [vi ? "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" : "the Law on Organisation of Local Government No. 72/2025/QH15"]
        bases.append(Self.qd26(language))
        for council in councils {
            if let ref = council.decisionRef {
                bases.append(vi ? "Quyết định số \(ref) về việc thành lập \(council.name)" : "Decision No. \(ref) establishing the \(council.name)")
            }
        }
        return bases
    }

    var executors: [String] {
        if ministry {
            return vi ? ["Chánh Văn phòng Bộ", "Chánh Văn phòng Điều phối nông thôn mới Trung ương", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố có sản phẩm", "các chủ thể OCOP có tên tại Điều 1"]
                : ["the Chief of the Ministry's Office", "the Chief of the Central Coordination Office for New Rural Development",
                   "the Chairs of the People's Committees of the provinces concerned", "the producers named in Article 1"]
        }
        return vi ? ["Chánh Văn phòng Ủy ban nhân dân \(province)", "Giám đốc \(agency)", "Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm", "các chủ thể OCOP có tên tại Điều 1"]
            : ["the Chief of the Office of the People's Committee of \(province)", "the Director of \(agency)",
               "the Chairs of the People's Committees of the communes concerned", "the producers named in Article 1"]
    }

    var recipients: Recipients {
        // The renderers put "Như Điều <last>" first.
        if ministry {
            return Recipients(vi ? ["Bộ trưởng (để b/c)", "Ủy ban nhân dân các tỉnh, thành phố có sản phẩm"]
                                 : ["the Minister (for report)", "the People's Committees of the provinces concerned"], archive: "VT, VPĐP")
        }
        return Recipients(vi ? ["Bộ Nông nghiệp và Môi trường (để b/c)", "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân \(province)"]
                             : ["the Ministry of Agriculture and Environment (for report)", "the Chair and Vice-Chairs of the People's Committee"],
                          archive: "VT, KT")
    }

    var signer: Signer { Signer(authority: decision.signer.prefix, title: decision.signer.title, name: decision.signer.name) }

    func certificateNote(_ number: CertificateNumber, supersedes: CertificateNumber?) -> String {
        let replaced = supersedes.map { vi ? "; thay thế \($0)" : "; replaces \($0)" } ?? ""
        return (vi ? "Giấy chứng nhận \(number)" : "Certificate \(number)") + replaced
    }

    var proposedNote: String { vi ? "Đề nghị Bộ Nông nghiệp và Môi trường đánh giá 5 sao" : "Proposed to the Ministry for 5 stars" }

    func recognitionReference(_ entry: RevokedEntryView) -> DocumentReference {
        let c = entry.certificate
        let issuer: String
        switch c.issuer {
        case .ministry: issuer = vi ? "Bộ trưởng Bộ Nông nghiệp và Môi trường" : "the Minister of Agriculture and Environment"
        case .province: issuer = vi ? "Chủ tịch Ủy ban nhân dân tỉnh \(c.provinceName)" : "the Chair of the People's Committee of \(c.provinceName) Province"
        case .district: issuer = vi ? "Chủ tịch Ủy ban nhân dân cấp huyện" : "the Chair of the district People's Committee"
        }
        return DocumentReference(kind: vi ? "Quyết định" : "Decision", number: c.decisionNumber ?? "…", date: entry.recognitionDecidedOn ?? c.facts.issuedOn, issuer: issuer)
    }

    func findingReference(_ entry: RevokedEntryView) -> DocumentReference {
        let r = entry.revocation
        let kind = r.ground == .dd ? (vi ? "Văn bản xác nhận của Ủy ban nhân dân cấp xã" : "Confirmation of the commune People's Committee")
            : (vi ? "Kết luận kiểm tra" : "Inspection conclusion")
        return DocumentReference(kind: kind, number: r.findingReference ?? "…", date: r.findingOn)
    }

    var revocationExecutors: [String] {
        ministry ? (vi ? ["Chánh Văn phòng Bộ", "Chánh Văn phòng Điều phối nông thôn mới Trung ương", "các chủ thể OCOP có tên tại Điều 1"]
                       : ["the Chief of the Ministry's Office", "the Chief of the Central Coordination Office for New Rural Development", "the producers named in Article 1"])
            : (vi ? ["Chánh Văn phòng Ủy ban nhân dân \(province)", "Giám đốc \(agency)", "Chủ tịch Ủy ban nhân dân cấp xã nơi chủ thể sản xuất", "các chủ thể OCOP có tên tại Điều 1"]
                  : ["the Chief of the Office of the People's Committee of \(province)", "the Director of \(agency)",
                     "the Chair of the People's Committee of the producer's commune", "the producers named in Article 1"])
    }

    /// Art. 8.3.c: the decision goes to the producer and the agencies concerned.
    func revocationRecipients(producers: [String]) -> Recipients {
        var lines = producers
        lines.append(ministry ? (vi ? "Ủy ban nhân dân các tỉnh, thành phố có sản phẩm" : "the People's Committees of the provinces concerned")
                              : (vi ? "Bộ Nông nghiệp và Môi trường (để b/c)" : "the Ministry of Agriculture and Environment (for report)"))
        return Recipients(lines, archive: ministry ? "VT, VPĐP" : "VT, KT")
    }
}
