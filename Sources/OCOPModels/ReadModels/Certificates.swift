import Foundation
import OCOPDomain

/// A revocation as recorded (Art. 8): the decision, the ground, the finding it rests on, and
/// whether it came within the 15 days of Art. 8.4.
public struct RevocationRecord: Sendable, Hashable, Codable {
    public var decisionNumber: String
    public var revokedOn: CalendarDate
    public var issuerCode: String
    public var ground: RevocationGround
    public var finding: String
    public var findingOn: CalendarDate
    public var findingReference: String?
    public var auditID: Int?

    public init(decisionNumber: String, revokedOn: CalendarDate, issuerCode: String, ground: RevocationGround, finding: String,
                findingOn: CalendarDate, findingReference: String?, auditID: Int?) {
        self.decisionNumber = decisionNumber
        self.revokedOn = revokedOn
        self.issuerCode = issuerCode
        self.ground = ground
        self.finding = finding
        self.findingOn = findingOn
        self.findingReference = findingReference
        self.auditID = auditID
    }

    /// The 15-day timing of Art. 8.4 (a late decision is flagged, never refused).
    public var timing: RevocationTiming {
        RevocationTiming(ground: ground, findingOn: findingOn, revokedOn: revokedOn)
    }
}

/// A post-recognition inspection (Art. 9) as recorded, with what it supports.
public struct PostAuditView: Sendable, Hashable {
    public var id: Int
    public var inspection: PostAuditInspection
    public var reference: String?
    public var recordedBy: String

    public init(id: Int, inspection: PostAuditInspection, reference: String?, recordedBy: String) {
        self.id = id
        self.inspection = inspection
        self.reference = reference
        self.recordedBy = recordedBy
    }

    public var conclusion: PostAuditConclusion { PostAudit.conclude(inspection) }
}

/// One certificate of the register and how it stands on `asOf`. The status comes from one rule,
/// `CertificateFacts.status(on:)`; nothing here stores it.
public struct CertificateView: Sendable, Hashable {
    public var id: Int
    public var number: CertificateNumber
    public var stars: Int
    /// Who recognised it (a district only under QĐ 148, before 1/7/2025).
    public var issuer: HistoricalIssuer
    public var facts: CertificateFacts
    public var productID: Int
    public var productCode: String
    public var productName: String
    public var productSet: Int
    public var producerName: String
    public var producerRegistrationNo: String
    public var producerAddress: String?
    public var producerPhone: String?
    public var producerEmail: String?
    /// The commune where the product is made.
    public var communeName: String
    /// The province of the recognising authority, as it was then.
    public var provinceName: String
    /// The council's average in hundredths (7614 = 76,14), when known.
    public var scoreHundredths: Int?
    /// The exact average when the workbench's council produced it.
    public var exactScore: ExactMean?
    public var evaluationYear: Int
    /// The recognition decision's number as printed ("1523/QĐ-UBND").
    public var decisionNumber: String?
    public var rubricVersion: String
    /// The dossier it was issued on (certificates the workbench issued).
    public var dossier: DossierCode?
    public var supersededBy: CertificateNumber?
    public var revocation: RevocationRecord?
    /// An undecided dossier (upgrade or re-evaluation) resting on this certificate.
    public var pendingDossier: DossierCode?
    public var illustrative: Bool
    /// The day the status is computed for.
    public var asOf: CalendarDate

    public init(id: Int, number: CertificateNumber, stars: Int, issuer: HistoricalIssuer, facts: CertificateFacts, productID: Int,
                productCode: String, productName: String, productSet: Int, producerName: String, producerRegistrationNo: String,
                producerAddress: String?, producerPhone: String?, producerEmail: String?, communeName: String, provinceName: String,
                scoreHundredths: Int?, exactScore: ExactMean?, evaluationYear: Int, decisionNumber: String?, rubricVersion: String,
                dossier: DossierCode?, supersededBy: CertificateNumber?, revocation: RevocationRecord?, pendingDossier: DossierCode?,
                illustrative: Bool, asOf: CalendarDate) {
        self.id = id
        self.number = number
        self.stars = stars
        self.issuer = issuer
        self.facts = facts
        self.productID = productID
        self.productCode = productCode
        self.productName = productName
        self.productSet = productSet
        self.producerName = producerName
        self.producerRegistrationNo = producerRegistrationNo
        self.producerAddress = producerAddress
        self.producerPhone = producerPhone
        self.producerEmail = producerEmail
        self.communeName = communeName
        self.provinceName = provinceName
        self.scoreHundredths = scoreHundredths
        self.exactScore = exactScore
        self.evaluationYear = evaluationYear
        self.decisionNumber = decisionNumber
        self.rubricVersion = rubricVersion
        self.dossier = dossier
        self.supersededBy = supersededBy
        self.revocation = revocation
        self.pendingDossier = pendingDossier
        self.illustrative = illustrative
        self.asOf = asOf
    }

    /// The certificate as the rules see it.
    public var record: CertificateRecord { CertificateRecord(number: number, stars: stars, issuer: number.issuer, facts: facts) }

    /// The one status vocabulary, on `asOf`.
    public var status: CertificateStatus { facts.status(on: asOf) }

    /// The same certificate seen on another day.
    public func on(_ date: CalendarDate) -> CertificateView {
        var copy = self
        copy.asOf = date
        return copy
    }

    /// Days from `asOf` to the last valid day (negative once past it).
    public var daysToExpiry: Int { asOf.days(until: facts.validUntil) }

    /// "74,25" / "74.25", exact when the council's mean is known.
    public func score(_ language: Language) -> String? {
        if let exactScore { return exactScore.display(language) }
        return scoreHundredths.map { CandidateScore.hundredths($0).display(language) }
    }

    /// "Còn hiệu lực", or with the dates that matter: "Hết hiệu lực (sau ngày 25/12/2023)".
    public func statusText(_ language: Language) -> String {
        let vi = language == .vi
        let label = status.label(language)
        switch status {
        case .valid, .inRenewalWindow, .extendedByTransition, .notYetValid: return label
        case .expired: return label + (vi ? " (sau ngày \(facts.lastDayInForce.display(.vi)))" : " (after \(facts.lastDayInForce.display(.en)))")
        case .superseded:
            let by = supersededBy.map { vi ? " bởi \($0)" : " by \($0)" } ?? ""
            return label + " (\(facts.supersededOn?.display(language) ?? "")\(by))"
        case .revoked:
            return label + " (\(facts.revokedOn?.display(language) ?? "")" + (revocation.map { ", \($0.decisionNumber)" } ?? "") + ")"
        }
    }

    /// The JSON contract of `ocop certificate list|show|expiring --format json`: every key
    /// present, nulls written.
    public struct JSON: Encodable, Sendable {
        public let view: CertificateView
        public let language: Language

        enum Keys: String, CodingKey {
            case number, stars, issuer, issuerCode, productCode, product, productSet, producer, registrationNo, address, phone, email,
                 commune, province, score, year, decision, issuedOn, validUntil, revokedOn, supersededOn, supersededBy, extendedUntil,
                 lastDayInForce, renewalWindowOpens, renewalWindowCloses, asOf, status, statusText, daysToExpiry, dossier,
                 pendingDossier, revocation, rubric, illustrative
        }

        public func encode(to encoder: any Encoder) throws {
            let v = view
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(v.number.description, forKey: .number); try c.encode(v.stars, forKey: .stars)
            try c.encode(v.issuer.rawValue, forKey: .issuer); try c.encode(v.number.issuer.code, forKey: .issuerCode)
            try c.encode(v.productCode, forKey: .productCode); try c.encode(v.productName, forKey: .product)
            try c.encode(v.productSet, forKey: .productSet); try c.encode(v.producerName, forKey: .producer)
            try c.encode(v.producerRegistrationNo, forKey: .registrationNo); try c.encode(v.producerAddress, forKey: .address)
            try c.encode(v.producerPhone, forKey: .phone); try c.encode(v.producerEmail, forKey: .email)
            try c.encode(v.communeName, forKey: .commune); try c.encode(v.provinceName, forKey: .province)
            try c.encode(v.score(.en), forKey: .score); try c.encode(v.evaluationYear, forKey: .year)
            try c.encode(v.decisionNumber, forKey: .decision); try c.encode(v.facts.issuedOn, forKey: .issuedOn)
            try c.encode(v.facts.validUntil, forKey: .validUntil); try c.encode(v.facts.revokedOn, forKey: .revokedOn)
            try c.encode(v.facts.supersededOn, forKey: .supersededOn); try c.encode(v.supersededBy?.description, forKey: .supersededBy)
            try c.encode(v.facts.effectiveExtension, forKey: .extendedUntil); try c.encode(v.facts.lastDayInForce, forKey: .lastDayInForce)
            try c.encode(v.facts.renewalWindow.opensOn, forKey: .renewalWindowOpens)
            try c.encode(v.facts.renewalWindow.closesOn, forKey: .renewalWindowCloses)
            try c.encode(v.asOf, forKey: .asOf); try c.encode(v.status.rawValue, forKey: .status)
            try c.encode(v.statusText(language), forKey: .statusText); try c.encode(v.daysToExpiry, forKey: .daysToExpiry)
            try c.encode(v.dossier?.rawValue, forKey: .dossier); try c.encode(v.pendingDossier?.rawValue, forKey: .pendingDossier)
            try c.encode(v.revocation.map { RevocationJSON($0, language) }, forKey: .revocation)
            try c.encode(v.rubricVersion, forKey: .rubric); try c.encode(v.illustrative, forKey: .illustrative)
        }

        public init(_ view: CertificateView, language: Language) {
            self.view = view
            self.language = language
        }
    }

    struct RevocationJSON: Encodable {
        let decision: String, revokedOn: CalendarDate, ground: String, groundText: String, finding: String, findingOn: CalendarDate
        let findingReference: String?, deadline: CalendarDate, daysLate: Int, late: String?

        init(_ r: RevocationRecord, _ language: Language) {
            decision = r.decisionNumber; revokedOn = r.revokedOn; ground = r.ground.point; groundText = r.ground.text(language)
            finding = r.finding; findingOn = r.findingOn; findingReference = r.findingReference
            deadline = r.timing.deadline; daysLate = r.timing.daysLate; late = r.timing.lateFlag(language)
        }

        enum Keys: String, CodingKey { case decision, revokedOn, ground, groundText, finding, findingOn, findingReference, deadline, daysLate, late }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(decision, forKey: .decision); try c.encode(revokedOn, forKey: .revokedOn); try c.encode(ground, forKey: .ground)
            try c.encode(groundText, forKey: .groundText); try c.encode(finding, forKey: .finding); try c.encode(findingOn, forKey: .findingOn)
            try c.encode(findingReference, forKey: .findingReference); try c.encode(deadline, forKey: .deadline)
            try c.encode(daysLate, forKey: .daysLate); try c.encode(late, forKey: .late)
        }
    }
}

/// A certificate with its post-recognition inspections (`ocop certificate show`).
public struct CertificateDetail: Sendable, Hashable {
    public var certificate: CertificateView
    public var audits: [PostAuditView]
    /// The product's other certificates, oldest first (its star history).
    public var history: [CertificateView]

    public init(certificate: CertificateView, audits: [PostAuditView], history: [CertificateView]) {
        self.certificate = certificate
        self.audits = audits
        self.history = history
    }
}

/// What a product holds on a date: the certificate in force, else the latest one (expired,
/// superseded or revoked), so a list never shows an expired star as current.
public struct ProductStanding: Sendable, Hashable {
    public var product: Product
    /// The certificate in force on `asOf`.
    public var current: CertificateView?
    /// The most recent certificate issued by `asOf`, when none is in force.
    public var latest: CertificateView?
    public var asOf: CalendarDate

    public init(product: Product, current: CertificateView?, latest: CertificateView?, asOf: CalendarDate) {
        self.product = product
        self.current = current
        self.latest = latest
        self.asOf = asOf
    }

    /// The certificates of one product → its standing on `date` (the rule of `CertificateRecord`).
    public init(product: Product, certificates: [CertificateView], on date: CalendarDate) {
        let seen = certificates.map { $0.on(date) }
        let records = seen.map(\.record)
        let current = CertificateRecord.current(among: records, on: date).flatMap { r in seen.first { $0.number == r.number } }
        let latest = current == nil ? CertificateRecord.latest(among: records, on: date).flatMap { r in seen.first { $0.number == r.number } } : nil
        var product = product
        product.stars = current?.stars
        product.starsValidUntil = current?.facts.validUntil.iso
        self.init(product: product, current: current, latest: latest, asOf: date)
    }
}

/// A certificate in a few facts: enough to tell a producer where they stand.
public struct CertificateSummary: Sendable, Hashable, Codable {
    public var number: CertificateNumber
    public var stars: Int
    public var facts: CertificateFacts
    public var decisionNumber: String?
    public var supersededBy: CertificateNumber?
    public var revocationDecision: String?

    public init(number: CertificateNumber, stars: Int, facts: CertificateFacts, decisionNumber: String?, supersededBy: CertificateNumber?,
                revocationDecision: String?) {
        self.number = number
        self.stars = stars
        self.facts = facts
        self.decisionNumber = decisionNumber
        self.supersededBy = supersededBy
        self.revocationDecision = revocationDecision
    }

    public var record: CertificateRecord { CertificateRecord(number: number, stars: stars, issuer: number.issuer, facts: facts) }
}

/// The lifecycle part of what a producer sees (`ocop dossier status`): the filing date and
/// round, the certificate issued (or the one an upgrade or re-evaluation rests on), the 45-day
/// limit of a re-evaluation, on the day asked about.
public struct DossierLifecycleView: Sendable, Hashable, Codable {
    public var filedOn: CalendarDate
    public var round: EvaluationRound?
    public var roundFlags: [RoundFlag]
    /// The certificate this dossier was given.
    public var certificate: CertificateSummary?
    /// The certificate an upgrade or re-evaluation rests on.
    public var basis: CertificateSummary?
    /// Filed late under Art. 12.3: the basis stays in force until the result (at most 180 days past expiry).
    public var underTransition: Bool
    /// A re-evaluation's 45-day limit, once the complete file was received.
    public var reEvaluation: ReEvaluationDeadline?
    /// The council's (latest) result date.
    public var resultOn: CalendarDate?
    /// A central 5★ result: the Minister decides, not the province.
    public var awaitingMinistry: Bool
    public var asOf: CalendarDate

    public init(filedOn: CalendarDate, round: EvaluationRound?, roundFlags: [RoundFlag], certificate: CertificateSummary?, basis: CertificateSummary?,
                underTransition: Bool, reEvaluation: ReEvaluationDeadline?, resultOn: CalendarDate?, awaitingMinistry: Bool, asOf: CalendarDate) {
        self.filedOn = filedOn
        self.round = round
        self.roundFlags = roundFlags
        self.certificate = certificate
        self.basis = basis
        self.underTransition = underTransition
        self.reEvaluation = reEvaluation
        self.resultOn = resultOn
        self.awaitingMinistry = awaitingMinistry
        self.asOf = asOf
    }
}
