import OCOPDomain
import Testing

/// The register's filters judge each certificate on the day asked about, by the one status rule.
@Suite struct CertificationFilterTests {
    /// Valid through 05/8/2029; its window runs 06/02/2029 – 07/4/2029.
    let c = certificate(issued: "2026-08-05")

    @Test func statusesStarsAndCurrent() {
        #expect(CertificateFilter().matches(c, on: day("2026-08-04")), "no filter keeps everything, even not yet valid")
        #expect(CertificateFilter(statuses: [.valid]).matches(c, on: day("2027-01-01")))
        #expect(!CertificateFilter(statuses: [.valid]).matches(c, on: day("2029-02-06")))
        #expect(CertificateFilter(statuses: [.inRenewalWindow]).matches(c, on: day("2029-02-06")))
        #expect(CertificateFilter(currentOnly: true).matches(c, on: day("2029-08-05")))
        #expect(!CertificateFilter(currentOnly: true).matches(c, on: day("2029-08-06")))
        #expect(CertificateFilter(statuses: [.expired]).matches(c, on: day("2029-08-06")))
        #expect(!CertificateFilter(stars: 4).matches(c, on: day("2027-01-01")) && CertificateFilter(stars: 3).matches(c, on: day("2027-01-01")))
        let revoked = certificate(issued: "2026-08-05", revoked: "2027-03-16")
        #expect(CertificateFilter(statuses: [.revoked]).matches(revoked, on: day("2027-03-16")))
        #expect(!CertificateFilter(currentOnly: true).matches(revoked, on: day("2027-03-16")))
    }

    /// "Expiring within N days": in force, and the last valid day at most N days ahead (0 = today).
    @Test func expiringWithinEdges() {
        #expect(CertificateFilter.daysToExpiry(c.facts, on: day("2029-02-06"), within: 180) == 180)
        #expect(CertificateFilter.daysToExpiry(c.facts, on: day("2029-02-05"), within: 180) == nil, "181 days ahead")
        #expect(CertificateFilter.daysToExpiry(c.facts, on: day("2029-08-05"), within: 180) == 0, "the last valid day")
        #expect(CertificateFilter.daysToExpiry(c.facts, on: day("2029-08-06"), within: 180) == nil, "expired")
        #expect(CertificateFilter(expiringWithin: 30).matches(c, on: day("2029-07-06")))
        #expect(!CertificateFilter(expiringWithin: 30).matches(c, on: day("2029-07-05")))
        // A superseded or revoked certificate is not "expiring"; nor one kept alive past its end by Art. 12.3.
        let superseded = certificate(issued: "2026-08-05", superseded: "2029-05-01")
        #expect(!CertificateFilter(expiringWithin: 180).matches(superseded, on: day("2029-06-01")))
        let extended = certificate(issued: "2023-12-20", validUntil: "2026-12-20", extended: "2027-06-18")
        #expect(extended.status(on: day("2027-01-05")) == .extendedByTransition)
        #expect(!CertificateFilter(expiringWithin: 365).matches(extended, on: day("2027-01-05")))
    }

    @Test func aRecordedRevocationKnowsItsTiming() {
        let onTime = RevocationTiming(ground: .b, findingOn: day("2027-03-01"), revokedOn: day("2027-03-16"))
        #expect(onTime.deadline == day("2027-03-16") && !onTime.isLate && onTime.daysAfterFinding == 15)
        let late = RevocationTiming(ground: .dd, findingOn: day("2027-03-01"), revokedOn: day("2027-03-17"))
        #expect(late.isLate && late.daysLate == 1)
        #expect(late.lateFlag(.en)?.contains("the commune's confirmation that production stopped of 2027-03-01") == true)
    }
}
