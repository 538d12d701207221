import Foundation
import OCOPDomain

/// The fields of a certificate carried in its QR code, in record order (after the key).
public enum CertificateField: String, Sendable, Hashable, CaseIterable {
    case certificateNumber
    case issuerCode
    case issuerName
    case productName
    case productCode
    case productSet
    case producerName
    case producerAddress
    case evaluationYear
    case evaluationRound
    case stars
    case score
    case place
    case issueDate
    case signerPrefix
    case signerTitle
    case signerName
    case decisionNumber
    case decisionDate
    case validUntil
    case statusListIndex

    public var label: LocalizedText {
        switch self {
        case .certificateNumber: LocalizedText(vi: "Số giấy chứng nhận", en: "Certificate number")
        case .issuerCode: LocalizedText(vi: "Mã cơ quan cấp", en: "Issuer code")
        case .issuerName: LocalizedText(vi: "Cơ quan cấp", en: "Issuer")
        case .productName: LocalizedText(vi: "Tên sản phẩm", en: "Product name")
        case .productCode: LocalizedText(vi: "Mã sản phẩm", en: "Product code")
        case .productSet: LocalizedText(vi: "Bộ sản phẩm", en: "Product set")
        case .producerName: LocalizedText(vi: "Chủ thể sản xuất", en: "Producer")
        case .producerAddress: LocalizedText(vi: "Địa chỉ", en: "Address")
        case .evaluationYear: LocalizedText(vi: "Năm đánh giá", en: "Evaluation year")
        case .evaluationRound: LocalizedText(vi: "Đợt đánh giá", en: "Evaluation round")
        case .stars: LocalizedText(vi: "Hạng sao", en: "Stars")
        case .score: LocalizedText(vi: "Điểm", en: "Score")
        case .place: LocalizedText(vi: "Địa danh", en: "Place")
        case .issueDate: LocalizedText(vi: "Ngày cấp", en: "Issue date")
        case .signerPrefix: LocalizedText(vi: "Dòng thẩm quyền ký", en: "Signing authority line")
        case .signerTitle: LocalizedText(vi: "Chức vụ người ký", en: "Signer's title")
        case .signerName: LocalizedText(vi: "Người ký", en: "Signer")
        case .decisionNumber: LocalizedText(vi: "Số quyết định", en: "Decision number")
        case .decisionDate: LocalizedText(vi: "Ngày quyết định", en: "Decision date")
        case .validUntil: LocalizedText(vi: "Có giá trị đến", en: "Valid until")
        case .statusListIndex: LocalizedText(vi: "Chỉ số danh sách trạng thái", en: "Status list index")
        }
    }

    /// The free-text fields, whose length the application controls.
    public static let textFields: [CertificateField] = [
        .certificateNumber, .issuerName, .productName, .producerName, .producerAddress,
        .place, .signerPrefix, .signerTitle, .signerName, .decisionNumber,
    ]

    /// The most characters this field may have for the certificate's QR code to be sure to fit
    /// version 20 at level Q (see `CertificateLimits`); `nil` for fields of fixed size.
    public var maximumLength: Int? { CertificateLimits.maximum[self] }
}

/// Maximum lengths, in characters (Unicode scalars of the NFC text), that keep a certificate's QR
/// code within version 20 at error-correction level Q in both text forms, with a verification
/// address of up to `verificationAddress` characters.
///
/// Compression makes the size depend on the text, not only on its length, so the guarantee is
/// stated for what certificates hold: the per-certificate fields (number, product, producer,
/// address, signer's name, decision number) may hold any Vietnamese text up to their limits,
/// while the issuer's own lines (issuer name, place, signing-authority line, title) are the
/// issuer's real forms ("Ủy ban nhân dân tỉnh …", "KT. CHỦ TỊCH", …), whose limits only bound
/// the configuration. A property test checks this with random Vietnamese words in every
/// per-certificate field at its limit. Longer real names often still fit:
/// `SignedCertificate.measure` gives the exact size, and `SignedCertificate.issue` refuses
/// (`payloadTooLarge`) rather than make a larger code.
public enum CertificateLimits {
    public static let certificateNumber = 16
    public static let issuerName = 48
    public static let productName = 40
    public static let producerName = 48
    public static let producerAddress = 56
    public static let place = 24
    public static let signerPrefix = 24
    public static let signerTitle = 24
    public static let signerName = 24
    public static let decisionNumber = 16
    /// The product code `T-X-STT-YYYY`, e.g. `24-07534-015-2026` (17).
    public static let productCode = 20
    /// `HTTPS://HOST/PATH/`, upper-case, including the final `/`.
    public static let verificationAddress = 32
    /// Status-list indexes are below this (7 decimal digits).
    public static let statusListIndexBound = 10_000_000

    static let maximum: [CertificateField: Int] = [
        .certificateNumber: certificateNumber, .issuerName: issuerName, .productName: productName,
        .producerName: producerName, .producerAddress: producerAddress, .place: place,
        .signerPrefix: signerPrefix, .signerTitle: signerTitle, .signerName: signerName,
        .decisionNumber: decisionNumber, .productCode: productCode,
    ]

    /// The length of `text` as the limits count it: Unicode scalars after NFC normalization.
    public static func length(of text: String) -> Int {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.count
    }

    /// Refuses `text` longer than the limit of `field` (for input forms).
    public static func check(_ text: String, for field: CertificateField) throws(CredentialError) {
        guard let limit = field.maximumLength else { return }
        let count = length(of: text)
        guard count <= limit else { throw .fieldTooLong(field, length: count, limit: limit) }
    }
}

/// A certificate score in exact hundredths, 0.00…100.00 (the council's mean, rounded half up).
public struct CertificateScore: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hundredths: Int

    public init?(hundredths: Int) {
        guard (0...10_000).contains(hundredths) else { return nil }
        self.hundredths = hundredths
    }

    /// The mean's rounded hundredths (`ExactMean.hundredths`).
    public init?(_ mean: ExactMean) {
        self.init(hundredths: mean.hundredths)
    }

    /// "78.33" (dot separator), the payload form.
    public var plain: String {
        "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// "78,33" in Vietnamese, "78.33" in English.
    public func display(_ language: Language) -> String {
        language == .vi ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    public var description: String { plain }
    public static func < (a: Self, b: Self) -> Bool { a.hundredths < b.hundredths }
}

/// Everything printed on an OCOP certificate, plus its status-list index: what the QR code signs.
/// Text is compared and signed in NFC; Swift's `==` on strings already ignores the difference
/// between composed and decomposed diacritics.
public struct CertificatePayload: Sendable, Hashable {
    public var certificateNumber: String
    public var issuerCode: IssuerCode
    public var issuerName: String
    public var productName: String
    public var productCode: ProductCode
    public var productSet: ProductSetNumber
    public var producerName: String
    public var producerAddress: String
    public var evaluationYear: Int
    public var evaluationRound: Int
    /// 3, 4 or 5.
    public var stars: Int
    public var score: CertificateScore?
    /// The place in the date line ("Lâm Đồng, ngày …").
    public var place: String
    public var issueDate: CalendarDate
    /// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; empty when the head signs in person.
    public var signerPrefix: String
    /// "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "THỨ TRƯỞNG".
    public var signerTitle: String
    public var signerName: String
    /// "125/QĐ-UBND".
    public var decisionNumber: String
    public var decisionDate: CalendarDate
    /// The last day of validity (the certificate is valid to the end of that day).
    public var validUntil: CalendarDate
    /// The certificate's bit in its issuer's status list.
    public var statusListIndex: Int

    public init(
        certificateNumber: String, issuerCode: IssuerCode, issuerName: String,
        productName: String, productCode: ProductCode, productSet: ProductSetNumber,
        producerName: String, producerAddress: String,
        evaluationYear: Int, evaluationRound: Int, stars: Int, score: CertificateScore?,
        place: String, issueDate: CalendarDate,
        signerPrefix: String, signerTitle: String, signerName: String,
        decisionNumber: String, decisionDate: CalendarDate, validUntil: CalendarDate,
        statusListIndex: Int
    ) {
        self.certificateNumber = certificateNumber
        self.issuerCode = issuerCode
        self.issuerName = issuerName
        self.productName = productName
        self.productCode = productCode
        self.productSet = productSet
        self.producerName = producerName
        self.producerAddress = producerAddress
        self.evaluationYear = evaluationYear
        self.evaluationRound = evaluationRound
        self.stars = stars
        self.score = score
        self.place = place
        self.issueDate = issueDate
        self.signerPrefix = signerPrefix
        self.signerTitle = signerTitle
        self.signerName = signerName
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.validUntil = validUntil
        self.statusListIndex = statusListIndex
    }

    /// The value of a free-text field.
    public func text(_ field: CertificateField) -> String? {
        switch field {
        case .certificateNumber: certificateNumber
        case .issuerName: issuerName
        case .productName: productName
        case .producerName: producerName
        case .producerAddress: producerAddress
        case .place: place
        case .signerPrefix: signerPrefix
        case .signerTitle: signerTitle
        case .signerName: signerName
        case .decisionNumber: decisionNumber
        default: nil
        }
    }

    /// Checks what the format itself requires (not the length limits): text without control or
    /// line-break characters and without spaces at either end, required text present, numbers
    /// in range. `SignedCertificate.issue` runs it; a decoded payload satisfies it.
    public func validate() throws(CredentialError) {
        for field in CertificateField.textFields {
            let value = text(field)!
            if value.isEmpty {
                guard field == .signerPrefix else { throw .fieldInvalid(field, value: value, reason: Self.reasonEmpty) }
                continue
            }
            if let bad = value.unicodeScalars.first(where: Self.isForbidden) {
                throw .fieldInvalid(field, value: value, reason: LocalizedText(
                    vi: "có ký tự điều khiển hoặc xuống dòng U+\(Self.hex(bad.value)), không in được trên giấy",
                    en: "it contains a control or line-break character U+\(Self.hex(bad.value)), which cannot be printed"))
            }
            if value.unicodeScalars.first!.properties.isWhitespace || value.unicodeScalars.last!.properties.isWhitespace {
                throw .fieldInvalid(field, value: value, reason: LocalizedText(
                    vi: "có khoảng trắng ở đầu hoặc cuối", en: "it begins or ends with white space"))
            }
        }
        func range(_ field: CertificateField, _ value: Int, _ allowed: ClosedRange<Int>) throws(CredentialError) {
            guard allowed.contains(value) else {
                throw .fieldInvalid(field, value: String(value), reason: LocalizedText(
                    vi: "cần trong khoảng \(allowed.lowerBound)–\(allowed.upperBound)",
                    en: "it must be within \(allowed.lowerBound)–\(allowed.upperBound)"))
            }
        }
        try range(.evaluationYear, evaluationYear, 1000...9999)
        try range(.evaluationRound, evaluationRound, 1...99)
        try range(.stars, stars, 3...5)
        try range(.statusListIndex, statusListIndex, 0...(CertificateLimits.statusListIndexBound - 1))
        guard ProductCode(parsing: productCode.description) == productCode else {
            throw .fieldInvalid(.productCode, value: productCode.description, reason: LocalizedText(
                vi: "không phải mã dạng T-X-STT-YYYY chỉ gồm chữ số", en: "it is not a T-X-STT-YYYY code of digits"))
        }
    }

    /// The fields longer than `CertificateLimits` allows (empty when all are within them).
    public func fieldsOverLimits() -> [(field: CertificateField, length: Int, limit: Int)] {
        var over: [(CertificateField, Int, Int)] = []
        for field in CertificateField.textFields + [.productCode] {
            let value = field == .productCode ? productCode.description : text(field)!
            let count = CertificateLimits.length(of: value)
            if let limit = field.maximumLength, count > limit { over.append((field, count, limit)) }
        }
        return over
    }

    static let reasonEmpty = LocalizedText(vi: "không được để trống", en: "it must not be empty")

    /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
