import Foundation

/// One data line of an imported file: its physical line number and its fields by column name.
public struct ImportRecord: Sendable {
    public let line: Int
    public let fields: [String: String]

    public init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
    }

    /// A trimmed, NFC value; `nil` when empty or absent.
    public func value(_ column: String) -> String? {
        guard let raw = fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return raw.precomposedStringWithCanonicalMapping
    }
}

/// What can be imported, with the columns each file must and may have (documented in docs/import.md).
public enum ImportKind: String, Sendable, CaseIterable {
    case provinces, communes, producers, products, recognitions

    public var requiredColumns: [String] {
        switch self {
        case .provinces: ["code", "name"]
        case .communes: ["code", "name", "province_code"]
        case .producers: ["registration_no", "name", "kind", "commune_code"]
        case .products: ["name", "producer_registration_no", "product_set"]
        case .recognitions: ["product_name", "producer_registration_no", "stars", "year", "decision_date", "rubric", "province_code"]
        }
    }

    public var optionalColumns: [String] {
        switch self {
        case .provinces: ["kind", "valid_from", "valid_to", "successor_code", "note"]
        case .communes: ["kind", "valid_from", "valid_to", "former_district", "note"]
        case .producers: ["address", "phone", "email", "representative", "representative_female", "representative_ethnic_minority", "representative_disabled", "illustrative"]
        case .products: ["code", "commune_code", "year", "illustrative"]
        case .recognitions: ["score", "decision_no", "valid_until", "issuer", "revoked_on", "revocation_reason", "illustrative"]
        }
    }
}


/// What `ocop score import` did.
public struct ScoreImportSummary: Sendable, Codable, Hashable {
    public var session: String
    public var sheets: Int
    public var answers: Int
    public var corrections: Int

    public init(session: String, sheets: Int, answers: Int, corrections: Int) {
        self.session = session
        self.sheets = sheets
        self.answers = answers
        self.corrections = corrections
    }
}
