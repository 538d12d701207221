import OCOPDomain

/// A certificate being revoked, with the recognition it came from and why.
public struct RevokedCertificate: Sendable, Codable, Hashable {
    public var certificateNumber: String
    public var productName: String
    public var productCode: String
    public var producerName: String
    public var producerAddress: String
    public var stars: Int
    /// The recognition decision.
    public var recognition: DocumentReference
    /// Where in it the product stands: "khoản 1 Điều 1", "số thứ tự 3 Phụ lục I".
    public var recognitionPosition: String?
    public var ground: RevocationGround
    /// The specific finding: "Kết luận kiểm tra số 12/KL-SNNMT: cơ sở bị đình chỉ sản xuất từ ngày …".
    public var finding: String

    public init(certificateNumber: String, productName: String, productCode: String, producerName: String,
                producerAddress: String, stars: Int, recognition: DocumentReference, recognitionPosition: String? = nil,
                ground: RevocationGround, finding: String) {
        self.certificateNumber = certificateNumber
        self.productName = productName
        self.productCode = productCode
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.stars = stars
        self.recognition = recognition
        self.recognitionPosition = recognitionPosition
        self.ground = ground
        self.finding = finding
    }
}

/// Quyết định thu hồi giấy chứng nhận sản phẩm OCOP (QĐ 26 Art. 8; skeleton of documents.md §5).
/// With more than one certificate the rows go into an annex.
public struct RevocationDecisionDocument: Sendable, Codable, Hashable {
    public var language: Language
    public var header: AdministrativeHeader
    public var authority: String
    /// The same authority in running text: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh".
    public var issuerName: String
    /// Căn cứ, without "Căn cứ" and the closing ";".
    public var legalBases: [String]
    /// The decision that lays down the grounds, as cited in Điều 1: "Quyết định số 26/2026/QĐ-TTg".
    public var programmeDecision: String
    /// The recognition decisions affected, cited as căn cứ.
    public var recognitionDecisions: [DocumentReference]
    /// The findings (kết luận kiểm tra, quyết định xử phạt, xác nhận của UBND cấp xã), cited as căn cứ.
    public var findings: [DocumentReference]
    public var proposal: Proposal?
    public var certificates: [RevokedCertificate]
    /// The OCOP body that retrieves the certificates and informs producers and communes.
    public var implementingAgency: String
    /// Days the producer has to hand back the original certificate, when the decision sets a term.
    public var returnWithinDays: Int?
    public var executors: [String]
    /// Must include the producers (QĐ 26 Art. 8.3.c).
    public var recipients: Recipients
    public var signer: Signer
    public var artwork: IssuerArtwork
    public var layout: PageLayout
    public var auditLine: String?

    public init(
        language: Language = .vi, header: AdministrativeHeader, authority: String, issuerName: String, legalBases: [String],
        programmeDecision: String = "Quyết định số 26/2026/QĐ-TTg", recognitionDecisions: [DocumentReference],
        findings: [DocumentReference], proposal: Proposal? = nil, certificates: [RevokedCertificate],
        implementingAgency: String, returnWithinDays: Int? = nil, executors: [String], recipients: Recipients,
        signer: Signer, artwork: IssuerArtwork = IssuerArtwork(), layout: PageLayout = PageLayout(),
        auditLine: String? = nil
    ) {
        self.language = language
        self.header = header
        self.authority = authority
        self.issuerName = issuerName
        self.legalBases = legalBases
        self.programmeDecision = programmeDecision
        self.recognitionDecisions = recognitionDecisions
        self.findings = findings
        self.proposal = proposal
        self.certificates = certificates
        self.implementingAgency = implementingAgency
        self.returnWithinDays = returnWithinDays
        self.executors = executors
        self.recipients = recipients
        self.signer = signer
        self.artwork = artwork
        self.layout = layout
        self.auditLine = auditLine
    }
}
