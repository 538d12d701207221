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
    /// Filing date, round, certificates and deadlines (the star lifecycle).
    public var lifecycle: DossierLifecycleView?
    /// The rubric version the dossier is evaluated under, when the program holds it without point
    /// tables (a dossier filed before 22/5/2026 under QĐ 148, Art. 12.2): no council here can score it.
    public var rubricWithoutTables: String?

    public init(dossier: DossierCode, productName: String, productCode: String, producerName: String, kind: DossierKind, year: Int, round: Int,
                status: DossierStatus, missing: [String], openedAt: Date, lastEvent: DossierEvent?, councilDate: CalendarDate?,
                lifecycle: DossierLifecycleView? = nil, rubricWithoutTables: String? = nil) {
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
        self.lifecycle = lifecycle
        self.rubricWithoutTables = rubricWithoutTables
    }

    public var lastChangeAt: Date { lastEvent?.at ?? openedAt }

    /// Who holds the dossier: the Ministry for a central 5★ result awaiting the Minister's decision.
    public func holder(_ language: Language) -> String {
        if status == .awaitingDecision, lifecycle?.awaitingMinistry == true {
            return language == .vi ? "Bộ Nông nghiệp và Môi trường" : "the Ministry of Agriculture and Environment"
        }
        return status.holder(language)
    }

    /// What happens next, with the dates that apply to this dossier.
    public func nextStep(_ language: Language) -> String {
        let vi = language == .vi
        if status == .awaitingDecision, lifecycle?.awaitingMinistry == true {
            return vi ? "Bộ trưởng Bộ Nông nghiệp và Môi trường ban hành quyết định công nhận 5★ và cấp giấy chứng nhận."
                : "The Minister of Agriculture and Environment issues the 5★ recognition decision and certificate."
        }
        if status == .readyForCouncil, let version = rubricWithoutTables {
            return vi ? "Hồ sơ được đánh giá theo bộ tiêu chí \(version) (khoản 2 Điều 12); chương trình chỉ có thông tin mô tả của bộ tiêu chí này, không có bảng điểm, nên không thể xếp hồ sơ vào phiên họp Hội đồng để chấm trong chương trình."
                : "The dossier is evaluated under rubric version \(version) (Art. 12.2), which the program holds as metadata only, without point tables: it cannot be put on a council session and scored here."
        }
        if status == .notRecognised, kind == .upgrade, let lifecycle, let basis = lifecycle.basis {
            // What the producer may do depends on whether the certificate it stood on is still in force.
            let day = lifecycle.asOf
            guard basis.record.status(on: day).isCurrent else {
                return vi ? "Giấy chứng nhận \(basis.number) \(basis.record.describeState(on: day, .vi)): muốn được công nhận lại, chủ thể nộp hồ sơ đánh giá lần đầu ở kỳ đánh giá sau."
                    : "Certificate \(basis.number) \(basis.record.describeState(on: day, .en)): to be recognised again, the producer files a first evaluation in a later round."
            }
            let advice = DossierEligibility.filingAdvice(holding: basis.record, on: day, language)
            return (vi ? "Giấy chứng nhận \(basis.number) (\(basis.stars)★) còn hiệu lực đến hết ngày \(basis.record.facts.lastDayInForce.display(.vi))."
                : "Certificate \(basis.number) (\(basis.stars)★) stays in force through \(basis.record.facts.lastDayInForce.display(.en)).") + " " + advice
        }
        if status == .recognised, let certificate = lifecycle?.certificate {
            let window = certificate.facts.renewalWindow
            return vi ? "Giấy chứng nhận có hiệu lực đến hết ngày \(certificate.facts.validUntil.display(.vi)); nộp hồ sơ đánh giá lại \(window.describe(.vi)) (điểm a khoản 6 Điều 7)."
                : "The certificate is valid through \(certificate.facts.validUntil.display(.en)); file for re-evaluation \(window.describe(.en)) (Art. 7.6.a)."
        }
        return status.nextStep(language)
    }

    /// The outcome in plain words, once there is one: the stars and certificate after a decision,
    /// or that it was not granted and what stays.
    public func outcome(_ language: Language) -> String? {
        guard let lifecycle else { return nil }
        let vi = language == .vi
        let day = lifecycle.asOf
        if let certificate = lifecycle.certificate {
            let record = certificate.record
            var text = vi ? "Được công nhận \(certificate.stars)★; giấy chứng nhận \(certificate.number), \(record.describeState(on: day, .vi))"
                : "Recognised \(certificate.stars)★; certificate \(certificate.number), \(record.describeState(on: day, .en))"
            if let decision = certificate.decisionNumber {
                text += vi ? " (Quyết định số \(decision) ngày \(certificate.facts.issuedOn.display(.vi)))" : " (decision \(decision) of \(certificate.facts.issuedOn.display(.en)))"
            }
            return text + "."
        }
        guard status == .notRecognised else { return nil }
        if kind == .upgrade, let basis = lifecycle.basis {
            return vi ? "Không được công nhận nâng hạng. Giấy chứng nhận \(basis.number) (\(basis.stars)★) giữ nguyên: \(basis.record.describeState(on: day, .vi))."
                : "The upgrade was not granted. Certificate \(basis.number) (\(basis.stars)★) stays as it was: \(basis.record.describeState(on: day, .en))."
        }
        var text = vi ? "Không được công nhận: không ban hành quyết định công nhận, không cấp giấy chứng nhận (điểm a khoản 1 Điều 4)."
            : "Not recognised: no recognition decision and no certificate (Art. 4.1.a)."
        if let basis = lifecycle.basis {
            text += vi ? " Giấy chứng nhận \(basis.number) (\(basis.stars)★): \(basis.record.describeState(on: day, .vi))."
                : " Certificate \(basis.number) (\(basis.stars)★): \(basis.record.describeState(on: day, .en))."
        }
        return text
    }

    /// The certificate an undecided upgrade or re-evaluation rests on, in words.
    public func basisText(_ language: Language) -> String? {
        guard let lifecycle, let basis = lifecycle.basis, !status.isTerminal else { return nil }
        let vi = language == .vi
        var text = "\(basis.number) (\(basis.stars)★, \(basis.record.describeState(on: lifecycle.asOf, language)))"
        if lifecycle.underTransition {
            let cap = TransitionRule.latestExtension(validUntil: basis.facts.validUntil)
            text += vi ? "; nộp muộn theo khoản 3 Điều 12: giấy chứng nhận tiếp tục có hiệu lực đến khi có kết quả, chậm nhất ngày \(cap.display(.vi))"
                : "; filed late under Art. 12.3: the certificate stays in force until the result, at most through \(cap.display(.en))"
        }
        return text
    }

    /// The 45-day limit of a re-evaluation, in words, with the overdue flag when it applies.
    public func reEvaluationText(_ language: Language) -> String? {
        guard let lifecycle, let deadline = lifecycle.reEvaluation else { return nil }
        let vi = language == .vi
        var text = vi ? "45 ngày kể từ ngày nhận đủ hồ sơ (\(deadline.completeFileOn.display(.vi))): chậm nhất ngày \(deadline.deadline.display(.vi))"
            : "45 days from the complete file (\(deadline.completeFileOn.display(.en))): by \(deadline.deadline.display(.en))"
        if let result = lifecycle.resultOn {
            text += vi ? "; có kết quả ngày \(result.display(.vi))" : "; result on \(result.display(.en))"
        }
        if let flag = deadline.overdueFlag(on: lifecycle.resultOn ?? lifecycle.asOf, language) { text += " — " + flag }
        return text
    }

    /// The JSON contract of `ocop dossier status --format json` (and the portal), in one language.
    public struct JSON: Codable, Hashable, Sendable {
        /// A certificate as the producer is told about it.
        public struct Certificate: Codable, Hashable, Sendable {
            public let number: String
            public let stars: Int
            public let issuedOn, validUntil, renewalWindowOpens, renewalWindowCloses: String
            public let status, statusText: String
            public let decision: String?
        }

        public let dossier, product, productCode, producer, kind, status, statusText, holder, nextStep: String
        public let year, round: Int
        public let missing: [String]
        public let councilDate: String?
        public let lastChange: String?
        public let openedAt, lastChangeAt: Date
        public let filedOn: String?
        public let certificate: Certificate?
        public let basis: Certificate?
        public let outcome: String?
        public let reEvaluationDeadline: String?
        public let overdue: Bool
        public let flags: [String]

        enum CodingKeys: String, CodingKey {
            case dossier, product, productCode, producer, kind, status, statusText, holder, nextStep, year, round, missing, councilDate,
                 lastChange, openedAt, lastChangeAt, filedOn, certificate, basis, outcome, reEvaluationDeadline, overdue, flags
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
            try c.encode(filedOn, forKey: .filedOn); try c.encode(certificate, forKey: .certificate); try c.encode(basis, forKey: .basis)
            try c.encode(outcome, forKey: .outcome); try c.encode(reEvaluationDeadline, forKey: .reEvaluationDeadline)
            try c.encode(overdue, forKey: .overdue); try c.encode(flags, forKey: .flags)
        }
    }

    public func json(_ language: Language) -> JSON {
        let day = lifecycle?.asOf
        func certificate(_ c: CertificateSummary?) -> JSON.Certificate? {
            guard let c, let day else { return nil }
            let status = c.facts.status(on: day)
            return JSON.Certificate(number: c.number.description, stars: c.stars, issuedOn: c.facts.issuedOn.iso, validUntil: c.facts.validUntil.iso,
                                    renewalWindowOpens: c.facts.renewalWindow.opensOn.iso, renewalWindowCloses: c.facts.renewalWindow.closesOn.iso,
                                    status: status.rawValue, statusText: status.label(language), decision: c.decisionNumber)
        }
        let deadline = lifecycle?.reEvaluation
        let overdueOn = lifecycle.map { $0.resultOn ?? $0.asOf }
        // Overdue: a re-evaluation past its 45 days, or a dossier still waiting for a council
        // after its round's evaluation deadline.
        let waitingPastDeadline = lifecycle?.roundFlags.contains { if case .notEvaluatedByDeadline = $0 { true } else { false } } ?? false
        return JSON(dossier: dossier.rawValue, product: productName, productCode: productCode, producer: producerName, kind: kind.rawValue,
                    status: status.rawValue, statusText: status.label(language), holder: holder(language), nextStep: nextStep(language),
                    year: year, round: round, missing: missing, councilDate: councilDate?.iso, lastChange: lastEvent?.text(language),
                    openedAt: openedAt, lastChangeAt: lastChangeAt, filedOn: lifecycle?.filedOn.iso, certificate: certificate(lifecycle?.certificate),
                    basis: certificate(lifecycle?.basis), outcome: outcome(language), reEvaluationDeadline: deadline?.deadline.iso,
                    overdue: (deadline.map { d in overdueOn.map(d.isOverdue(on:)) ?? false } ?? false) || waitingPastDeadline,
                    flags: (lifecycle?.roundFlags ?? []).map { $0.text(language) })
    }
}
