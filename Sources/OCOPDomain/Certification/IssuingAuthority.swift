import Foundation

/// Who recognises a product and signs its certificate (QĐ 26/2026 Art. 4.1, 7.3.e, 7.4.e) and who
/// revokes it (Art. 8.2): the chair of a provincial people's committee for 3★ and 4★, the Minister
/// of Agriculture and Environment (BNN&MT) for 5★.
public enum IssuingAuthority: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Chủ tịch UBND cấp tỉnh; `code` is the province code of QĐ 19/2025/QĐ-TTg ("24").
    case province(code: String)
    /// Bộ trưởng Bộ Nông nghiệp và Môi trường.
    case ministry

    /// The code used in certificate numbers: the province code, or "BNNMT".
    public static let ministryCode = "BNNMT"

    /// Parses a province code (two ASCII digits) or "BNNMT" (any case).
    public init?(code: String) {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == Self.ministryCode { self = .ministry; return }
        guard Self.isProvinceCode(trimmed) else { return nil }
        self = .province(code: trimmed)
    }

    /// Two ASCII digits, as in QĐ 19/2025/QĐ-TTg.
    public static func isProvinceCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// "24" or "BNNMT".
    public var code: String {
        switch self {
        case .province(let code): code
        case .ministry: Self.ministryCode
        }
    }

    public var description: String { code }

    public var isMinistry: Bool { self == .ministry }

    /// The council whose results this authority recognises on its own level.
    public var councilLevel: CouncilLevel { isMinistry ? .central : .provincial }

    /// Stars this authority may recognise and revoke: 3★–4★ (province), 5★ (Ministry).
    public var recognisableStars: ClosedRange<Int> { isMinistry ? 5...5 : 3...4 }

    /// Whether this kind of authority recognises and revokes `stars` (the province's code is not
    /// compared: after the 2025 mergers the successor province acts for the old one).
    public func recognises(stars: Int) -> Bool { recognisableStars.contains(stars) }

    /// The signer as the law names it.
    public var label: LocalizedText {
        switch self {
        case .province(let code):
            LocalizedText(vi: "Chủ tịch Ủy ban nhân dân cấp tỉnh (mã tỉnh \(code))", en: "Chair of the provincial people's committee (province \(code))")
        case .ministry:
            LocalizedText(vi: "Bộ trưởng Bộ Nông nghiệp và Môi trường", en: "Minister of Agriculture and Environment")
        }
    }

    /// The kind of authority the law gives `stars` to, in words (for refusals).
    public static func competentLabel(forStars stars: Int) -> LocalizedText {
        stars >= 5
            ? LocalizedText(vi: "Bộ trưởng Bộ Nông nghiệp và Môi trường", en: "the Minister of Agriculture and Environment")
            : LocalizedText(vi: "Chủ tịch Ủy ban nhân dân cấp tỉnh", en: "the chair of the provincial people's committee")
    }
}

/// A recognition (or revocation) decision's number: "123/QĐ-UBND". NĐ 30/2020 Art. 15 and Phụ lục I
/// II.3: numbers run per calendar year from 01, numbers below 10 are written with a leading zero
/// ("05/QĐ-UBND"), "/" separates the number from the symbol, "-" joins the symbol's groups, no
/// spaces. Two numbers are equal when number and symbol are; that a number is unique per issuer and
/// year is the store's job.
public struct DecisionNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let number: Int
    /// "QĐ-UBND": groups of upper-case letters (Đ included) and digits, joined by "-".
    public let symbol: String

    public init(number: Int, symbol: String) throws(CertificationError) {
        let text = "\(number)/\(symbol)"
        guard number >= 1 else {
            throw .invalidDecisionNumber(text: text, reason: LocalizedText(vi: "số phải từ 1 trở lên", en: "the number must be 1 or more"))
        }
        if let reason = Self.symbolProblem(symbol) { throw .invalidDecisionNumber(text: text, reason: reason) }
        self.number = number
        self.symbol = symbol
    }

    /// Parses "123/QĐ-UBND" or "5/QĐ-UBND" (a missing leading zero is accepted); surrounding
    /// whitespace is ignored.
    public init(parsing raw: String) throws(CertificationError) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .invalidDecisionNumber(text: raw, reason: LocalizedText(
                vi: "phải có dạng số/ký hiệu, ví dụ 123/QĐ-UBND", en: "expected number/symbol, e.g. 123/QĐ-UBND"))
        }
        let digits = parts[0]
        guard !digits.isEmpty, digits.utf8.count <= 9, digits.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(digits) else {
            throw .invalidDecisionNumber(text: raw, reason: LocalizedText(
                vi: "phần số trước dấu / phải là chữ số", en: "the part before / must be digits"))
        }
        try self.init(number: number, symbol: String(parts[1]))
    }

    /// "05/QĐ-UBND".
    public var description: String { "\(number < 10 ? "0" : "")\(number)/\(symbol)" }

    static func symbolProblem(_ symbol: String) -> LocalizedText? {
        let groups = symbol.split(separator: "-", omittingEmptySubsequences: false)
        guard !symbol.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else {
            return LocalizedText(vi: "ký hiệu gồm các nhóm chữ nối bằng dấu -, ví dụ QĐ-UBND", en: "the symbol is groups joined by -, e.g. QĐ-UBND")
        }
        for scalar in symbol.unicodeScalars where scalar != "-" {
            let ok = ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "Đ"
            if !ok {
                return LocalizedText(vi: "ký hiệu chỉ gồm chữ in hoa (kể cả Đ), chữ số và dấu -, không có dấu cách: «\(scalar)»",
                                     en: "the symbol takes only upper-case letters (Đ included), digits and -, no spaces: «\(scalar)»")
            }
        }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message(.en)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A certificate's number. The law prescribes none (documents.md §3.3), so the workbench uses
/// `GCN-<issuer>-<year>-<serial>`: issuer = the province code ("24") or "BNNMT" for the Ministry,
/// year = the issue year, serial = from 1 per issuer and year, written with at least four digits
/// ("GCN-24-2026-0001", "GCN-BNNMT-2026-0012"). Unique per issuer: the year is part of the number,
/// as with decision numbers (NĐ 30 Art. 15).
public struct CertificateNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public static let prefix = "GCN"

    public let issuer: IssuingAuthority
    public let year: Int
    public let serial: Int

    public init(issuer: IssuingAuthority, year: Int, serial: Int) throws(CertificationError) {
        let text = "\(Self.prefix)-\(issuer.code)-\(year)-\(serial)"
        if case .province(let code) = issuer, !IssuingAuthority.isProvinceCode(code) {
            throw .invalidCertificateNumber(text: text, reason: LocalizedText(
                vi: "mã tỉnh gồm 2 chữ số (QĐ 19/2025/QĐ-TTg), hoặc BNNMT", en: "the issuer is a two-digit province code (QĐ 19/2025/QĐ-TTg) or BNNMT"))
        }
        guard (1000...9999).contains(year) else {
            throw .invalidCertificateNumber(text: text, reason: LocalizedText(vi: "năm gồm 4 chữ số", en: "the year has four digits"))
        }
        guard serial >= 1 else {
            throw .invalidCertificateNumber(text: text, reason: LocalizedText(vi: "số thứ tự phải từ 1 trở lên", en: "the serial must be 1 or more"))
        }
        self.issuer = issuer
        self.year = year
        self.serial = serial
    }

    /// Parses "GCN-24-2026-0001" (prefix and BNNMT in any case; fewer serial digits accepted).
    public init(parsing raw: String) throws(CertificationError) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.count <= 9 && s.utf8.allSatisfy { (48...57).contains($0) } }
        guard parts.count == 4, parts[0].uppercased() == Self.prefix else {
            throw .invalidCertificateNumber(text: raw, reason: LocalizedText(
                vi: "phải có dạng GCN-<mã tỉnh hoặc BNNMT>-<năm>-<số thứ tự>, ví dụ GCN-24-2026-0001",
                en: "expected GCN-<province code or BNNMT>-<year>-<serial>, e.g. GCN-24-2026-0001"))
        }
        guard let issuer = IssuingAuthority(code: String(parts[1])) else {
            throw .invalidCertificateNumber(text: raw, reason: LocalizedText(
                vi: "mã cơ quan cấp phải là mã tỉnh 2 chữ số hoặc BNNMT", en: "the issuer must be a two-digit province code or BNNMT"))
        }
        guard parts[2].utf8.count == 4, digits(parts[2]), let year = Int(parts[2]) else {
            throw .invalidCertificateNumber(text: raw, reason: LocalizedText(vi: "năm gồm 4 chữ số", en: "the year has four digits"))
        }
        guard digits(parts[3]), let serial = Int(parts[3]) else {
            throw .invalidCertificateNumber(text: raw, reason: LocalizedText(vi: "số thứ tự phải là chữ số", en: "the serial must be digits"))
        }
        try self.init(issuer: issuer, year: year, serial: serial)
    }

    /// "GCN-24-2026-0001".
    public var description: String {
        let digits = String(serial)
        return "\(Self.prefix)-\(issuer.code)-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }

    /// By issuer code, then year, then serial.
    public static func < (a: Self, b: Self) -> Bool {
        (a.issuer.code, a.year, a.serial) < (b.issuer.code, b.year, b.serial)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message(.en)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
