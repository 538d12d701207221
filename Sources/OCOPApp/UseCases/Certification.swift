import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Decisions, certificates, revocations, post-audits and the evaluation calendar
/// (docs/certification.md). "Today" is the workbench's clock; every status is computed on the
/// day asked about by `CertificateFacts.status(on:)`.
extension Workbench {
    // MARK: Calendar (Art. 5)

    /// The rounds of `year` (statutory and extra), by evaluation deadline.
    public func evaluationRounds(year: Int, level: CouncilLevel? = nil) throws -> [EvaluationRound] {
        let calendar = try CalendarRepository(try connection()).calendar()
        return (level.map { [$0] } ?? CouncilLevel.allCases).flatMap { calendar.rounds(level: $0, year: year) }
    }

    /// Schedules an extra round that the council's Quy chế and plan provide for (`basis`).
    public func addExtraRound(_ round: ExtraRound, basis: String) throws -> EvaluationRound {
        try CalendarRepository(try connection()).addExtraRound(round, basis: basis, actor: actor)
    }

    // MARK: Decisions

    /// What a decision of `authority` dated `date` (default today) would contain.
    public func decisionDraft(authority: IssuingAuthority, on date: CalendarDate? = nil) throws -> DecisionDraft {
        try DecisionRepository(try connection()).draft(authority: authority, decidedOn: date ?? today, today: today)
    }

    /// Issues a recognition decision: certificates, supersessions, dossier states and events in
    /// one transaction.
    public func issueDecision(_ request: DecisionRequest) throws -> DecisionView {
        try DecisionRepository(try connection()).issue(request, today: today, actor: actor)
    }

    public func decisions(authority: IssuingAuthority? = nil, year: Int? = nil, kind: DecisionKind? = nil) throws -> [DecisionView] {
        try DecisionRepository(try connection()).decisions(issuerCode: authority?.code, year: year, kind: kind, asOf: today)
    }

    /// The decision numbered `number` (narrowed by issuer and year when several share it).
    public func decision(_ number: DecisionNumber, authority: IssuingAuthority? = nil, year: Int? = nil) throws -> DecisionView {
        let repository = DecisionRepository(try connection())
        let ids = try repository.find(number, issuerCode: authority?.code, year: year)
        guard let id = ids.first else { throw StoreError.notFound(.decision, number.description) }
        if ids.count > 1 {
            let all = try ids.map { try repository.decision(id: $0, asOf: today) }
            throw StoreError.ambiguousDecision(number: number.description, matches: all.map { "\($0.authority.code) \($0.decidedOn.display(.vi))" })
        }
        return try repository.decision(id: id, asOf: today)
    }

    // MARK: Certificates

    /// The register on `asOf` (default today), filtered by status, stars or nearness of expiry,
    /// optionally for one product.
    public func certificates(_ filter: CertificateFilter = CertificateFilter(), product: String? = nil, asOf: CalendarDate? = nil) throws -> [CertificateView] {
        if let stars = filter.stars, !(3...5).contains(stars) {
            throw DomainError.invalidValue(field: "stars", value: String(stars),
                                           reason: LocalizedText(vi: "giấy chứng nhận có hạng 3, 4 hoặc 5 sao.", en: "certificates are 3★, 4★ or 5★."))
        }
        let connection = try connection()
        let day = asOf ?? today
        let productID = try product.map { try ProductRepository(connection).product($0, asOf: day).id }
        return try CertificateRepository(connection).certificates(productID: productID, asOf: day).filter { filter.matches($0.record, on: day) }
    }

    /// Who must be invited to re-evaluation: certificates in force on `asOf` (default today) that
    /// expire within `days`, soonest first.
    public func expiringCertificates(within days: Int, asOf: CalendarDate? = nil) throws -> [CertificateView] {
        try certificates(CertificateFilter(expiringWithin: days), asOf: asOf)
            .sorted { ($0.facts.validUntil, $0.number) < ($1.facts.validUntil, $1.number) }
    }

    /// One certificate with its inspections and the product's other certificates.
    public func certificate(_ number: CertificateNumber, asOf: CalendarDate? = nil) throws -> CertificateDetail {
        let connection = try connection()
        let day = asOf ?? today
        let repository = CertificateRepository(connection)
        let certificate = try repository.certificate(number, asOf: day)
        return CertificateDetail(certificate: certificate, audits: try RevocationRepository(connection).audits(certificateID: certificate.id),
                                 history: try repository.certificates(productID: certificate.productID, asOf: day))
    }

    /// Revokes a certificate (Art. 8); a decision later than 15 days after the finding is flagged.
    public func revokeCertificate(_ request: RevocationRequest) throws -> (certificate: CertificateView, timing: RevocationTiming, decision: DecisionView) {
        try RevocationRepository(try connection()).revoke(request, today: today, actor: actor)
    }

    /// Records a post-recognition inspection (Art. 9) and what it supports.
    public func recordAudit(_ request: AuditRequest) throws -> PostAuditView {
        if request.concludedOn > today {
            throw StoreError.invalid(field: "date", value: request.concludedOn.iso, reason: LocalizedText(
                vi: "ngày kết luận sau ngày hôm nay (\(today.display(.vi))).", en: "the conclusion is dated after today (\(today.display(.en)))."))
        }
        return try RevocationRepository(try connection()).recordAudit(request, actor: actor)
    }

    // MARK: Products on a date

    /// Products with the certificate each holds on `asOf` (default today).
    public func productStandings(producer: String? = nil, productSet: Int? = nil, search: String? = nil, asOf: CalendarDate? = nil) throws -> [ProductStanding] {
if let productSet { try Validate.productSet(productSet) }
        let connection = try connection()
        let day = asOf ?? today
        let producerID = try producer.map { try ProducerRepository(connection).producer($0).id }
        let repository = ProductRepository(connection)
        return try repository.standings(try repository.products(producerID: producerID, productSet: productSet, search: search, asOf: day), asOf: day)
    }

    // MARK: Sessions by written opinions

    /// A session's mode, rounds, 45-day limits and reasons to meet.
    public func sessionLifecycle(_ code: SessionCode) throws -> SessionLifecycleView {
        try sessionStatus(code).lifecycle
    }

    /// A session's assessment and its lifecycle, from one read of the session (a province's
    /// round is ~600,000 answers: reading it twice was half of `session status`).
    public func sessionStatus(_ code: SessionCode) throws -> (report: SessionReport, lifecycle: SessionLifecycleView) {
        let connection = try connection()
        let report = try SessionRepository(connection).report(code)
        return (report, try SessionLifecycleRepository(connection).lifecycle(code, report: report))
    }

    /// Records the meeting a written-opinion round turned into.
    public func conveneSession(_ code: SessionCode, on date: CalendarDate, place: String?, reason: String) throws -> SessionLifecycleView {
        try SessionLifecycleRepository(try connection()).convene(code, on: date, place: place, reason: reason)
        return try sessionLifecycle(code)
    }
}
