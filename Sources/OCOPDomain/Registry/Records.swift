import Foundation

/// A province (tỉnh / thành phố). Units merged on 1/7/2025 keep their rows, closed by
/// `validTo` and pointing at their `successorCode`, so old certificates keep their old province.
public struct Province: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var kind: String
    public var validFrom: String?
    public var validTo: String?
    public var successorCode: String?

    public init(code: String, name: String, kind: String = "tinh", validFrom: String? = nil, validTo: String? = nil, successorCode: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.validFrom = validFrom
        self.validTo = validTo
        self.successorCode = successorCode
    }
}

public struct Commune: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var kind: String
    public var provinceCode: String
    public var validFrom: String?
    public var validTo: String?
    public var formerDistrict: String?

    public init(code: String, name: String, kind: String = "xa", provinceCode: String, validFrom: String? = nil, validTo: String? = nil, formerDistrict: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.provinceCode = provinceCode
        self.validFrom = validFrom
        self.validTo = validTo
        self.formerDistrict = formerDistrict
    }
}

/// The legal representative, with the facts criterion 3.2 scores.
public struct Representative: Sendable, Codable, Hashable {
    public var name: String?
    public var female: Bool
    public var ethnicMinority: Bool
    public var disabled: Bool

    public init(name: String? = nil, female: Bool = false, ethnicMinority: Bool = false, disabled: Bool = false) {
        self.name = name
        self.female = female
        self.ethnicMinority = ethnicMinority
        self.disabled = disabled
    }

    /// Criterion 3.2: 1 point when the representative is a woman, an ethnic minority or a person with disability.
    public var qualifiesForCriterion32: Bool { female || ethnicMinority || disabled }
}

/// A new or edited producer, as entered.
public struct ProducerDraft: Sendable, Codable, Hashable {
    public var registrationNo: String
    public var name: String
    public var kind: ProducerKind
    public var communeCode: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var representative: Representative
    public var illustrative: Bool

    public init(registrationNo: String, name: String, kind: ProducerKind, communeCode: String, address: String? = nil, phone: String? = nil, email: String? = nil, representative: Representative = Representative(), illustrative: Bool = false) {
        self.registrationNo = registrationNo
        self.name = name
        self.kind = kind
        self.communeCode = communeCode
        self.address = address
        self.phone = phone
        self.email = email
        self.representative = representative
        self.illustrative = illustrative
    }
}

public struct Producer: Sendable, Codable, Hashable {
    public var id: Int
    public var registrationNo: String
    public var name: String
    public var kind: ProducerKind
    public var communeCode: String
    public var communeName: String
    public var provinceCode: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var representative: Representative
    public var productCount: Int

    public init(id: Int, registrationNo: String, name: String, kind: ProducerKind, communeCode: String, communeName: String, provinceCode: String, address: String?, phone: String?, email: String?, representative: Representative, productCount: Int) {
        self.id = id
        self.registrationNo = registrationNo
        self.name = name
        self.kind = kind
        self.communeCode = communeCode
        self.communeName = communeName
        self.provinceCode = provinceCode
        self.address = address
        self.phone = phone
        self.email = email
        self.representative = representative
        self.productCount = productCount
    }
}

/// Fields to change; `nil` leaves a field as it is, an empty string clears an optional one.
public struct ProducerChanges: Sendable, Hashable {
    public var name: String?
    public var kind: ProducerKind?
    public var communeCode: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var representativeName: String?
    public var female: Bool?
    public var ethnicMinority: Bool?
    public var disabled: Bool?
    public var illustrative: Bool?

    public init(name: String? = nil, kind: ProducerKind? = nil, communeCode: String? = nil, address: String? = nil, phone: String? = nil,
                email: String? = nil, representativeName: String? = nil, female: Bool? = nil, ethnicMinority: Bool? = nil, disabled: Bool? = nil,
                illustrative: Bool? = nil) {
        self.name = name
        self.kind = kind
        self.communeCode = communeCode
        self.address = address
        self.phone = phone
        self.email = email
        self.representativeName = representativeName
        self.female = female
        self.ethnicMinority = ethnicMinority
        self.disabled = disabled
        self.illustrative = illustrative
    }
}

public struct ProductDraft: Sendable, Codable, Hashable {
    public var name: String
    public var producerRef: String
    public var productSet: Int
    /// Defaults to the producer's commune.
    public var communeCode: String?
    /// Given for historical products; otherwise assigned `T-X-STT-YYYY`.
    public var code: String?
    public var year: Int
    public var illustrative: Bool

    public init(name: String, producerRef: String, productSet: Int, communeCode: String? = nil, code: String? = nil, year: Int, illustrative: Bool = false) {
        self.name = name
        self.producerRef = producerRef
        self.productSet = productSet
        self.communeCode = communeCode
        self.code = code
        self.year = year
        self.illustrative = illustrative
    }
}

public struct Product: Sendable, Codable, Hashable {
    public var id: Int
    public var code: String
    public var name: String
    public var producerID: Int
    public var producerName: String
    public var producerRegistrationNo: String
    public var productSet: Int
    public var communeCode: String
    public var communeName: String
    /// Current recognised stars, if any (the latest unrevoked recognition).
    public var stars: Int?
    public var starsValidUntil: String?

    public init(id: Int, code: String, name: String, producerID: Int, producerName: String, producerRegistrationNo: String, productSet: Int, communeCode: String, communeName: String, stars: Int?, starsValidUntil: String?) {
        self.id = id
        self.code = code
        self.name = name
        self.producerID = producerID
        self.producerName = producerName
        self.producerRegistrationNo = producerRegistrationNo
        self.productSet = productSet
        self.communeCode = communeCode
        self.communeName = communeName
        self.stars = stars
        self.starsValidUntil = starsValidUntil
    }
}

public struct Dossier: Sendable, Codable, Hashable {
    public var id: Int
    public var code: DossierCode
    public var productID: Int
    public var productCode: String
    public var productName: String
    public var productSet: Int
    public var producerName: String
    public var kind: DossierKind
    public var year: Int
    public var round: Int
    public var status: DossierStatus
    public var returnedFrom: DossierStatus?
    public var missing: [String]
    public var targetStars: Int?
    public var rubricVersion: String
    public var rubricHash: String?
    public var openedAt: Date
    public var updatedAt: Date
    /// The filing date: it places the dossier in its round (Art. 5) and governs the windows of Art. 7.6.a.
    public var filedOn: CalendarDate?

    public init(id: Int, code: DossierCode, productID: Int, productCode: String, productName: String, productSet: Int, producerName: String, kind: DossierKind, year: Int, round: Int, status: DossierStatus, returnedFrom: DossierStatus?, missing: [String], targetStars: Int?, rubricVersion: String, rubricHash: String?, openedAt: Date, updatedAt: Date, filedOn: CalendarDate? = nil) {
        self.id = id
        self.code = code
        self.productID = productID
        self.productCode = productCode
        self.productName = productName
        self.productSet = productSet
        self.producerName = producerName
        self.kind = kind
        self.year = year
        self.round = round
        self.status = status
        self.returnedFrom = returnedFrom
        self.missing = missing
        self.targetStars = targetStars
        self.rubricVersion = rubricVersion
        self.rubricHash = rubricHash
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.filedOn = filedOn
    }
}


/// One recognition of a product's stars, as recorded in the register.
public struct RecognitionRecord: Sendable, Codable, Hashable {
    public var stars: Int
    public var score: Decimal?
    public var year: Int
    public var decisionNo: String?
    public var decisionDate: String?
    public var validUntil: String?
    public var rubricVersion: String
    public var provinceCode: String
    public var revokedAt: String?
    public var revocationReason: String?
    /// Who recognised it (a district only under QĐ 148, before 1/7/2025; 5★ only the Ministry).
    public var issuer: HistoricalIssuer
    /// The register number (`GCN-…`), once recorded.
    public var certificateNumber: String?
    public var supersededOn: String?

    public init(stars: Int, score: Decimal? = nil, year: Int, decisionNo: String? = nil, decisionDate: String? = nil, validUntil: String? = nil,
                rubricVersion: String, provinceCode: String, revokedAt: String? = nil, revocationReason: String? = nil,
                issuer: HistoricalIssuer = .province, certificateNumber: String? = nil, supersededOn: String? = nil) {
        self.stars = stars
        self.score = score
        self.year = year
        self.decisionNo = decisionNo
        self.decisionDate = decisionDate
        self.validUntil = validUntil
        self.rubricVersion = rubricVersion
        self.provinceCode = provinceCode
        self.revokedAt = revokedAt
        self.revocationReason = revocationReason
        self.issuer = issuer
        self.certificateNumber = certificateNumber
        self.supersededOn = supersededOn
    }
}

/// A request to open a dossier for a product.
public struct DossierOpening: Sendable, Hashable {
    public var productRef: String
    public var kind: DossierKind
    /// The evaluation round; when not given, the round of the filing date (Art. 5.1).
    public var year: Int?
    public var round: Int?
    public var targetStars: Int?
    public var rubricVersion: String
    public var note: String?
    /// The filing date (default: today). It places the dossier in its round and is the date the
    /// re-evaluation window of Art. 7.6.a and the eligibility rules look at.
    public var filedOn: CalendarDate?

    public init(productRef: String, kind: DossierKind, year: Int? = nil, round: Int? = nil, targetStars: Int? = nil, rubricVersion: String = "qd26-2026",
                note: String? = nil, filedOn: CalendarDate? = nil) {
        self.productRef = productRef
        self.kind = kind
        self.year = year
        self.round = round
        self.targetStars = targetStars
        self.rubricVersion = rubricVersion
        self.note = note
        self.filedOn = filedOn
    }
}
