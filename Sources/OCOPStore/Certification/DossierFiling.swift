import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Opening a dossier under the eligibility rules (Art. 6.1, 7.5, 7.6.a, 12.3): the product's
/// certificates are read under a lock on the product, `DossierEligibility.checkFiling` decides on
/// the filing date, and the dossier records the certificate it rests on. A late re-evaluation
/// accepted under Art. 12.3 keeps that certificate in force until the result (the cap is recorded
/// now and shortened when the result comes).
public struct DossierFiling {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func open(_ request: DossierOpening, today: CalendarDate, actor: PersonCode) throws -> Dossier {
        let filedOn = request.filedOn ?? today
        if filedOn > today {
            throw StoreError.invalid(field: "filed_on", value: filedOn.iso, reason: LocalizedText(
                vi: "ngày nộp hồ sơ sau ngày hôm nay (\(today.display(.vi))).", en: "the filing date is after today (\(today.display(.en)))."))
        }
        let product = try ProductRepository(connection).product(request.productRef)
        return try connection.transaction { connection in
            // Two filings for one product wait for each other: each sees the other's dossier.
            _ = try connection.query("SELECT id FROM product WHERE id = $1 FOR UPDATE", product.id)
            let certificates = try CertificateRepository(connection).certificates(productID: product.id, asOf: filedOn)
            let filing = try DossierEligibility.checkFiling(kind: request.kind, product: product.code, certificates: certificates.map(\.record),
                                                            filedOn: filedOn, targetStars: request.targetStars)
            var opening = request
            opening.filedOn = filedOn
            let dossier = try DossierRepository(connection).open(opening, actor: actor)
            if let basis = filing.basis, let stored = certificates.first(where: { $0.number == basis.number }) {
                try connection.query("UPDATE dossier SET basis_certificate_id = $2, under_transition = $3 WHERE id = $1",
                                     dossier.id, stored.id, filing.underTransition)
                if filing.underTransition {
                    try CertificateRepository(connection).extend(
                        id: stored.id, until: TransitionRule.extendedUntil(validUntil: stored.facts.validUntil, resultOn: nil))
                }
            }
            return dossier
        }
    }
}
