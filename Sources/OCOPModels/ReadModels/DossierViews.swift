import Foundation
import OCOPDomain

/// One step of a dossier's history: who, when, from, to, and what was said or recorded.
public struct DossierEvent: Sendable, Codable, Hashable {
    public var at: Date
    public var actor: String
    public var action: DossierAction
    public var from: DossierStatus?
    public var to: DossierStatus
    /// What a person typed (free text, stored as written).
    public var note: String?
    /// What the program recorded, rendered when read.
    public var detail: DossierEventDetail?
    public var missing: [String]

    public init(at: Date, actor: String, action: DossierAction, from: DossierStatus?, to: DossierStatus, note: String?,
                detail: DossierEventDetail?, missing: [String]) {
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.detail = detail
        self.missing = missing
    }

    /// The event's words in the reader's language: the recorded facts, then the typed note.
    public func text(_ language: Language) -> String? {
        let parts = [detail?.text(language), note].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " — ")
    }
}

/// What a producer sees of their dossier (`ocop dossier status`): never a member's scores.
public struct DossierStatusView: Sendable, Codable, Hashable {
    public var dossier: DossierCode
    public var productName: String
    public var productCode: String
    public var producerName: String
    public var kind: DossierKind
    public var year: Int
    public var round: Int
    public var status: DossierStatus
    public var missing: [String]
    public var openedAt: Date
    /// The latest step.
    public var lastEvent: DossierEvent?
    /// The date of the latest council session the dossier was put on.
    public var councilDate: CalendarDate?

    public init(dossier: DossierCode, productName: String, productCode: String, producerName: String, kind: DossierKind, year: Int, round: Int,
                status: DossierStatus, missing: [String], openedAt: Date, lastEvent: DossierEvent?, councilDate: CalendarDate?) {
        self.dossier = dossier
        self.productName = productName
        self.productCode = productCode
        self.producerName = producerName
        self.kind = kind
        self.year = year
        self.round = round
        self.status = status
        self.missing = missing
        self.openedAt = openedAt
        self.lastEvent = lastEvent
        self.councilDate = councilDate
    }

    public var lastChangeAt: Date { lastEvent?.at ?? openedAt }

    /// The JSON contract of `ocop dossier status --format json` (and the portal), in one language.
    public struct JSON: Codable, Hashable, Sendable {
        public let dossier, product, productCode, producer, kind, status, statusText, holder, nextStep: String
        public let year, round: Int
        public let missing: [String]
        public let councilDate: String?
        public let lastChange: String?
        public let openedAt, lastChangeAt: Date

        enum CodingKeys: String, CodingKey {
            case dossier, product, productCode, producer, kind, status, statusText, holder, nextStep, year, round, missing, councilDate,
                 lastChange, openedAt, lastChangeAt
        }

        // Nulls are written, not dropped: consumers test `councilDate == null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(dossier, forKey: .dossier); try c.encode(product, forKey: .product); try c.encode(productCode, forKey: .productCode)
            try c.encode(producer, forKey: .producer); try c.encode(kind, forKey: .kind); try c.encode(status, forKey: .status)
            try c.encode(statusText, forKey: .statusText); try c.encode(holder, forKey: .holder); try c.encode(nextStep, forKey: .nextStep)
            try c.encode(year, forKey: .year); try c.encode(round, forKey: .round); try c.encode(missing, forKey: .missing)
            try c.encode(councilDate, forKey: .councilDate); try c.encode(lastChange, forKey: .lastChange)
            try c.encode(openedAt, forKey: .openedAt); try c.encode(lastChangeAt, forKey: .lastChangeAt)
        }
    }

    public func json(_ language: Language) -> JSON {
        JSON(dossier: dossier.rawValue, product: productName, productCode: productCode, producer: producerName, kind: kind.rawValue,
             status: status.rawValue, statusText: status.label(language), holder: status.holder(language), nextStep: status.nextStep(language),
             year: year, round: round, missing: missing, councilDate: councilDate?.iso, lastChange: lastEvent?.text(language),
             openedAt: openedAt, lastChangeAt: lastChangeAt)
    }
}
