import Foundation

/// The kinds of OCOP producer (chủ thể OCOP), QĐ 26/2026 Art. 2.3.
public enum ProducerKind: String, Sendable, CaseIterable, Codable {
    case cooperative = "htx"          // hợp tác xã
    case cooperativeGroup = "tht"     // tổ hợp tác
    case enterprise = "dn"            // doanh nghiệp nhỏ và vừa
    case farm = "trang_trai"          // trang trại
    case household = "ho"             // hộ sản xuất / hộ gia đình có đăng ký kinh doanh
    case association = "hoi"          // hội, hiệp hội, trung tâm điều hành (tourism only)

    public var label: LocalizedText {
        switch self {
        case .cooperative: LocalizedText(vi: "Hợp tác xã", en: "Cooperative (HTX)")
        case .cooperativeGroup: LocalizedText(vi: "Tổ hợp tác", en: "Cooperative group (THT)")
        case .enterprise: LocalizedText(vi: "Doanh nghiệp nhỏ và vừa", en: "Small or medium enterprise")
        case .farm: LocalizedText(vi: "Trang trại", en: "Farm")
        case .household: LocalizedText(vi: "Hộ sản xuất, hộ gia đình có đăng ký kinh doanh", en: "Registered household")
        case .association: LocalizedText(vi: "Hội, hiệp hội, trung tâm điều hành", en: "Association / tourism operating centre")
        }
    }

    /// Accepts the stored code, Vietnamese words with or without diacritics, or English.
    public init?(flexible raw: String) {
        let key = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = ProducerKind(rawValue: key) { self = exact; return }
        switch key {
        case "hợp tác xã", "hop tac xa", "cooperative": self = .cooperative
        case "tổ hợp tác", "to hop tac", "cooperative-group": self = .cooperativeGroup
        case "doanh nghiệp", "doanh nghiep", "enterprise", "company": self = .enterprise
        case "trang trại", "farm": self = .farm
        case "hộ", "hộ gia đình", "ho gia dinh", "household": self = .household
        case "hội", "hiệp hội", "association": self = .association
        default: return nil
        }
    }
}

/// Evaluation type on Mẫu 01: lần đầu / nâng hạng / đánh giá lại.
public enum DossierKind: String, Sendable, CaseIterable, Codable {
    case firstEvaluation = "lan_dau"
    case upgrade = "nang_hang"
    case reEvaluation = "danh_gia_lai"

    public var label: LocalizedText {
        switch self {
        case .firstEvaluation: LocalizedText(vi: "Đánh giá lần đầu", en: "First evaluation")
        case .upgrade: LocalizedText(vi: "Nâng hạng", en: "Upgrade")
        case .reEvaluation: LocalizedText(vi: "Đánh giá lại", en: "Re-evaluation")
        }
    }

    public init?(flexible raw: String) {
        let key = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = DossierKind(rawValue: key) { self = exact; return }
        switch key {
        case "first", "lần đầu", "lan-dau": self = .firstEvaluation
        case "upgrade", "nâng hạng", "nang-hang": self = .upgrade
        case "re-evaluation", "reevaluation", "đánh giá lại", "danh-gia-lai": self = .reEvaluation
        default: return nil
        }
    }
}

/// Product code `T-X-STT-YYYY` (QĐ 26/2026 Phụ lục II header): province code, commune code,
/// the commune's serial number and the evaluation year.
public struct ProductCode: Sendable, Hashable, CustomStringConvertible {
    public let provinceCode: String
    public let communeCode: String
    public let serial: Int
    public let year: Int

    public init(provinceCode: String, communeCode: String, serial: Int, year: Int) {
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.serial = serial
        self.year = year
    }

    /// Serials are written with at least three digits (001), as provinces print them.
    public var description: String {
        let digits = String(serial)
        return "\(provinceCode)-\(communeCode)-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)-\(year)"
    }

    public init?(parsing text: String) {
        // Empty parts count ("24--001-2026" is not a code); only ASCII digits ("²" is a number too).
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let serial = Int(parts[2]), let year = Int(parts[3]), parts[3].count == 4
        else { return nil }
        self.init(provinceCode: String(parts[0]), communeCode: String(parts[1]), serial: serial, year: year)
    }
}

/// A product set number, 1…26 (Phụ lục I / II of QĐ 26/2026).
public struct ProductSetNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: Int
    public init?(_ value: Int) {
        guard (1...26).contains(value) else { return nil }
        self.value = value
    }
    public var description: String { String(value) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

extension ProducerKind {
    /// Associations, unions and tourism operating centres are OCOP producers only of community
    /// tourism services (Bộ 26, QĐ 26/2026 Art. 2.3); every other kind may own any product set.
    public func mayOwn(productSet: Int) -> Bool {
        self != .association || productSet == 26
    }

    /// Why this kind may not own a product of `productSet`.
    public func ownershipRefusal(productSet: Int) -> DomainError {
        .invalidValue(field: "product_set", value: String(productSet), reason: LocalizedText(
            vi: "hội, hiệp hội, trung tâm điều hành chỉ là chủ thể của sản phẩm du lịch (bộ 26).",
            en: "associations and tourism centres may only own tourism products (set 26)."))
    }
}
