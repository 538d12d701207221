import OCOPDomain
import PropertyBased
import Testing

@Suite struct CertificationTermTests {
    @Test(arguments: [
        ("2026-08-05", "2029-08-05"),  // Lâm Đồng QĐ 3981, 05/8/2026
        ("2024-02-29", "2027-02-28"),  // no 29/2 in 2027: the month's last day
        ("2025-02-28", "2028-02-28"),  // 2028 has a 29/2, but the corresponding day is the 28th
        ("2026-05-31", "2029-05-31"),
        ("2025-08-31", "2028-08-31"),
        ("2026-11-30", "2029-11-30"),
        ("2026-04-30", "2029-04-30"),
        ("2026-06-30", "2029-06-30"),
        ("2026-12-31", "2029-12-31"),
        ("2026-01-01", "2029-01-01"),
        ("2024-03-01", "2027-03-01"),
    ])
    func thirtySixMonthsEndOnTheCorrespondingOrLastDay(issued: String, until: String) {
        #expect(CertificateTerm.validUntil(issuedOn: day(issued)) == day(until))
        #expect(try! CertificateTerm.qd26.validUntil(issuedOn: day(issued)) == day(until))
    }

    @Test func termLastsAboutThreeYearsForEveryIssueDate() async {
        await propertyCheck(count: 2000, input: Gen.int(in: day("1990-01-01").dayNumber...day("2200-12-31").dayNumber)) { n in
            let issued = CalendarDate(dayNumber: n)
            let until = CertificateTerm.validUntil(issuedOn: issued)
            let days = issued.days(until: until)
            #expect((1095...1096).contains(days), "\(issued) → \(until)")
            #expect(until.year == issued.year + 3 && until.month == issued.month)
            #expect(until.day == issued.day || (issued.month == 2 && issued.day == 29 && until.day == 28))
        }
    }

    @Test func historicalTermsAreKeptOnlyBeforeQD26() throws {
        #expect(try CertificateTerm.historicalMonths(36).validUntil(issuedOn: day("2023-12-28")) == day("2026-12-28"))
        #expect(try CertificateTerm.historicalMonths(24).validUntil(issuedOn: day("2026-05-21")) == day("2028-05-21"))
        #expect(try CertificateTerm.historicalValidUntil(day("2026-12-31")).validUntil(issuedOn: day("2023-12-20")) == day("2026-12-31"))

        let late = refusal { try CertificateTerm.historicalMonths(24).validUntil(issuedOn: day("2026-05-22")) }
        #expect(late == .termOverrideUnderQD26(issuedOn: day("2026-05-22")))
        #expect(late!.kind == .invalidInput)
        #expect(messages(late!).vi.contains("khoản 3 Điều 4") && messages(late!).en.contains("Art. 12.1"))
        #expect(refusal { try CertificateTerm.historicalMonths(0).validUntil(issuedOn: day("2020-01-01")) } == .invalidTermMonths(0))
        let before = refusal { try CertificateTerm.historicalValidUntil(day("2019-12-31")).validUntil(issuedOn: day("2020-01-01")) }
        #expect(before == .validUntilBeforeIssue(issuedOn: day("2020-01-01"), validUntil: day("2019-12-31")))
        #expect(messages(before!).vi == "Ngày hết hạn 31/12/2019 trước ngày cấp 01/01/2020.")
    }
}

@Suite struct RenewalWindowTests {
    let window = RenewalWindow(expiresOn: day("2029-08-05"))

    @Test func opensOneHundredEightyAndClosesOneHundredTwentyDaysBeforeTheLastValidDay() {
        #expect(window.opensOn == day("2029-02-06") && window.closesOn == day("2029-04-07"))
        #expect(window.daysBeforeExpiry(day("2029-02-05")) == 181)
        #expect(window.position(of: day("2029-02-05")) == .tooEarly)
        #expect(window.position(of: day("2029-02-06")) == .inside)  // 180 days
        #expect(window.position(of: day("2029-04-07")) == .inside)  // 120 days
        #expect(window.position(of: day("2029-04-08")) == .tooLate)  // 119 days
        #expect(window.position(of: day("2029-08-06")) == .tooLate)
        #expect(!window.contains(day("2029-02-05")) && window.contains(day("2029-03-01")) && !window.contains(day("2029-04-08")))
        #expect(window.describe(.vi) == "từ ngày 06/02/2029 đến ngày 07/04/2029")
        #expect(window.describe(.en) == "from 2029-02-06 to 2029-04-07")
    }

    @Test func windowAlwaysLiesInsideTheCertificatesValidity() async {
        await propertyCheck(count: 1000, input: Gen.int(in: day("2000-01-01").dayNumber...day("2100-12-31").dayNumber)) { n in
            let facts = CertificateFacts(issuedOn: CalendarDate(dayNumber: n))
            let w = facts.renewalWindow
            #expect(facts.issuedOn < w.opensOn && w.closesOn < facts.validUntil)
            #expect(w.opensOn.days(until: w.closesOn) == 60)
            #expect(facts.status(on: w.opensOn) == .inRenewalWindow && facts.status(on: w.closesOn) == .inRenewalWindow)
            #expect(facts.status(on: w.opensOn.adding(days: -1)) == .valid && facts.status(on: w.closesOn.adding(days: 1)) == .valid)
        }
    }
}

@Suite struct CertificateStatusTests {
    let plain = CertificateFacts(issuedOn: day("2026-08-05"))

    @Test func statusOnTheExactDaysOfIssueWindowAndExpiry() {
        #expect(plain.validUntil == day("2029-08-05"))
        #expect(plain.status(on: day("2026-08-04")) == .notYetValid)
        #expect(plain.status(on: day("2026-08-05")) == .valid)
        #expect(plain.status(on: day("2029-02-05")) == .valid)
        #expect(plain.status(on: day("2029-02-06")) == .inRenewalWindow)
        #expect(plain.status(on: day("2029-04-07")) == .inRenewalWindow)
        #expect(plain.status(on: day("2029-04-08")) == .valid)
        #expect(plain.status(on: day("2029-08-05")) == .valid)
        #expect(plain.status(on: day("2029-08-06")) == .expired)
        #expect(plain.lastDayInForce == day("2029-08-05"))
    }

    @Test func revocationBeatsEverythingFromItsDay() {
        var f = plain
        f.revokedOn = day("2029-03-01")  // inside the window
        #expect(f.status(on: day("2029-02-28")) == .inRenewalWindow)
        #expect(f.status(on: day("2029-03-01")) == .revoked)
        #expect(f.status(on: day("2031-01-01")) == .revoked)
        #expect(f.lastDayInForce == day("2029-02-28"))
        f.supersededOn = day("2029-04-01")
        f.extendedUntil = day("2029-12-01")
        #expect(f.status(on: day("2029-04-01")) == .revoked && f.status(on: day("2029-09-01")) == .revoked)
        // Revoked on its issue day: never in force.
        let stillborn = CertificateFacts(issuedOn: day("2026-08-05"), validUntil: day("2029-08-05"), revokedOn: day("2026-08-05"))
        #expect(stillborn.status(on: day("2026-08-05")) == .revoked && stillborn.lastDayInForce < stillborn.issuedOn)
    }

    @Test func supersessionFromTheNewCertificatesIssueDay() {
        var f = plain
        f.supersededOn = day("2027-10-10")
        #expect(f.status(on: day("2027-10-09")) == .valid)
        #expect(f.status(on: day("2027-10-10")) == .superseded)
        #expect(f.status(on: day("2030-01-01")) == .superseded)
        #expect(f.lastDayInForce == day("2027-10-09"))
        // A later revocation still wins from its own day.
        f.revokedOn = day("2028-01-01")
        #expect(f.status(on: day("2027-12-31")) == .superseded && f.status(on: day("2028-01-01")) == .revoked)
    }

    @Test func transitionExtensionRunsToTheResultAndNeverPastOneHundredEightyDays() {
        let old = CertificateFacts(issuedOn: day("2023-06-01"), validUntil: day("2026-06-01"), extendedUntil: day("2026-09-15"))
        #expect(old.status(on: day("2026-06-01")) == .valid)
        #expect(old.status(on: day("2026-06-02")) == .extendedByTransition)
        #expect(old.status(on: day("2026-09-15")) == .extendedByTransition)
        #expect(old.status(on: day("2026-09-16")) == .expired)
        let capped = CertificateFacts(issuedOn: day("2023-06-01"), validUntil: day("2026-06-01"), extendedUntil: day("2027-06-01"))
        #expect(capped.effectiveExtension == day("2026-11-28"))
        #expect(capped.status(on: day("2026-11-28")) == .extendedByTransition && capped.status(on: day("2026-11-29")) == .expired)
        #expect(capped.lastDayInForce == day("2026-11-28"))
        let ignored = CertificateFacts(issuedOn: day("2023-06-01"), validUntil: day("2026-06-01"), extendedUntil: day("2026-05-01"))
        #expect(ignored.effectiveExtension == nil && ignored.status(on: day("2026-06-02")) == .expired)

        #expect(TransitionRule.applies(toCertificateIssuedOn: day("2026-05-21")))
        #expect(!TransitionRule.applies(toCertificateIssuedOn: day("2026-05-22")))
        #expect(TransitionRule.latestExtension(validUntil: day("2026-06-01")) == day("2026-11-28"))
        #expect(TransitionRule.extendedUntil(validUntil: day("2026-06-01"), resultOn: nil) == day("2026-11-28"))
        #expect(TransitionRule.extendedUntil(validUntil: day("2026-06-01"), resultOn: day("2026-07-20")) == day("2026-07-20"))
        #expect(TransitionRule.extendedUntil(validUntil: day("2026-06-01"), resultOn: day("2027-01-20")) == day("2026-11-28"))
    }

    @Test func neverInForceOnOrAfterItsRevocation() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...1200), Gen.int(in: 0...1500), Gen.int(in: 0...400)) { revokeAfter, probe, extra in
            let issued = day("2026-08-05")
            var f = CertificateFacts(issuedOn: issued, validUntil: CertificateTerm.validUntil(issuedOn: issued), extendedUntil: issued.adding(days: 1096 + extra))
            f.revokedOn = issued.adding(days: revokeAfter)
            let d = f.revokedOn!.adding(days: probe)
            #expect(f.status(on: d) == .revoked)
            #expect(!f.status(on: d).isCurrent)
            #expect(f.lastDayInForce < f.revokedOn!)
        }
    }

    @Test func oneVocabularyInBothLanguages() {
        #expect(CertificateStatus.valid.label.vi == "Còn hiệu lực")
        #expect(CertificateStatus.inRenewalWindow.label.vi == "Trong thời hạn nộp hồ sơ đánh giá lại")
        #expect(CertificateStatus.expired.label.vi == "Hết hiệu lực")
        #expect(CertificateStatus.revoked.label.vi == "Đã bị thu hồi")
        #expect(CertificateStatus.superseded.label.vi.hasPrefix("Đã được thay thế"))
        #expect(Set(CertificateStatus.allCases.map(\.label.vi)).count == CertificateStatus.allCases.count)
        #expect(Set(CertificateStatus.allCases.map(\.label.en)).count == CertificateStatus.allCases.count)
        #expect(CertificateStatus.allCases.filter(\.isCurrent) == [.valid, .inRenewalWindow, .extendedByTransition])
        #expect(CertificateStatus.allCases.map(\.rawValue) == ["not_yet_valid", "valid", "renewal_window", "transition_extension", "expired", "superseded", "revoked"])
    }

    @Test func currentCertificateOfAProduct() {
        let first = certificate("GCN-24-2026-0001", stars: 3, issued: "2026-08-05", superseded: "2027-10-10")
        let upgrade = certificate("GCN-24-2027-0031", stars: 4, issued: "2027-10-10")
        #expect(CertificateRecord.current(among: [first, upgrade], on: day("2027-10-09")) == first)
        #expect(CertificateRecord.current(among: [first, upgrade], on: day("2027-10-10")) == upgrade)
        #expect(CertificateRecord.current(among: [first, upgrade], on: day("2030-10-11")) == nil)
        #expect(CertificateRecord.latest(among: [first, upgrade], on: day("2030-10-11")) == upgrade)
        #expect(first.describe(.vi) == "GCN-24-2026-0001 (3★, hiệu lực đến ngày 05/08/2029)")
        #expect(upgrade.describeState(on: day("2031-01-01"), .en) == "expired after 2030-10-10")
    }
}
