/// Where OCOP products are sold or shown (issue 12 §3; docs/after-recognition.md).
public enum OutletKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A supermarket of a chain (BigC/GO!, WinMart, Aeon, Co.opmart, Lotte …).
    case supermarket
    /// An OCOP display and sales point (điểm giới thiệu và bán sản phẩm OCOP).
    case ocopPoint = "ocop_point"
    /// An agent or shop (đại lý, cửa hàng).
    case agent
    case tradeFair = "trade_fair"
    /// An e-commerce platform.
    case ecommerce
    /// An export market: a country and an importer.
    case export

    public var label: LocalizedText {
        switch self {
        case .supermarket: LocalizedText(vi: "Siêu thị", en: "Supermarket")
        case .ocopPoint: LocalizedText(vi: "Điểm giới thiệu và bán sản phẩm OCOP", en: "OCOP display and sales point")
        case .agent: LocalizedText(vi: "Đại lý, cửa hàng", en: "Agent or shop")
        case .tradeFair: LocalizedText(vi: "Hội chợ, triển lãm", en: "Trade fair")
        case .ecommerce: LocalizedText(vi: "Sàn thương mại điện tử", en: "E-commerce platform")
        case .export: LocalizedText(vi: "Thị trường xuất khẩu", en: "Export market")
        }
    }

    /// A few words, for tables.
    public var shortLabel: LocalizedText {
        switch self {
        case .supermarket: LocalizedText(vi: "Siêu thị", en: "Supermarket")
        case .ocopPoint: LocalizedText(vi: "Điểm bán OCOP", en: "OCOP point")
        case .agent: LocalizedText(vi: "Đại lý", en: "Agent")
        case .tradeFair: LocalizedText(vi: "Hội chợ", en: "Trade fair")
        case .ecommerce: LocalizedText(vi: "Sàn TMĐT", en: "E-commerce")
        case .export: LocalizedText(vi: "Xuất khẩu", en: "Export")
        }
    }

    /// A modern channel or the international market: the top level of criterion 4.1 ("thị
    /// trường quốc tế hoặc kênh phân phối hiện đại … có hợp đồng, minh chứng").
    public var isModernOrInternational: Bool { self == .supermarket || self == .ecommerce || self == .export }

    /// Accepts the code with `-` or `_`, and a few words.
    public init?(flexible raw: String) {
        let key = raw.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "-", with: "_")
        if let exact = OutletKind(rawValue: key) { self = exact; return }
        switch key {
        case "siêu thị", "sieu_thi": self = .supermarket
        case "điểm ocop", "diem_ocop", "point": self = .ocopPoint
        case "đại lý", "dai_ly", "shop", "store": self = .agent
        case "hội chợ", "hoi_cho", "fair": self = .tradeFair
        case "tmđt", "e_commerce", "online": self = .ecommerce
        case "xuất khẩu", "xuat_khau": self = .export
        default: return nil
        }
    }

    public static var codes: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
}

/// An outlet's code, chosen when it is recorded (e.g. `AEON-LB`, `OCOP-YT`): upper-case ASCII
/// letters, digits, `.`, `_`, `-`; at most 40 characters.
public struct OutletCode: RecordCode {
    public static let field = "outlet"
    public static let shape = LocalizedText(
        vi: "mã kênh phân phối gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự), vd. AEON-LB",
        en: "an outlet code uses ASCII letters, digits, dots, underscores and dashes (at most 40), e.g. AEON-LB")
    public let rawValue: String
    public init?(normalizing raw: String) {
        guard let text = CodeShape.chosen(raw, upper: true, maxLength: 40) else { return nil }
        rawValue = text
    }
}

/// An ISO 3166-1 alpha-2 country code of an export market (never VN).
public struct CountryCode: RecordCode {
    public static let field = "country"
    public static let shape = LocalizedText(vi: "mã nước gồm 2 chữ cái theo ISO 3166-1, khác VN, vd. JP, US, RU",
                                            en: "a country is 2 letters of ISO 3166-1, not VN, e.g. JP, US, RU")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let bytes = Array(text.utf8)
        guard bytes.count == 2, bytes.allSatisfy(CodeShape.isUpper), text != "VN" else { return nil }
        rawValue = text
    }
}

/// An outlet as typed, before it is recorded.
public struct OutletDraft: Sendable, Hashable, Codable {
    public var code: OutletCode
    public var kind: OutletKind
    public var name: String
    public var chain: String?
    public var address: String?
    public var country: CountryCode?
    public var importer: String?
    public var note: String?

    public init(code: OutletCode, kind: OutletKind, name: String, chain: String? = nil, address: String? = nil, country: CountryCode? = nil,
                importer: String? = nil, note: String? = nil) {
        self.code = code
        self.kind = kind
        self.name = name
        self.chain = chain
        self.address = address
        self.country = country
        self.importer = importer
        self.note = note
    }

    /// The draft with every text checked and normalised; an export market needs its country,
    /// and only an export market has a country or an importer.
    public func validated() throws(DomainError) -> OutletDraft {
        var out = self
        out.name = try Validate.text(name, field: "name", limit: FieldLimit.name)
        out.chain = try Validate.optionalText(chain, field: "chain", limit: FieldLimit.name)
        out.address = try Validate.optionalText(address, field: "address", limit: FieldLimit.address)
        out.importer = try Validate.optionalText(importer, field: "importer", limit: FieldLimit.name)
        out.note = try Validate.optionalText(note, field: "note", limit: FieldLimit.note, multiline: true)
        if kind == .export, country == nil {
            throw .missingValue(field: "country", what: LocalizedText(vi: "thị trường xuất khẩu cần mã nước (vd. JP).", en: "an export market needs its country (e.g. JP)."))
        }
        if kind != .export, let country {
            throw .invalidValue(field: "country", value: country.rawValue, reason: LocalizedText(
                vi: "chỉ thị trường xuất khẩu (loại export) có mã nước.", en: "only an export market (kind export) has a country."))
        }
        if kind != .export, let importer = out.importer {
            throw .invalidValue(field: "importer", value: importer, reason: LocalizedText(
                vi: "chỉ thị trường xuất khẩu (loại export) có nhà nhập khẩu.", en: "only an export market (kind export) has an importer."))
        }
        return out
    }
}

extension ProductSet {
    /// The distribution criterion of a goods set ("Khu vực phân phối chính", 4.1), on which a
    /// council member reads the product's listings; tourism (Bộ 26) has none.
    public var distributionCriterion: Criterion? {
        scorableCriteria.first { $0.title.contains("phân phối chính") }
    }
}
