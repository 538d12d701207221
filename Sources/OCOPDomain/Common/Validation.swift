/// The limits on what people type, in characters (docs/validation.md). Generous for real
/// names and addresses, small enough that a pasted file is never mistaken for a name.
public enum FieldLimit {
    /// Names of producers, products, people, councils and administrative units.
    public static let name = 200
    public static let address = 300
    /// Notes, reasons, findings, missing items: free text that may span lines.
    public static let note = 2000
    /// Short references: decision numbers, paper sheet references, phone numbers.
    public static let reference = 60
    /// RFC 5321's limit on an address.
    public static let email = 254
}

/// Checks of single values as they enter the workbench, from a CSV cell, a sheet file or an
/// argument. Each returns the normalised value (NFC, trimmed) or throws a `DomainError` naming
/// the field, the value and what is expected.
public enum Validate {
    /// Text a person typed: NFC, trimmed, not blank, at most `limit` characters, no control
    /// characters (a NUL would cut the value short in the database; an escape sequence would
    /// drive the terminal that prints it) and no bidirectional overrides (they disguise text).
    /// `multiline` allows line breaks and tabs inside, as in notes.
    public static func text(_ raw: String, field: String, limit: Int, multiline: Bool = false) throws(DomainError) -> String {
        let value = raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw .missingValue(field: field, what: LocalizedText(vi: "không được để trống.", en: "must not be blank."))
        }
        for (offset, scalar) in value.unicodeScalars.enumerated() where !allowed(scalar, multiline: multiline) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw .invalidValue(field: field, value: value, reason: LocalizedText(
                vi: "có ký tự điều khiển \(code) ở vị trí \(offset + 1); hãy xoá nó.",
                en: "contains the control character \(code) at position \(offset + 1); remove it."))
        }
        let count = value.count
        guard count <= limit else {
            throw .invalidValue(field: field, value: value, reason: LocalizedText(
                vi: "dài \(count) ký tự, tối đa \(limit).", en: "is \(count) characters long, at most \(limit) are allowed."))
        }
        return value
    }

    /// A product set number, 1–26 (Phụ lục I).
    @discardableResult
    public static func productSet(_ value: Int) throws(DomainError) -> ProductSetNumber {
        guard let number = ProductSetNumber(value) else {
            throw .invalidValue(field: "product_set", value: String(value), reason: LocalizedText(
                vi: "bộ sản phẩm phải từ 1 đến 26 (Phụ lục I).", en: "the product set must be 1 to 26 (Phụ lục I)."))
        }
        return number
    }

    /// Like `text`, but blank means "no value".
    public static func optionalText(_ raw: String?, field: String, limit: Int, multiline: Bool = false) throws(DomainError) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try text(raw, field: field, limit: limit, multiline: multiline)
    }

    private static func allowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09, 0x0D: return multiline
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return false  // bidi controls
        case 0x2028, 0x2029: return multiline
        case 0xFFF9...0xFFFB, 0xFFFE, 0xFFFF: return false
        default: return scalar.properties.generalCategory != .control && !scalar.properties.isNoncharacterCodePoint
        }
    }

    /// A year a dossier, a product code or a round can carry: from the programme's first
    /// national rubric (2018) to next year (files are prepared ahead of a round).
    public static func year(_ value: Int, field: String = "year", today: CalendarDate) throws(DomainError) -> Int {
        let range = 2018...(today.year + 1)
        guard range.contains(value) else {
            throw .invalidValue(field: field, value: String(value), reason: LocalizedText(
                vi: "năm phải từ \(range.lowerBound) đến \(range.upperBound).", en: "the year must be \(range.lowerBound) to \(range.upperBound)."))
        }
        return value
    }

    /// A calendar date `YYYY-MM-DD` between 1945 and 2100; with `notAfter`, a date that cannot
    /// lie in the future (a decision, a finding).
    public static func date(_ raw: String, field: String, notAfter latest: CalendarDate? = nil) throws(DomainError) -> CalendarDate {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let date = CalendarDate(iso: text) else {
            throw .invalidValue(field: field, value: raw, reason: CalendarDate.problem(parsing: text))
        }
        guard (1945...2100).contains(date.year) else {
            throw .invalidValue(field: field, value: raw, reason: LocalizedText(vi: "năm phải từ 1945 đến 2100.", en: "the year must be 1945 to 2100."))
        }
        if let latest, date > latest {
            throw .invalidValue(field: field, value: raw, reason: LocalizedText(
                vi: "là ngày trong tương lai (hôm nay là \(latest.iso)).", en: "is in the future (today is \(latest.iso))."))
        }
        return date
    }

    /// An e-mail address: one `@` with text on both sides, a dot in the domain, no spaces.
    public static func email(_ raw: String, field: String = "email") throws(DomainError) -> String {
        let value = try text(raw, field: field, limit: FieldLimit.email)
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !value.contains(where: \.isWhitespace)
        else {
            throw .invalidValue(field: field, value: value, reason: LocalizedText(vi: "không phải địa chỉ thư điện tử.", en: "is not an e-mail address."))
        }
        return value
    }

    /// A phone number: digits with optional `+`, spaces, dots, dashes and brackets; 8 to 15 digits.
    public static func phone(_ raw: String, field: String = "phone") throws(DomainError) -> String {
        let value = try text(raw, field: field, limit: FieldLimit.reference)
        let digits = value.utf8.filter(CodeShape.isDigit).count
        guard (8...15).contains(digits), value.utf8.allSatisfy({ CodeShape.isDigit($0) || " +.-()".utf8.contains($0) }) else {
            throw .invalidValue(field: field, value: value, reason: LocalizedText(
                vi: "số điện thoại gồm 8–15 chữ số (có thể có +, dấu cách, dấu chấm, gạch ngang, ngoặc).",
                en: "a phone number has 8–15 digits (optionally +, spaces, dots, dashes, brackets)."))
        }
        return value
    }

    /// A value of a closed set, named by its code.
    public static func choice<T: RawRepresentable & CaseIterable>(_ raw: String, field: String, as type: T.Type) throws(DomainError) -> T
        where T.RawValue == String {
        let key = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = T(rawValue: key) else {
            throw .invalidValue(field: field, value: raw, reason: LocalizedText(
                vi: "phải là một trong: \(T.allCases.map(\.rawValue).joined(separator: ", ")).",
                en: "must be one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        return value
    }
}

/// A province code of the national list (QĐ 124/2004, QĐ 19/2025): two ASCII digits.
public struct ProvinceCode: RecordCode {
    public static let field = "province_code"
    public static let shape = LocalizedText(vi: "mã tỉnh gồm 2 chữ số, vd. 24", en: "a province code is 2 digits, e.g. 24")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count == 2, text.utf8.allSatisfy(CodeShape.isDigit) else { return nil }
        rawValue = text
    }
}

/// A commune code of the national list: five ASCII digits.
public struct CommuneCode: RecordCode {
    public static let field = "commune_code"
    public static let shape = LocalizedText(vi: "mã xã gồm 5 chữ số, vd. 07534", en: "a commune code is 5 digits, e.g. 07534")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.utf8.count == 5, text.utf8.allSatisfy(CodeShape.isDigit) else { return nil }
        rawValue = text
    }
}

/// A producer's tax or business registration number: a 10-digit tax code, a branch code
/// `0123456789-001`, or a household business number such as `20A8000123` — ASCII upper-case
/// letters, digits and dashes, 6 to 20 characters, mostly digits.
public struct RegistrationNumber: RecordCode {
    public static let field = "registration_no"
    public static let shape = LocalizedText(
        vi: "mã số thuế/đăng ký gồm 6–20 chữ số, chữ cái không dấu hoặc gạch ngang, vd. 2400910001 hoặc 0101234567-001",
        en: "a tax/registration number has 6–20 digits, ASCII letters or dashes, e.g. 2400910001 or 0101234567-001")
    public let rawValue: String
    public init?(normalizing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let bytes = Array(text.utf8)
        guard (6...20).contains(bytes.count), CodeShape.isDigit(bytes[0]), CodeShape.isDigit(bytes[bytes.count - 1]),
              bytes.allSatisfy({ CodeShape.isDigit($0) || CodeShape.isUpper($0) || $0 == 45 }),
              bytes.filter(CodeShape.isDigit).count * 2 > bytes.count
        else { return nil }
        rawValue = text
    }
}

extension ProductCode {
    /// A product code as typed (`T-X-STT-YYYY`): a 2-digit province, a 5-digit commune, a serial
    /// and a year the programme can have.
    public static func validated(_ raw: String, field: String = "code", today: CalendarDate) throws(DomainError) -> ProductCode {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let code = ProductCode(parsing: text), ProvinceCode(normalizing: code.provinceCode) != nil,
              CommuneCode(normalizing: code.communeCode) != nil, code.serial >= 1
        else {
            throw .invalidValue(field: field, value: raw, reason: LocalizedText(
                vi: "mã sản phẩm có dạng T-X-STT-YYYY (mã tỉnh 2 số, mã xã 5 số, số thứ tự, năm), vd. 24-07534-001-2026.",
                en: "a product code looks like T-X-STT-YYYY (2-digit province, 5-digit commune, serial, year), e.g. 24-07534-001-2026."))
        }
        _ = try Validate.year(code.year, field: field, today: today)
        return code
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
