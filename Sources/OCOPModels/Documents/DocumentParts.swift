import OCOPDomain

/// An sRGB colour, 0…255 per channel.
public struct RGBColor: Sendable, Codable, Hashable {
    public var red: Int
    public var green: Int
    public var blue: Int

    public init(red: Int, green: Int, blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    /// The red of "GIẤY CHỨNG NHẬN" on provincial certificates.
    public static let certificateRed = RGBColor(red: 192, green: 0, blue: 0)
    /// Fill of the printed stars.
    public static let starGold = RGBColor(red: 232, green: 176, blue: 0)
    /// Default colour of the certificate frame (a deep green, as on the district specimen's outer border).
    public static let frameGreen = RGBColor(red: 22, green: 94, blue: 56)
}

/// Page margins in millimetres. NĐ 30/2020 Phụ lục I: top and bottom 20–25, left 30–35, right 15–20.
public struct PageMargins: Sendable, Codable, Hashable {
    public var top: Double
    public var bottom: Double
    public var left: Double
    public var right: Double

    /// The smallest margins NĐ 30 allows: the widest text (165 mm), which the two-column header needs.
    public init(top: Double = 20, bottom: Double = 20, left: Double = 30, right: Double = 15) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }
}

/// Page and paragraph settings of an administrative document (NĐ 30/2020 Phụ lục I).
public struct PageLayout: Sendable, Codable, Hashable {
    public var margins: PageMargins
    /// Body text size in points: 13 or 14 (the decree's sample uses 14).
    public var bodySize: Double
    /// First-line indent of body paragraphs, millimetres: 10 or 12.7.
    public var firstLineIndent: Double
    /// Space after each body paragraph, points (at least 6).
    public var paragraphSpacing: Double
    /// Line spacing as a multiple of single spacing (1.0 … 1.5).
    public var lineSpacing: Double

    public init(margins: PageMargins = PageMargins(), bodySize: Double = 14, firstLineIndent: Double = 12.7,
                paragraphSpacing: Double = 6, lineSpacing: Double = 1.0) {
        self.margins = margins
        self.bodySize = bodySize
        self.firstLineIndent = firstLineIndent
        self.paragraphSpacing = paragraphSpacing
        self.lineSpacing = lineSpacing
    }
}

/// The header of an administrative document: ô 2–4 of NĐ 30 (agency, number, place and date).
public struct AdministrativeHeader: Sendable, Codable, Hashable {
    /// Tên cơ quan chủ quản, printed upright above the agency (e.g. "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" above a Sở).
    public var parentAgency: String?
    /// Tên cơ quan ban hành, upper case; "\n" where the agency breaks its name ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH").
    public var agency: String
    /// Số và ký hiệu, e.g. "125/QĐ-UBND" (printed as "Số: 125/QĐ-UBND").
    public var number: String
    /// Địa danh, e.g. "Bắc Ninh".
    public var place: String
    public var date: CalendarDate

    public init(parentAgency: String? = nil, agency: String, number: String, place: String, date: CalendarDate) {
        self.parentAgency = parentAgency
        self.agency = agency
        self.number = number
        self.place = place
        self.date = date
    }
}

/// Who signs: quyền hạn ("KT. CHỦ TỊCH"), chức vụ ("PHÓ CHỦ TỊCH") and name (ô 7a–7b).
public struct Signer: Sendable, Codable, Hashable {
    /// "TM.", "KT.", "Q.", "TL.", "TUQ." line, when the signer does not sign in their own right.
    public var authority: String?
    public var title: String
    public var name: String

    public init(authority: String? = nil, title: String, name: String) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}

/// PNG files a province configures for its printed documents. The project ships none; an absent
/// file leaves its place blank. Paths are read when rendering; a path that cannot be read is an error.
public struct IssuerArtwork: Sendable, Codable, Hashable {
    /// Quốc huy, printed at the top centre of the certificate.
    public var nationalEmblem: String?
    /// The OCOP mark the province is allowed to use (QĐ 1162/QĐ-VPĐP-OCOP Art. 4.a).
    public var ocopMark: String?
    /// The red seal, drawn at its real size over the left third of the signature (NĐ 30 Phụ lục I, II.8).
    public var seal: String?
    /// The signer's signature, a transparent PNG.
    public var signature: String?
    /// Real diameter of the seal, millimetres.
    public var sealDiameter: Double

    public init(nationalEmblem: String? = nil, ocopMark: String? = nil, seal: String? = nil, signature: String? = nil,
                sealDiameter: Double = 36) {
        self.nationalEmblem = nationalEmblem
        self.ocopMark = ocopMark
        self.seal = seal
        self.signature = signature
        self.sealDiameter = sealDiameter
    }
}

/// A reference to another document: "Quyết định số 125/QĐ-UBND ngày 05 tháng 8 năm 2026 của …".
public struct DocumentReference: Sendable, Codable, Hashable {
    /// Tên loại as it is cited: "Quyết định", "Tờ trình", "Kết luận kiểm tra", "Biên bản".
    public var kind: String
    public var number: String
    public var date: CalendarDate
    /// "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh"; printed after "của".
    public var issuer: String?
    /// Trích yếu, printed after the issuer ("về việc thành lập Hội đồng …").
    public var subject: String?

    public init(kind: String, number: String, date: CalendarDate, issuer: String? = nil, subject: String? = nil) {
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
        self.subject = subject
    }
}

/// "Theo đề nghị của <proposer> tại <submission>."
public struct Proposal: Sendable, Codable, Hashable {
    /// "Giám đốc Sở Nông nghiệp và Môi trường".
    public var proposer: String
    /// The Tờ trình, when there is one.
    public var submission: DocumentReference?

    public init(proposer: String, submission: DocumentReference? = nil) {
        self.proposer = proposer
        self.submission = submission
    }
}

/// Nơi nhận: the recipients, each printed "- <text>;", then "- Lưu: <archive>.".
public struct Recipients: Sendable, Codable, Hashable {
    public var lines: [String]
    /// "VT, KT" → "- Lưu: VT, KT.".
    public var archive: String

    public init(_ lines: [String], archive: String) {
        self.lines = lines
        self.archive = archive
    }
}

/// A product set as printed: "8. Chế biến từ thịt, thủy sản, …".
public struct ProductSetLabel: Sendable, Codable, Hashable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }

    public init(_ set: ProductSet) {
        self.init(number: set.number, title: set.title)
    }
}

/// How a product came to the council (QĐ 26 Art. 6.1 a–c).
public enum EvaluationKind: String, Sendable, Codable, Hashable, CaseIterable {
    case first
    case upgrade
    case reEvaluation

    /// As the annex's "Loại đánh giá" column prints it.
    public var label: LocalizedText {
        switch self {
        case .first: LocalizedText(vi: "Lần đầu", en: "First")
        case .upgrade: LocalizedText(vi: "Nâng hạng", en: "Upgrade")
        case .reEvaluation: LocalizedText(vi: "Đánh giá lại", en: "Re-evaluation")
        }
    }
}

/// Portrait, landscape, or whichever the content needs (NĐ 30: landscape only for wide tables).
public enum PageOrientation: String, Sendable, Codable, Hashable {
    case automatic
    case portrait
    case landscape
}
