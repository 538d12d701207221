/// Which kind of dossier a product may file, checked when a dossier is opened and again at the
/// decision (QĐ 26/2026 Art. 6.1, 7.5, 7.6, 12.3).
///
/// - First evaluation (lần đầu): only for a product with no certificate in force.
/// - Upgrade (nâng hạng): only on a certificate in force, to strictly more stars (3→4, 3→5, 4→5).
/// - Re-evaluation (đánh giá lại): only on a certificate in force, filed inside its renewal window,
///   or late under the transition rule of Art. 12.3 (certificates issued before 22/5/2026, filed
///   while still in force).
///
/// `certificates` are all the product's certificates; "in force" is `CertificateStatus.isCurrent`.
public enum DossierEligibility {
    /// What an accepted filing rests on.
    public struct Filing: Sendable, Hashable {
        public let kind: DossierKind
        /// The certificate the dossier upgrades or re-evaluates (`nil` for a first evaluation).
        public let basis: CertificateRecord?
        /// A late re-evaluation accepted under Art. 12.3: the basis stays in force until the
        /// result, at most until `extensionLimit`.
        public let underTransition: Bool
        public let extensionLimit: CalendarDate?
    }

    /// What an accepted decision does to the product's other certificates.
    public struct Decision: Sendable, Hashable {
        public let filing: Filing
        /// The certificate in force on the decision date that the new one replaces, if any.
        public let supersedes: CertificateRecord?
        /// The new certificate's issue date (= the decision date), from which `supersedes` is superseded.
        public let supersededOn: CalendarDate?
    }

    /// What the holder of `certificate` (in force) may file, seen from `date`: an upgrade below 5★,
    /// and when a re-evaluation may be filed — the advice the refusals give.
    public static func filingAdvice(holding certificate: CertificateRecord, on date: CalendarDate, _ language: Language) -> String {
        String((CertificationError.upgradeAdvice(certificate, language) + CertificationError.reEvaluationAdvice(certificate, filedOn: date, language))
            .drop { $0 == " " })
    }

    /// Checks a dossier of `kind` for `product`, filed on `filedOn`. `targetStars` is required for
    /// an upgrade and ignored otherwise.
    public static func checkFiling(
        kind: DossierKind, product: String, certificates: [CertificateRecord], filedOn: CalendarDate, targetStars: Int? = nil
    ) throws(CertificationError) -> Filing {
        let current = CertificateRecord.current(among: certificates, on: filedOn)
        let last = CertificateRecord.latest(among: certificates, on: filedOn)
        switch kind {
        case .firstEvaluation:
            if let current {
                throw .firstEvaluationWithCurrentCertificate(product: product, current: current, filedOn: filedOn)
            }
            return Filing(kind: kind, basis: nil, underTransition: false, extensionLimit: nil)

        case .upgrade:
            guard let current else {
                throw .upgradeWithoutCurrentCertificate(product: product, last: last, filedOn: filedOn)
            }
            if current.stars >= 5 { throw .upgradeBeyondFiveStars(product: product, current: current, filedOn: filedOn) }
            guard let targetStars else { throw .upgradeTargetMissing(product: product, current: current) }
            guard targetStars > current.stars, targetStars <= 5 else {
                throw .upgradeTargetNotHigher(product: product, current: current, target: targetStars)
            }
            return Filing(kind: kind, basis: current, underTransition: false, extensionLimit: nil)

        case .reEvaluation:
            guard let current else {
                throw .reEvaluationWithoutCurrentCertificate(product: product, last: last, filedOn: filedOn)
            }
            switch current.facts.renewalWindow.position(of: filedOn) {
            case .inside:
                return Filing(kind: kind, basis: current, underTransition: false, extensionLimit: nil)
            case .tooEarly:
                throw .reEvaluationTooEarly(product: product, current: current, filedOn: filedOn)
            case .tooLate:
                guard TransitionRule.applies(toCertificateIssuedOn: current.facts.issuedOn) else {
                    throw .reEvaluationTooLate(product: product, current: current, filedOn: filedOn)
                }
                return Filing(kind: kind, basis: current, underTransition: true,
                              extensionLimit: TransitionRule.latestExtension(validUntil: current.facts.validUntil))
            }
        }
    }

    /// Checks the same dossier again when its decision is drafted, for a result of `resultStars`
    /// (3–5) on `decidedOn`. The filing is re-checked on its own date (the window governs the
    /// filing, not the decision); then, on the decision date:
    /// - first evaluation: no certificate of the product may be in force;
    /// - upgrade: the result must be above the basis and above whatever is in force now;
    /// - upgrade or re-evaluation: the basis must not have been revoked.
    /// The certificate in force on the decision date (if any) is superseded from that date.
    public static func checkDecision(
        kind: DossierKind, product: String, certificates: [CertificateRecord], filedOn: CalendarDate,
        targetStars: Int? = nil, resultStars: Int, decidedOn: CalendarDate
    ) throws(CertificationError) -> Decision {
        guard (3...5).contains(resultStars) else { throw .notRecognisable(product: product, stars: resultStars) }
        let filing = try checkFiling(kind: kind, product: product, certificates: certificates, filedOn: filedOn,
                                     targetStars: kind == .upgrade ? (targetStars ?? 5) : nil)
        let now = CertificateRecord.current(among: certificates, on: decidedOn)
        if let basis = filing.basis, let revokedOn = basis.facts.revokedOn, revokedOn <= decidedOn {
            throw .basisRevoked(product: product, certificate: basis, decidedOn: decidedOn)
        }
        switch kind {
        case .firstEvaluation:
            if let now { throw .otherCertificateInForce(product: product, kind: kind, current: now, decidedOn: decidedOn) }
        case .upgrade:
            let highest = [filing.basis, now].compactMap { $0 }.max { $0.stars < $1.stars }
            if let highest, resultStars <= highest.stars {
                throw .upgradeResultNotHigher(product: product, current: highest, result: resultStars)
            }
        case .reEvaluation:
            break
        }
        return Decision(filing: filing, supersedes: now, supersededOn: now == nil ? nil : decidedOn)
    }
}
