import OCOPDomain

/// A time of day, for the start and end of a meeting.
public struct ClockTime: Sendable, Codable, Hashable {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }
}

/// A council member as listed in the minutes (the domain's `CouncilRole`; advisors are listed but
/// never count towards the quorum).
public struct CouncilMember: Sendable, Codable, Hashable {
    public var name: String
    /// Position and organisation: "Phó Giám đốc Sở Nông nghiệp và Môi trường".
    public var position: String
    public var role: CouncilRole
    public var present: Bool

    public init(name: String, position: String, role: CouncilRole, present: Bool = true) {
        self.name = name
        self.position = position
        self.role = role
        self.present = present
    }
}

/// Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP (NĐ 30 Mẫu 1.9; fields of documents.md §4.2).
public struct MinutesDocument: Sendable, Codable, Hashable {
    public var language: Language
    /// Agency block (the council, under its parent) and "…/BB-HĐOCOP"; Mẫu 1.9 prints no place/date line,
    /// `header.date` is the meeting day.
    public var header: AdministrativeHeader
    /// The council as named in running text: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh".
    public var councilName: String
    /// Provincial or central: the title names a provincial round, and the proposals differ.
    public var level: CouncilLevel
    public var year: Int
    public var round: Int
    public var start: ClockTime
    public var end: ClockTime
    /// Địa điểm.
    public var venue: String
    /// The decision that set up (or re-formed) the council.
    public var establishedBy: DocumentReference
    public var members: [CouncilMember]
    /// Members who must be present for the meeting to proceed (the council's Quy chế).
    public var quorum: Int
    /// Khách mời: Tổ tư vấn, producers presenting, observers.
    public var guests: [String]
    public var products: [ProductEvaluation]
    /// Discussion points and decisions that are not tied to one product (overrides, votes).
    public var discussion: [String]
    public var recipients: Recipients?
    public var layout: PageLayout
    public var auditLine: String?

    public init(
        language: Language = .vi, header: AdministrativeHeader, councilName: String, level: CouncilLevel = .provincial, year: Int, round: Int,
        start: ClockTime, end: ClockTime, venue: String, establishedBy: DocumentReference, members: [CouncilMember],
        quorum: Int, guests: [String] = [], products: [ProductEvaluation], discussion: [String] = [],
        recipients: Recipients? = nil, layout: PageLayout = PageLayout(), auditLine: String? = nil
    ) {
        self.language = language
        self.header = header
        self.councilName = councilName
        self.level = level
        self.year = year
        self.round = round
        self.start = start
        self.end = end
        self.venue = venue
        self.establishedBy = establishedBy
        self.members = members
        self.quorum = quorum
        self.guests = guests
        self.products = products
        self.discussion = discussion
        self.recipients = recipients
        self.layout = layout
        self.auditLine = auditLine
    }
}

/// Thông báo kết quả to a producer whose product was not recognised (QĐ 26 Art. 7.3.g).
public struct NoticeDocument: Sendable, Codable, Hashable {
    public var language: Language
    /// The OCOP body's header, "…/TB-SNNMT".
    public var header: AdministrativeHeader
    /// The issuing body as named in running text: "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh".
    public var issuerName: String
    public var provinceName: String
    public var year: Int
    public var round: Int
    /// Căn cứ, without "Căn cứ" and the closing punctuation.
    public var legalBases: [String]
    /// The council minutes the result comes from.
    public var minutes: DocumentReference
    public var evaluation: ProductEvaluation
    /// The commune (UBND cấp xã) informed with the producer: "Ủy ban nhân dân xã Lục Ngạn".
    public var commune: String
    public var recipients: Recipients
    public var signer: Signer
    public var artwork: IssuerArtwork
    public var layout: PageLayout

    public init(
        language: Language = .vi, header: AdministrativeHeader, issuerName: String, provinceName: String, year: Int,
        round: Int, legalBases: [String], minutes: DocumentReference, evaluation: ProductEvaluation, commune: String,
        recipients: Recipients, signer: Signer, artwork: IssuerArtwork = IssuerArtwork(),
        layout: PageLayout = PageLayout()
    ) {
        self.language = language
        self.header = header
        self.issuerName = issuerName
        self.provinceName = provinceName
        self.year = year
        self.round = round
        self.legalBases = legalBases
        self.minutes = minutes
        self.evaluation = evaluation
        self.commune = commune
        self.recipients = recipients
        self.signer = signer
        self.artwork = artwork
        self.layout = layout
    }
}
