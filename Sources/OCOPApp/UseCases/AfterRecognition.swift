import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore
import Postgres

/// After recognition (docs/after-recognition.md): where products are sold, what upgrades claim
/// and what the council found, a product's whole timeline. Every status is computed on the day
/// asked about (default today, from the clock).
extension Workbench {
    // MARK: Outlets and listings

    public func addOutlet(_ draft: OutletDraft) throws -> OutletView {
        try MarketRepository(try connection()).addOutlet(draft, actor: actor)
    }

    public func outlets(kind: OutletKind? = nil) throws -> [OutletView] {
        try MarketRepository(try connection()).outlets(kind: kind)
    }

    public func addListing(_ request: ListingRequest) throws -> ListingView {
        try MarketRepository(try connection()).addListing(request, today: today, actor: actor)
    }

    /// Records a listing's last day (default today).
    public func endListing(_ id: Int, on date: CalendarDate? = nil, reason: String? = nil) throws -> ListingView {
        try MarketRepository(try connection()).endListing(id: id, on: date ?? today, reason: reason, today: today, actor: actor)
    }

    /// Records that a listing carries the product's certificate in force on `since` (default
    /// today), or `certificate`.
    public func remarkListing(_ id: Int, since: CalendarDate? = nil, certificate: CertificateNumber? = nil) throws -> ListingView {
        try MarketRepository(try connection()).remark(id: id, since: since ?? today, certificate: certificate, today: today, actor: actor)
    }

    /// Listings seen on `asOf` (default today): of a product, at an outlet; `mustWithdraw` keeps
    /// only those whose OCOP mark must come off; ended ones only with `includeEnded`.
    public func listings(product: String? = nil, outlet: OutletCode? = nil, mustWithdraw: Bool = false, includeEnded: Bool = false,
                         asOf: CalendarDate? = nil) throws -> [ListingView] {
        let connection = try connection()
        let day = asOf ?? today
        let market = MarketRepository(connection)
        let productID = try product.map { try ProductRepository(connection).product($0).id }
        let outletID = try outlet.map { try market.outlet($0).id }
        return try market.listings(productID: productID, outletID: outletID, asOf: day).filter { l in
            if mustWithdraw { return l.status == .mustWithdraw }
            return includeEnded || l.status != .ended
        }
    }

    /// The product's listings on sale today: the evidence a council member reads on the
    /// distribution criterion (4.1 "Khu vực phân phối chính"). Nil when the set has no such criterion.
    public func distributionEvidence(dossier code: DossierCode) throws -> (criterion: String, listings: [ListingView])? {
        let connection = try connection()
        let dossier = try DossierRepository(connection).dossier(code)
        guard let hash = dossier.rubricHash,
              let criterion = try RubricRepository(connection).frozenSet(hash: hash).distributionCriterion else { return nil }
        let listings = try MarketRepository(connection).listings(productID: dossier.productID, asOf: today).filter(\.status.isOnSale)
        return (criterion.code, listings)
    }

    // MARK: Claims and self-assessments

    public func recordClaim(_ claim: UpgradeClaim, dossier: DossierCode) throws -> ClaimView {
        try UpgradeRepository(try connection()).addClaim(claim, dossier: dossier, actor: actor)
    }

    public func claims(dossier code: DossierCode) throws -> [ClaimView] {
        let connection = try connection()
        return try UpgradeRepository(connection).claims(dossierID: try DossierRepository(connection).dossier(code).id)
    }

    /// Stores the producer's self-assessment read from a sheet file (the format of `ocop rate`).
    public func recordSelfAssessment(dossier code: DossierCode, file path: String) throws -> SelfAssessmentView {
        let connection = try connection()
        let dossier = try DossierRepository(connection).dossier(code)
        let sheet = try readSheetFile(path, label: "self", setNumber: dossier.productSet)
        return try UpgradeRepository(connection).addSelfAssessment(sheet, dossier: code, source: URL(fileURLWithPath: path).lastPathComponent, actor: actor)
    }

    public func selfAssessment(dossier code: DossierCode) throws -> SelfAssessmentView? {
        let connection = try connection()
        return try UpgradeRepository(connection).selfAssessment(dossierID: try DossierRepository(connection).dossier(code).id)
    }

    // MARK: The upgrade diff

    /// An upgrade or re-evaluation dossier against its recognition: per criterion the council's
    /// mean then (when the workbench recorded that council) and now, the claims and the
    /// self-assessment, and what decided the result.
    public func dossierDiff(_ code: DossierCode) throws -> DossierDiffView {
        let connection = try connection()
        let dossier = try DossierRepository(connection).dossier(code)
        guard dossier.kind != .firstEvaluation else { throw AppError.nothingRecognisedToCompare(code.rawValue) }
        let sessions = SessionRepository(connection)
        guard let session = try sessions.latestScoredSession(dossier: code) else { throw AppError.notScoredYet(code.rawValue) }
        let snapshot = try sessions.snapshot(session)
        guard let entry = snapshot.dossier(code) else { throw StoreError.dossierNotOnSession(dossier: code.rawValue, session: session.rawValue) }
        let rubrics = RubricRepository(connection)
        let set = try rubrics.frozenSet(hash: entry.rubricHash)
        let result: RatingResult
        if let stored = entry.result?.rating {
            result = stored
        } else {
            do throws(SheetValidationError) {
                result = try RatingEngine(productSet: set).rate(entry.sheets.map(\.sheet), knockOuts: entry.standingKnockOuts.map(\.declaration))
            } catch { throw DomainError.invalidSheet(error) }
        }
        let upgrades = UpgradeRepository(connection)
        var basisView: CertificateView?
        var recognition: (set: ProductSet, sheets: [ScoreSheet])?
        var recognitionSession: SessionCode?
        if let basis = try upgrades.basis(dossierID: dossier.id) {
            basisView = try CertificateRepository(connection).certificate(id: basis.certificateID, asOf: today)
            if let old = basis.recognitionDossier, let oldSession = try sessions.latestScoredSession(dossier: old),
               let oldEntry = try sessions.snapshot(oldSession).dossier(old) {
                recognition = (try rubrics.frozenSet(hash: oldEntry.rubricHash), oldEntry.sheets.map(\.sheet))
                recognitionSession = oldSession
            }
        }
        let score: CandidateScore? = basisView.flatMap { b in b.exactScore.map(CandidateScore.exact) ?? b.scoreHundredths.map(CandidateScore.hundredths) }
        let target = dossier.targetStars ?? basisView.map { dossier.kind == .upgrade ? min($0.stars + 1, 5) : $0.stars } ?? 3
        let diff = UpgradeDiff(productSet: set, sheets: entry.sheets.map(\.sheet), result: result, target: target, basisStars: basisView?.stars,
                               recognition: recognition, recognitionScore: score,
                               selfAssessment: try upgrades.selfAssessment(dossierID: dossier.id)?.sheet,
                               claims: try upgrades.claims(dossierID: dossier.id).map(\.claim))
        let basisSummary = basisView.map { b in
            CertificateSummary(number: b.number, stars: b.stars, facts: b.facts, decisionNumber: b.decisionNumber, supersededBy: b.supersededBy,
                               revocationDecision: b.revocation?.decisionNumber)
        }
        return DossierDiffView(dossier: dossier, basis: basisSummary, session: session, heldOn: snapshot.heldOn,
                               recognitionSession: recognitionSession, diff: diff)
    }

    // MARK: A product's timeline

    /// Recognitions, certificates, upgrades (granted or not), re-evaluations, revocations,
    /// post-audits and listings of a product, oldest first, up to `asOf` (default today).
    public func productHistory(_ reference: String, asOf: CalendarDate? = nil) throws -> ProductHistoryView {
        let connection = try connection()
        let day = asOf ?? today
        let product = try ProductRepository(connection).product(reference, asOf: day)
        let certificates = try CertificateRepository(connection).certificates(productID: product.id, asOf: day)
        let dossiers = try DossierRepository(connection).dossiers(productID: product.id)
        let listings = try MarketRepository(connection).listings(productID: product.id, asOf: day)
        let revocations = RevocationRepository(connection)
        var events: [(rank: Int, event: ProductEvent)] = []
        func add(_ rank: Int, _ event: ProductEvent) { if event.date <= day { events.append((rank, event)) } }

        // Dossiers: filed, scored, and how they ended when no certificate tells it.
        let queries = ReportQueries(connection)
        var resultDay: [DossierCode: CalendarDate] = [:]
        for r in try queries.councilOutcomes(productID: product.id) {
            resultDay[r.dossier] = r.heldOn
            let result = r.stars.map { "\($0)★" } ?? "—"
            add(1, ProductEvent(date: r.heldOn, kind: .councilResult, reference: r.dossier.rawValue, stars: r.stars, detail: LocalizedText(
                vi: "Hội đồng \(r.central ? "cấp trung ương" : "cấp tỉnh") (phiên \(r.session)) chấm hồ sơ \(r.dossier): \(r.average.display(.vi)) điểm, \(result)",
                en: "The \(r.central ? "central" : "provincial") council (session \(r.session)) scored \(r.dossier): \(r.average.display(.en)) points, \(result)")))
        }
        var refused: Set<DossierCode> = []
        for r in try queries.refusedUpgrades(productID: product.id) {
            refused.insert(r.dossier)
            let basis = certificates.last { $0.facts.issuedOn <= r.decidedOn && $0.dossier != r.dossier }
            add(2, ProductEvent(date: r.decidedOn, kind: .upgradeNotGranted, reference: r.dossier.rawValue, stars: r.stars, fromStars: basis?.stars,
                                detail: LocalizedText(
                vi: "Quyết định số \(r.decision): không công nhận nâng hạng hồ sơ \(r.dossier) (kết quả \(r.stars)★ không cao hơn hạng hiện có)\(basis.map { "; giấy chứng nhận \($0.number) giữ nguyên" } ?? "")",
                en: "Decision \(r.decision): upgrade \(r.dossier) not granted (the \(r.stars)★ result is not above the current stars)\(basis.map { "; certificate \($0.number) stays" } ?? "")")))
        }
        for d in dossiers {
            if let filed = d.filedOn {
                let target = d.targetStars.map { LocalizedText(vi: ", đề nghị \($0)★", en: ", for \($0)★") }
                add(0, ProductEvent(date: filed, kind: .dossierFiled, reference: d.code.rawValue, stars: d.targetStars, detail: LocalizedText(
                    vi: "Nộp hồ sơ \(d.code) (\(d.kind.label(.vi)), kỳ \(d.round)/\(d.year)\(target?.vi ?? ""))",
                    en: "Filed \(d.code) (\(d.kind.label(.en)), round \(d.round)/\(d.year)\(target?.en ?? ""))")))
            }
            if d.status == .notRecognised, !refused.contains(d.code), let held = resultDay[d.code] {
                add(2, ProductEvent(date: held, kind: .notRecognised, reference: d.code.rawValue, detail: LocalizedText(
                    vi: "Hồ sơ \(d.code) không đạt: không có quyết định công nhận", en: "\(d.code) not recognised: no recognition decision")))
            }
            if d.status == .withdrawn {
                add(2, ProductEvent(date: vietnamDay(d.updatedAt), kind: .withdrawn, reference: d.code.rawValue, detail: LocalizedText(
                    vi: "Chủ thể rút hồ sơ \(d.code)", en: "The producer withdrew \(d.code)")))
            }
        }

        // Certificates: how each came, how each ended.
        for (i, c) in certificates.enumerated() {
            let replaced = certificates.first { $0.supersededBy == c.number }
            let earlier = certificates[..<i].last
            let kind: ProductEvent.Kind
            let dossierKind = dossiers.first { $0.code == c.dossier }?.kind
            if let replaced, c.stars > replaced.stars { kind = .upgraded }
            else if replaced != nil || dossierKind == .reEvaluation { kind = .reEvaluated }
            else if earlier != nil { kind = .recognisedAgain }
            else { kind = .recognised }
            let by = CertificateIssuerText.issuer(c)
            let decision = c.decisionNumber.map { LocalizedText(vi: " theo Quyết định số \($0)", en: " by decision \($0)") }
            let replacing = replaced.map { LocalizedText(vi: ", thay thế \($0.number) (\($0.stars)★)", en: ", replacing \($0.number) (\($0.stars)★)") }
            add(2, ProductEvent(date: c.facts.issuedOn, kind: kind, reference: c.number.description, stars: c.stars,
                                fromStars: kind == .upgraded ? replaced?.stars : nil, detail: LocalizedText(
                vi: "\(c.stars)★, giấy chứng nhận \(c.number)\(decision?.vi ?? "") (\(by.vi)), hiệu lực đến \(c.facts.validUntil.display(.vi))\(replacing?.vi ?? "")",
                en: "\(c.stars)★, certificate \(c.number)\(decision?.en ?? "") (\(by.en)), valid through \(c.facts.validUntil.display(.en))\(replacing?.en ?? "")")))
            if let extended = c.facts.effectiveExtension {
                add(3, ProductEvent(date: c.facts.validUntil.adding(days: 1), kind: .extended, reference: c.number.description, stars: c.stars, detail: LocalizedText(
                    vi: "\(c.number) còn hiệu lực theo Điều 12.3 đến chậm nhất \(extended.display(.vi)) (đánh giá lại nộp muộn)",
                    en: "\(c.number) kept in force under Art. 12.3 until \(extended.display(.en)) at the latest (late re-evaluation)")))
            }
            if let revocation = c.revocation {
                add(3, ProductEvent(date: revocation.revokedOn, kind: .revoked, reference: c.number.description, stars: c.stars, detail: LocalizedText(
                    vi: "Thu hồi \(c.number) theo Quyết định số \(revocation.decisionNumber), \(revocation.ground.citation(.vi))",
                    en: "\(c.number) revoked by decision \(revocation.decisionNumber), \(revocation.ground.citation(.en))")))
            } else if c.facts.supersededOn != nil, c.supersededBy == nil, let on = c.facts.supersededOn {
                add(3, ProductEvent(date: on, kind: .superseded, reference: c.number.description, stars: c.stars, detail: LocalizedText(
                    vi: "\(c.number) được thay thế từ ngày \(on.display(.vi))", en: "\(c.number) superseded on \(on.display(.en))")))
            } else if c.facts.supersededOn == nil {
                let end = c.facts.lastDayInForce
                add(3, ProductEvent(date: end.adding(days: 1), kind: .expired, reference: c.number.description, stars: c.stars, detail: LocalizedText(
                    vi: "\(c.number) (\(c.stars)★) hết hiệu lực sau ngày \(end.display(.vi))", en: "\(c.number) (\(c.stars)★) expired after \(end.display(.en))")))
            }
            for audit in try revocations.audits(certificateID: c.id) {
                add(2, ProductEvent(date: audit.inspection.concludedOn, kind: .postAudit, reference: c.number.description, detail: LocalizedText(
                    vi: "\(audit.inspection.kind.label(.vi)) \(c.number): \(audit.conclusion.text(.vi))", en: "\(audit.inspection.kind.label(.en)) of \(c.number): \(audit.conclusion.text(.en))")))
            }
        }

        // Listings: first day, new marks, when the mark had to come off, last day.
        for l in listings {
            let at = l.outlet.display
            let mark = l.facts.marks.first.map { LocalizedText(vi: ", nhãn OCOP \($0.certificate.number) (\($0.certificate.stars)★)", en: ", OCOP mark \($0.certificate.number) (\($0.certificate.stars)★)") }
            add(4, ProductEvent(date: l.facts.listedOn, kind: .listed, reference: l.outlet.code.rawValue, detail: LocalizedText(
                vi: "Bán tại \(at) (\(l.outlet.kind.label(.vi).lowercased()))\(mark?.vi ?? ", không dùng nhãn OCOP")\(l.contractNo.map { ", hợp đồng \($0)" } ?? "")",
                en: "Listed at \(at) (\(l.outlet.kind.label(.en).lowercased()))\(mark?.en ?? ", without the OCOP mark")\(l.contractNo.map { ", contract \($0)" } ?? "")")))
            for (k, m) in l.facts.marks.enumerated() {
                if k > 0 {
                    add(4, ProductEvent(date: m.since, kind: .markRenewed, reference: l.outlet.code.rawValue, stars: m.certificate.stars, detail: LocalizedText(
                        vi: "\(at): nhãn OCOP theo giấy chứng nhận mới \(m.certificate.number) (\(m.certificate.stars)★)",
                        en: "\(at): OCOP mark of the new certificate \(m.certificate.number) (\(m.certificate.stars)★)")))
                }
                // The mark had to come off the day after its certificate's last day in force,
                // if the listing was still open then and no newer mark had replaced it.
                let off = m.certificate.facts.lastDayInForce.adding(days: 1)
                let next = k + 1 < l.facts.marks.count ? l.facts.marks[k + 1].since : nil
                if off >= m.since, l.facts.endedOn.map({ off <= $0 }) ?? true, next.map({ off < $0 }) ?? true {
                    // The certificate in force that day, whose mark the shelf may carry instead (as the listing views say).
                    let replacement = CertificateRecord.current(among: certificates.map(\.record), on: off).flatMap { $0.number == m.certificate.number ? nil : $0 }
                    let note = replacement.map(ListingView.replacementNote)
                    add(5, ProductEvent(date: off, kind: .mustWithdraw, reference: l.outlet.code.rawValue, detail: LocalizedText(
                        vi: "\(at): phải gỡ nhãn OCOP — \(m.certificate.number) \(m.certificate.describeState(on: off, .vi))\(note?.vi ?? "")",
                        en: "\(at): must withdraw the OCOP mark — \(m.certificate.number) \(m.certificate.describeState(on: off, .en))\(note?.en ?? "")")))
                }
            }
            if let end = l.facts.endedOn {
                add(4, ProductEvent(date: end, kind: .listingEnded, reference: l.outlet.code.rawValue, detail: LocalizedText(
                    vi: "Ngày bán cuối tại \(at)\(l.endReason.map { ": \($0)" } ?? "")", en: "Last day on sale at \(at)\(l.endReason.map { ": \($0)" } ?? "")")))
            }
        }
        let ordered = events.enumerated().sorted { a, b in (a.element.event.date, a.element.rank, a.offset) < (b.element.event.date, b.element.rank, b.offset) }
        return ProductHistoryView(product: product, standing: ProductStanding(product: product, certificates: certificates, on: day),
                                  events: ordered.map(\.element.event), asOf: day)
    }
}

/// Who recognised a certificate, in both languages.
enum CertificateIssuerText {
    static func issuer(_ c: CertificateView) -> LocalizedText {
        switch c.issuer {
        case .ministry: LocalizedText(vi: "Bộ Nông nghiệp và Môi trường", en: "the Ministry")
        case .province: LocalizedText(vi: "UBND tỉnh \(c.provinceName)", en: "\(c.provinceName) Province")
        case .district: LocalizedText(vi: "UBND cấp huyện, tỉnh \(c.provinceName)", en: "a district of \(c.provinceName)")
        }
    }
}

/// The day an instant falls on in Vietnam (UTC+7 all year).
private func vietnamDay(_ instant: Date) -> CalendarDate {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 7 * 3600
    return CalendarDate(dayNumber: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
}
