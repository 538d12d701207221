import OCOPDomain

/// A column of an annex table. The column set and its order are a province's choice
/// (documents.md §2.4: not confirmed); the default is the recommended set.
public enum AnnexColumn: String, Sendable, Codable, Hashable, CaseIterable {
    case number
    case productName
    case productCode
    case productSet
    case producer
    case address
    case score
    case stars
    case evaluationKind
    case note

    /// The column's heading, as the annex prints it.
    public var label: LocalizedText {
        switch self {
        case .number: LocalizedText(vi: "STT", en: "No.")
        case .productName: LocalizedText(vi: "Tên sản phẩm", en: "Product")
        case .productCode: LocalizedText(vi: "Mã số sản phẩm", en: "Product code")
        case .productSet: LocalizedText(vi: "Bộ sản phẩm", en: "Product set")
        case .producer: LocalizedText(vi: "Tên chủ thể", en: "Producer")
        case .address: LocalizedText(vi: "Địa chỉ", en: "Address")
        case .score: LocalizedText(vi: "Điểm", en: "Score")
        case .stars: LocalizedText(vi: "Hạng sao", en: "Stars")
        case .evaluationKind: LocalizedText(vi: "Loại đánh giá", en: "Evaluation")
        case .note: LocalizedText(vi: "Ghi chú", en: "Notes")
        }
    }
}

/// One product row of a recognition annex.
public struct AnnexProductRow: Sendable, Codable, Hashable {
    public var productName: String
    public var productCode: String
    public var productSet: ProductSetLabel
    public var producerName: String
    public var producerAddress: String
    public var score: ExactMean?
    public var stars: Int
    public var kind: EvaluationKind
    public var note: String?

    public init(productName: String, productCode: String, productSet: ProductSetLabel, producerName: String,
                producerAddress: String, score: ExactMean? = nil, stars: Int, kind: EvaluationKind = .first,
                note: String? = nil) {
        self.productName = productName
        self.productCode = productCode
        self.productSet = productSet
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.score = score
        self.stars = stars
        self.kind = kind
        self.note = note
    }
}

/// What an annex lists; it decides the annex title and the khoản of Điều 1 that refers to it.
public enum AnnexSubject: Sendable, Codable, Hashable {
    /// Products recognised at `stars` (3 or 4).
    case recognised(stars: Int)
    /// Products of ≥ 90 points whose result is approved and proposed to the Ministry (QĐ 26 Art. 7.3.đ).
    case proposedFiveStars
}

/// A Phụ lục of the decision (NĐ 30 Mẫu 2.1), numbered I, II, … in order.
public struct DecisionAnnex: Sendable, Codable, Hashable {
    public var subject: AnnexSubject
    public var columns: [AnnexColumn]
    public var rows: [AnnexProductRow]
    public var orientation: PageOrientation

    public init(subject: AnnexSubject, columns: [AnnexColumn] = AnnexColumn.allCases, rows: [AnnexProductRow],
                orientation: PageOrientation = .automatic) {
        self.subject = subject
        self.columns = columns
        self.rows = rows
        self.orientation = orientation
    }
}

/// Quyết định công nhận kết quả đánh giá, phân hạng và cấp giấy chứng nhận sản phẩm OCOP
/// (NĐ 30 Mẫu 1.2, skeleton of documents.md §2.3), with its annexes (Mẫu 2.1).
public struct DecisionDocument: Sendable, Codable, Hashable {
    public var language: Language
    public var header: AdministrativeHeader
    /// Thẩm quyền ban hành: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH".
    public var authority: String
    /// The same authority in running text, cited by the annexes: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh".
    public var issuerName: String
    /// The province as it is named in running text: "tỉnh Bắc Ninh"; empty on the Minister's decision.
    public var provinceName: String
    /// The Minister's 5★ decision (Art. 7.4.e), not a province's.
    public var ministry: Bool
    public var year: Int
    public var round: Int
    /// Căn cứ, without "Căn cứ" and the closing ";" ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15").
    public var legalBases: [String]
    public var proposal: Proposal?
    /// Validity of the certificates in months (QĐ 26 Art. 4.3: 36).
    public var validityMonths: Int
    /// The provincial OCOP body that announces results and hands over certificates: "Sở Nông nghiệp và Môi trường".
    public var implementingAgency: String
    /// Those responsible for executing the decision (Điều 4).
    public var executors: [String]
    public var annexes: [DecisionAnnex]
    public var recipients: Recipients
    public var signer: Signer
    /// Seal and signature images, when the province prints them.
    public var artwork: IssuerArtwork
    public var layout: PageLayout
    /// A small line at the foot of the last page (e.g. the audit-chain head).
    public var auditLine: String?

    public init(
        language: Language = .vi, header: AdministrativeHeader, authority: String, issuerName: String, provinceName: String,
        ministry: Bool = false, year: Int,
        round: Int, legalBases: [String], proposal: Proposal? = nil, validityMonths: Int = 36,
        implementingAgency: String, executors: [String], annexes: [DecisionAnnex], recipients: Recipients,
        signer: Signer, artwork: IssuerArtwork = IssuerArtwork(), layout: PageLayout = PageLayout(),
        auditLine: String? = nil
    ) {
        self.language = language
        self.header = header
        self.authority = authority
        self.issuerName = issuerName
        self.provinceName = provinceName
        self.ministry = ministry
        self.year = year
        self.round = round
        self.legalBases = legalBases
        self.proposal = proposal
        self.validityMonths = validityMonths
        self.implementingAgency = implementingAgency
        self.executors = executors
        self.annexes = annexes
        self.recipients = recipients
        self.signer = signer
        self.artwork = artwork
        self.layout = layout
        self.auditLine = auditLine
    }
}
