/// A code that names a record: parsed and normalised once, at the boundary, then passed around
/// typed. Codable as its plain string.
public protocol RecordCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The field name used in errors (`dossier`, `person`, …).
    static var field: String { get }
    /// What a well-formed code looks like, for error messages.
    static var shape: LocalizedText { get }
    var rawValue: String { get }
    /// `nil` when `raw` (after trimming and case normalisation) is not a well-formed code.
    init?(normalizing raw: String)
}

extension RecordCode {
    /// Parses user input or throws `DomainError.invalidValue` naming the field and the expected shape.
    public init(parsing raw: String) throws(DomainError) {
        try self.init(parsing: raw, field: Self.field)
    }

    /// Parses a value of the input `field` (e.g. the `code` column of a province file).
    public init(parsing raw: String, field: String) throws(DomainError) {
        if raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DomainError.missingValue(field: field, what: LocalizedText(vi: "không được để trống.", en: "must not be blank."))
        }
        guard let code = Self(normalizing: raw) else {
            throw DomainError.invalidValue(field: field, value: raw, reason: Self.shape)
        }
        self = code
    }

    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = Self(normalizing: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.field) code: \(raw)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// ASCII-only checks: `２４` (full-width) or `²` must never pass as digits.
enum CodeShape {
    static func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }
    static func isUpper(_ b: UInt8) -> Bool { (65...90).contains(b) }
    static func isLower(_ b: UInt8) -> Bool { (97...122).contains(b) }

    /// A code someone chooses (council, outlet, person): trimmed and folded to one case, then
    /// ASCII letters of that case, digits, `.`, `_`, `-`, starting with a letter or digit, at most
    /// `maxLength` bytes; nil when it is not one.
    static func chosen(_ raw: String, upper: Bool, maxLength: Int) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let text = upper ? trimmed.uppercased() : trimmed.lowercased()
        let letter = upper ? isUpper : isLower
        let bytes = Array(text.utf8)
        guard (1...maxLength).contains(bytes.count), letter(bytes[0]) || isDigit(bytes[0]),
              bytes.allSatisfy({ letter($0) || isDigit($0) || $0 == 46 || $0 == 95 || $0 == 45 })
        else { return nil }
        return text
    }

    /// `prefix-YYYY-N…` with `digits` digits at least (and at most `maxDigits`).
    static func serial(_ text: String, prefix: String, digits: ClosedRange<Int>) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, parts[1].utf8.count == 4, parts[1].utf8.allSatisfy(isDigit),
              digits.contains(parts[2].utf8.count), parts[2].utf8.allSatisfy(isDigit)
        else { return false }
        return true
    }
}

/// A dossier code `HS-YYYY-NNNN`, assigned when the dossier is opened.
public struct DossierCode: RecordCode {
    public static let field = "dossier"
    public static let shape = LocalizedText(vi: "mã hồ sơ có dạng HS-YYYY-NNNN, vd. HS-2026-0001", en: "a dossier code looks like HS-YYYY-NNNN, e.g. HS-2026-0001")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard CodeShape.serial(text, prefix: "HS", digits: 4...6) else { return nil }
        rawValue = text
    }
    /// The code of serial `serial` in `year`.
    public init(year: Int, serial: Int) {
        let digits = String(serial)
        rawValue = "HS-\(year)-" + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}

/// A council session code `PH-YYYY-NNN`, assigned when the session is opened.
public struct SessionCode: RecordCode {
    public static let field = "session"
    public static let shape = LocalizedText(vi: "mã phiên họp có dạng PH-YYYY-NNN, vd. PH-2026-001", en: "a session code looks like PH-YYYY-NNN, e.g. PH-2026-001")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard CodeShape.serial(text, prefix: "PH", digits: 3...6) else { return nil }
        rawValue = text
    }
    public init(year: Int, serial: Int) {
        let digits = String(serial)
        rawValue = "PH-\(year)-" + String(repeating: "0", count: Swift.max(0, 3 - digits.count)) + digits
    }
}

/// A council's code, chosen when it is created (e.g. `BN-HD-2026`): upper-case ASCII letters,
/// digits, `.`, `_`, `-`; at most 40 characters.
public struct CouncilCode: RecordCode {
    public static let field = "council"
    public static let shape = LocalizedText(
        vi: "mã hội đồng gồm chữ cái không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 40 ký tự), vd. BN-HD-2026",
        en: "a council code uses ASCII letters, digits, dots, underscores and dashes (at most 40), e.g. BN-HD-2026")
    public let rawValue: String
    public init?(normalizing raw: String) {
        guard let text = CodeShape.chosen(raw, upper: true, maxLength: 40) else { return nil }
        rawValue = text
    }
}

/// A person's code (council members, officials, producers' contacts), e.g. `nguyen-van-a`:
/// lower-case ASCII letters, digits, `.`, `_`, `-`; at most 64 characters. It is also the login
/// name an official uses.
public struct PersonCode: RecordCode {
    public static let field = "person"
    public static let shape = LocalizedText(
        vi: "mã người gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự), vd. nguyen-van-a",
        en: "a person code uses lower-case ASCII letters, digits, dots, underscores and dashes (at most 64), e.g. nguyen-van-a")
    public let rawValue: String
    public init?(normalizing raw: String) {
        guard let text = CodeShape.chosen(raw, upper: false, maxLength: 64) else { return nil }
        rawValue = text
    }
}

/// Whether a council session still takes sheets.
public enum SessionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case finalized

    public var label: LocalizedText {
        switch self {
        // Open: it takes sheets, whether its day is past, today or still to come.
        case .open: LocalizedText(vi: "đang mở", en: "open")
        case .finalized: LocalizedText(vi: "đã kết thúc", en: "finalized")
        }
    }
}

/// A database login name (a PostgreSQL role an official logs in as), e.g. `tk_bui_thi_thu`:
/// lower-case ASCII letters, digits and underscores, starting with a letter; at most 63
/// characters; not `ocop_…` (the office roles) nor a PostgreSQL reserved `pg_…` name.
public struct LoginName: RecordCode {
    public static let field = "login"
    public static let shape = LocalizedText(
        vi: "tên đăng nhập gồm chữ thường không dấu, chữ số, gạch dưới, bắt đầu bằng chữ cái (tối đa 63 ký tự), không bắt đầu bằng ocop_ hay pg_, vd. tk_bui_thi_thu",
        en: "a login uses lower-case ASCII letters, digits and underscores, starts with a letter (at most 63), and does not start with ocop_ or pg_, e.g. tk_bui_thi_thu")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count), CodeShape.isLower(bytes[0]),
              bytes.allSatisfy({ CodeShape.isLower($0) || CodeShape.isDigit($0) || $0 == 95 }),
              !text.hasPrefix("ocop_"), !text.hasPrefix("pg_"), !["ocop", "postgres", "public"].contains(text)
        else { return nil }
        rawValue = text
    }
}
