import OCOPDomain

/// The decorative frame of the certificate: a thick outer and a thin inner line in one colour.
public struct CertificateFrame: Sendable, Codable, Hashable {
    public var isDrawn: Bool
    public var color: RGBColor

    public init(isDrawn: Bool = true, color: RGBColor = .frameGreen) {
        self.isDrawn = isDrawn
        self.color = color
    }
}

/// Giấy chứng nhận kết quả phân hạng sản phẩm OCOP (QĐ 26/2026 Art. 1.1): one A4 portrait page.
/// Layout after the transcribed district specimen (documents.md §3.2) plus the recommended fields (§3.3).
public struct CertificateDocument: Sendable, Codable, Hashable {
    public var language: Language
    /// Cơ quan cấp, upper case: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" or "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG".
    public var issuer: String
    /// The workbench serial (no national scheme exists), e.g. "24-2026-0015".
    public var certificateNumber: String
    public var productName: String
    /// T-X-STT-năm, e.g. "24-07291-001-2026".
    public var productCode: String
    public var productSet: ProductSetLabel
    public var producerName: String
    public var producerAddress: String
    /// Evaluation year and round ("năm 2026, đợt 1").
    public var year: Int
    public var round: Int
    /// 3, 4 or 5: certificates are not issued below 3★ (QĐ 26 Art. 4.1.a).
    public var stars: Int
    /// The council's mean score, printed when present.
    public var score: ExactMean?
    /// Địa danh and date of signature.
    public var place: String
    public var issuedOn: CalendarDate
    public var signer: Signer
    /// The recognition decision, printed bottom left as on the specimen.
    public var decisionNumber: String
    public var decisionDate: CalendarDate
    /// Last day of validity (36 months, Civil Code Art. 147–148), computed by the domain.
    public var validUntil: CalendarDate
    /// The signed verification text the QR code carries (ASCII; an upper-case payload encodes compactly).
    public var qrPayload: String
    /// Small caption under the QR code; the certificate number when absent.
    public var verificationHint: String?
    /// Printed side of the QR code including its quiet zone, millimetres (at least 30).
    public var qrSide: Double
    public var frame: CertificateFrame
    public var artwork: IssuerArtwork

    public init(
        language: Language = .vi, issuer: String, certificateNumber: String, productName: String, productCode: String,
        productSet: ProductSetLabel, producerName: String, producerAddress: String, year: Int, round: Int, stars: Int,
        score: ExactMean? = nil, place: String, issuedOn: CalendarDate, signer: Signer, decisionNumber: String,
        decisionDate: CalendarDate, validUntil: CalendarDate, qrPayload: String, verificationHint: String? = nil,
        qrSide: Double = 32, frame: CertificateFrame = CertificateFrame(), artwork: IssuerArtwork = IssuerArtwork()
    ) {
        self.language = language
        self.issuer = issuer
        self.certificateNumber = certificateNumber
        self.productName = productName
        self.productCode = productCode
        self.productSet = productSet
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.year = year
        self.round = round
        self.stars = stars
        self.score = score
        self.place = place
        self.issuedOn = issuedOn
        self.signer = signer
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.validUntil = validUntil
        self.qrPayload = qrPayload
        self.verificationHint = verificationHint
        self.qrSide = qrSide
        self.frame = frame
        self.artwork = artwork
    }
}
