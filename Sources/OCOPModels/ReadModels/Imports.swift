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
public enum ImportKind: String, Sendable, Codable, CaseIterable {
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


/// Whether an import may change records that already exist.
public enum ImportMode: String, Sendable, Codable {
    /// Adds new records; a line equal to a stored record is counted as already there; a line
    /// that differs from its stored record is refused.
    case add
    /// Also changes stored records to match the file, reporting each change.
    case update
}

/// One field an import changed.
public struct FieldChange: Sendable, Codable, Hashable {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// The changes an import made to one stored record.
public struct RecordChange: Sendable, Codable, Hashable {
    public var line: Int
    /// The record's key as people name it: `24 (2025-07-01)`, `2400910001`, a product name.
    public var record: String
    public var changes: [FieldChange]

    public init(line: Int, record: String, changes: [FieldChange]) {
        self.line = line
        self.record = record
        self.changes = changes
    }
}

/// What a registry import did: how many records it added, how many lines were already stored
/// as they are, and every change it made (update mode only).
public struct ImportOutcome: Sendable, Codable, Hashable {
    public var kind: ImportKind
    public var file: String
    public var added: Int
    public var unchanged: Int
    public var updated: [RecordChange]

    public init(kind: ImportKind, file: String, added: Int, unchanged: Int, updated: [RecordChange]) {
        self.kind = kind
        self.file = file
        self.added = added
        self.unchanged = unchanged
        self.updated = updated
    }
}

/// What `ocop score import` did.
public struct ScoreImportSummary: Sendable, Codable, Hashable {
    public var session: String
    public var sheets: Int
    public var answers: Int
    public var corrections: Int
    /// Sheets of the file equal to the member's current sheet: imported before, not written again.
    public var unchanged: Int

    public init(session: String, sheets: Int, answers: Int, corrections: Int, unchanged: Int = 0) {
        self.session = session
        self.sheets = sheets
        self.answers = answers
        self.corrections = corrections
        self.unchanged = unchanged
    }
}
