/// Who issued a historical recognition. Districts recognised 3★ under QĐ 148/2023 until the
/// district level was abolished on 1/7/2025.
public enum HistoricalIssuer: String, Sendable, Hashable, CaseIterable, Codable {
    case district
    case province
    case ministry

    public var label: LocalizedText {
        switch self {
        case .district: LocalizedText(vi: "UBND cấp huyện", en: "district people's committee")
        case .province: LocalizedText(vi: "UBND cấp tỉnh", en: "provincial people's committee")
        case .ministry: LocalizedText(vi: "Bộ Nông nghiệp (và Môi trường)", en: "the Ministry of Agriculture (and Environment)")
        }
    }

    /// The last day a district could issue a recognition (districts were abolished on 1/7/2025).
    public static let lastDistrictDay = CalendarDate(year: 2025, month: 6, day: 30)!
}

/// One recognition of a product, as an imported register states it.
public struct RecognitionRow: Sendable, Hashable, Codable {
    public var stars: Int
    /// The council's average in hundredths (7425 = 74,25), when the register gives it.
    public var scoreHundredths: Int?
    /// The evaluation year.
    public var year: Int
    public var decisionNumber: DecisionNumber?
    /// The decision's date = the certificate's issue date.
    public var decisionDate: CalendarDate?
    public var issuer: HistoricalIssuer
    /// The last valid day; when missing, 36 months from the decision date (every generation
    /// since QĐ 1048 used 36 months).
    public var validUntil: CalendarDate?
    public var rubricVersion: RubricVersionID
    public var revokedOn: CalendarDate?

    public init(stars: Int, scoreHundredths: Int? = nil, year: Int, decisionNumber: DecisionNumber? = nil,
                decisionDate: CalendarDate? = nil, issuer: HistoricalIssuer, validUntil: CalendarDate? = nil,
                rubricVersion: RubricVersionID, revokedOn: CalendarDate? = nil) {
        self.stars = stars
        self.scoreHundredths = scoreHundredths
        self.year = year
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.issuer = issuer
        self.validUntil = validUntil
        self.rubricVersion = rubricVersion
        self.revokedOn = revokedOn
    }

    /// The last valid day, stated or by the 36-month term.
    public var lastValidDay: CalendarDate? {
        validUntil ?? decisionDate.map { CertificateTerm.validUntil(issuedOn: $0) }
    }
}

/// A contradiction in one row of a product's recognition history.
public struct HistoryProblem: Sendable, Hashable {
    /// The row's index in the list given to `RecognitionHistory.validate` (0-based).
    public let row: Int
    public let kind: Kind

    public enum Kind: Sendable, Hashable {
        /// Only 3★–5★ are recognised (Art. 4.1.a).
        case starsNotRecognisable(stars: Int)
        case scoreOutOfRange(hundredths: Int)
        /// More stars than the score's band allows.
        case starsAboveScoreBand(stars: Int, hundredths: Int, band: Int)
        case fiveStarsNotFromMinistry(issuer: HistoricalIssuer)
        /// A district only ever recognised 3★.
        case districtAboveThreeStars(stars: Int)
        case districtAfterAbolition(decisionDate: CalendarDate)
        case decisionDateInFuture(decisionDate: CalendarDate, today: CalendarDate)
        /// The decision is dated neither in the evaluation year nor in the next.
        case decisionYearMismatch(year: Int, decisionDate: CalendarDate)
        case validUntilBeforeDecision(decisionDate: CalendarDate, validUntil: CalendarDate)
        /// Issued under QĐ 26, so the term is 36 months (Art. 4.3).
        case termNotThirtySixMonths(decisionDate: CalendarDate, validUntil: CalendarDate, expected: CalendarDate)
        case rubricBeforeItsEffectiveDate(version: RubricVersionID, decisionDate: CalendarDate, effective: CalendarDate)
        case revocationOutsidePeriod(revokedOn: CalendarDate, decisionDate: CalendarDate, validUntil: CalendarDate)
        case revocationInFuture(revokedOn: CalendarDate, today: CalendarDate)
        /// Its period overlaps that of `other`, and it is neither an upgrade (more stars) nor a
        /// renewal (issued once `other`'s re-evaluation window had opened).
        case overlap(other: Int, stars: Int, otherStars: Int, decisionDate: CalendarDate, otherValidUntil: CalendarDate)
        /// Two recognitions of the product on the same day.
        case sameDayRecognition(other: Int, decisionDate: CalendarDate)
    }

    /// "Dòng 3: …" / "Row 3: …" (1-based).
    public func text(_ language: Language) -> String {
        (language == .vi ? "Dòng \(row + 1): " : "Row \(row + 1): ") + message(language)
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        func d(_ date: CalendarDate) -> String { date.display(language) }
        func score(_ h: Int) -> String { ExactMean.format(h, separator: vi ? "," : ".") }
        switch kind {
        case .starsNotRecognisable(let stars):
            return vi ? "\(stars)★ không được công nhận (chỉ công nhận 3–5★, Điều 4.1.a)" : "\(stars)★ is never recognised (only 3–5★, Art. 4.1.a)"
        case .scoreOutOfRange(let h):
            return vi ? "điểm \(score(h)) nằm ngoài khoảng 0–100" : "score \(score(h)) is outside 0–100"
        case let .starsAboveScoreBand(stars, h, band):
            return vi ? "\(stars)★ nhưng điểm \(score(h)) chỉ đạt mức \(band)★ (ngưỡng 90/70/50/30)"
                : "\(stars)★ but a score of \(score(h)) only reaches \(band)★ (bands 90/70/50/30)"
        case .fiveStarsNotFromMinistry(let issuer):
            return vi ? "5★ chỉ do Bộ công nhận, không do \(issuer.label(.vi))" : "5★ is recognised only by the Ministry, not by the \(issuer.label(.en))"
        case .districtAboveThreeStars(let stars):
            return vi ? "UBND cấp huyện chỉ công nhận 3★, không công nhận \(stars)★" : "a district only recognised 3★, not \(stars)★"
        case .districtAfterAbolition(let date):
            return vi ? "quyết định cấp huyện ngày \(d(date)), sau khi bỏ cấp huyện (từ 01/07/2025)"
                : "a district decision dated \(d(date)), after districts were abolished (from 2025-07-01)"
        case let .decisionDateInFuture(date, today):
            return vi ? "ngày quyết định \(d(date)) sau ngày hôm nay (\(d(today)))" : "decision date \(d(date)) is after today (\(d(today)))"
        case let .decisionYearMismatch(year, date):
            return vi ? "đánh giá năm \(year) nhưng quyết định ngày \(d(date)) (phải trong năm \(year) hoặc \(year + 1))"
                : "evaluated in \(year) but decided on \(d(date)) (must be in \(year) or \(year + 1))"
        case let .validUntilBeforeDecision(date, until):
            return vi ? "hiệu lực đến \(d(until)), trước ngày quyết định \(d(date))" : "valid until \(d(until)), before the decision date \(d(date))"
        case let .termNotThirtySixMonths(date, until, expected):
            return vi ? "quyết định ngày \(d(date)) theo QĐ 26/2026 có hiệu lực 36 tháng, đến \(d(expected)), không phải \(d(until)) (Điều 4.3)"
                : "a QĐ 26/2026 decision of \(d(date)) is valid 36 months, through \(d(expected)), not \(d(until)) (Art. 4.3)"
        case let .rubricBeforeItsEffectiveDate(version, date, effective):
            return vi ? "bộ tiêu chí \(version) áp dụng từ \(d(effective)), nhưng quyết định ngày \(d(date))"
                : "rubric \(version) applies from \(d(effective)), but the decision is dated \(d(date))"
        case let .revocationOutsidePeriod(revokedOn, date, until):
            return vi ? "thu hồi ngày \(d(revokedOn)) nằm ngoài thời hạn của giấy chứng nhận (\(d(date)) – \(d(until)))"
                : "revoked on \(d(revokedOn)), outside the certificate's period (\(d(date)) – \(d(until)))"
        case let .revocationInFuture(revokedOn, today):
            return vi ? "ngày thu hồi \(d(revokedOn)) sau ngày hôm nay (\(d(today)))" : "revocation date \(d(revokedOn)) is after today (\(d(today)))"
        case let .overlap(other, stars, otherStars, date, otherUntil):
            return vi ? "công nhận \(stars)★ ngày \(d(date)) trùng thời hạn với dòng \(other + 1) (\(otherStars)★, hiệu lực đến \(d(otherUntil))): chỉ được chồng lấn khi nâng hạng (nhiều sao hơn) hoặc đánh giá lại (từ khi mở thời hạn nộp hồ sơ, 180 ngày trước khi hết hạn)"
                : "the \(stars)★ recognition of \(d(date)) overlaps row \(other + 1) (\(otherStars)★, valid through \(d(otherUntil))): an overlap is legal only for an upgrade (more stars) or a re-evaluation (once the filing window opened, 180 days before expiry)"
        case let .sameDayRecognition(other, date):
            return vi ? "hai lần công nhận cùng ngày \(d(date)) (dòng \(other + 1))" : "two recognitions on the same day \(d(date)) (row \(other + 1))"
        }
    }
}

/// Validates one product's recognition history (for imported registers). A history cannot
/// contradict itself: every problem is reported with its row; nothing is fixed silently.
public enum RecognitionHistory {
    /// The star bands of a rubric generation. QĐ 1048/2019 (90/70/50/30, "70–89" etc. read as
    /// "below 90"), QĐ 148/2023 (breakpoints confirmed by implementing texts) and QĐ 26/2026
    /// (Art. 3.3) use the same bands.
    public static func bands(for version: RubricVersionID) -> [StarBand] { StarBand.qd26 }

    /// The first day each rubric generation may appear on a decision, where known.
    public static func effectiveDate(of version: RubricVersionID) -> CalendarDate? {
        version == .qd26_2026 ? CertificateTerm.qd26EffectiveDate : nil
    }

    /// Every problem of `rows` (one product), in row order, then overlaps.
    ///
    /// Overlaps: rows with a decision date are ordered by it; each row's period runs from its
    /// decision date through its last valid day (or the day before its revocation). A row starting
    /// inside the period of the row in force supersedes it from its decision date when it has more
    /// stars (upgrade) or starts on or after that row's re-evaluation window opened (renewal);
    /// otherwise it is an overlap problem.
    public static func validate(_ rows: [RecognitionRow], today: CalendarDate) -> [HistoryProblem] {
        var problems: [HistoryProblem] = []
        for (index, row) in rows.enumerated() {
            problems += rowProblems(row, today: today).map { HistoryProblem(row: index, kind: $0) }
        }
        problems += chain(rows).problems
        return problems
    }

    /// For legal overlaps: the rows superseded, and the day each was superseded from (row index →
    /// the superseding row's decision date). The store sets `CertificateFacts.supersededOn` from it.
    public static func supersessions(_ rows: [RecognitionRow]) -> [Int: CalendarDate] {
        chain(rows).superseded
    }

    static func rowProblems(_ row: RecognitionRow, today: CalendarDate) -> [HistoryProblem.Kind] {
        var found: [HistoryProblem.Kind] = []
        if !(3...5).contains(row.stars) { found.append(.starsNotRecognisable(stars: row.stars)) }
        if let h = row.scoreHundredths {
            if !(0...10_000).contains(h) {
                found.append(.scoreOutOfRange(hundredths: h))
            } else {
                let band = CandidateScore.hundredths(h).band(bands(for: row.rubricVersion))
                if row.stars > band { found.append(.starsAboveScoreBand(stars: row.stars, hundredths: h, band: band)) }
            }
        }
        if row.stars == 5 && row.issuer != .ministry { found.append(.fiveStarsNotFromMinistry(issuer: row.issuer)) }
        if row.issuer == .district && row.stars == 4 { found.append(.districtAboveThreeStars(stars: row.stars)) }
        if let date = row.decisionDate {
            if row.issuer == .district && date > HistoricalIssuer.lastDistrictDay { found.append(.districtAfterAbolition(decisionDate: date)) }
            if date > today { found.append(.decisionDateInFuture(decisionDate: date, today: today)) }
            if date.year != row.year && date.year != row.year + 1 { found.append(.decisionYearMismatch(year: row.year, decisionDate: date)) }
            if let effective = effectiveDate(of: row.rubricVersion), date < effective {
                found.append(.rubricBeforeItsEffectiveDate(version: row.rubricVersion, decisionDate: date, effective: effective))
            }
            if let until = row.validUntil {
                if until < date {
                    found.append(.validUntilBeforeDecision(decisionDate: date, validUntil: until))
                } else if date >= CertificateTerm.qd26EffectiveDate, until != CertificateTerm.validUntil(issuedOn: date) {
                    found.append(.termNotThirtySixMonths(decisionDate: date, validUntil: until, expected: CertificateTerm.validUntil(issuedOn: date)))
                }
            }
            if let revokedOn = row.revokedOn, let until = row.lastValidDay, revokedOn < date || revokedOn > until {
                found.append(.revocationOutsidePeriod(revokedOn: revokedOn, decisionDate: date, validUntil: until))
            }
        }
        if let revokedOn = row.revokedOn, revokedOn > today { found.append(.revocationInFuture(revokedOn: revokedOn, today: today)) }
        return found
    }

    static func chain(_ rows: [RecognitionRow]) -> (problems: [HistoryProblem], superseded: [Int: CalendarDate]) {
        let dated = rows.indices.filter { rows[$0].decisionDate != nil }
            .sorted { (rows[$0].decisionDate!, $0) < (rows[$1].decisionDate!, $1) }
        var problems: [HistoryProblem] = []
        var superseded: [Int: CalendarDate] = [:]
        var inForce: (index: Int, end: CalendarDate)?
        for j in dated {
            let row = rows[j]
            let start = row.decisionDate!
            var end = row.lastValidDay!
            if let revokedOn = row.revokedOn, revokedOn >= start { end = min(end, revokedOn.adding(days: -1)) }
            if let (i, iEnd) = inForce, start <= iEnd {
                let earlier = rows[i]
                let earlierUntil = earlier.lastValidDay!
                if start == earlier.decisionDate! {
                    problems.append(HistoryProblem(row: j, kind: .sameDayRecognition(other: i, decisionDate: start)))
                } else if row.stars > earlier.stars || start >= RenewalWindow(expiresOn: earlierUntil).opensOn {
                    superseded[i] = start
                } else {
                    problems.append(HistoryProblem(row: j, kind: .overlap(other: i, stars: row.stars, otherStars: earlier.stars,
                                                                         decisionDate: start, otherValidUntil: earlierUntil)))
                }
            }
            if end >= start || inForce == nil { inForce = (j, end) }
        }
        return (problems, superseded)
    }
}
