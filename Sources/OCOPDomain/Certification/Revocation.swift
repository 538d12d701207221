import Foundation

/// The grounds for revoking a certificate, QĐ 26/2026 Art. 8.1 points a–e. Codes are ASCII
/// (`dd` for point đ) so they store and type safely; `point` is the letter as the law prints it.
public enum RevocationGround: String, Sendable, Hashable, CaseIterable, Codable {
    case a, b, c, d
    case dd
    case e

    /// "a" … "đ", "e".
    public var point: String { self == .dd ? "đ" : rawValue }

    /// Accepts the code, the printed letter (đ, Đ) or "8.1.x".
    public init?(flexible raw: String) {
        var key = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasPrefix("8.1.") { key.removeFirst(4) }
        if key == "đ" { self = .dd; return }
        self.init(rawValue: key)
    }

    /// The law's wording (vi) and an English gloss.
    public var text: LocalizedText {
        switch self {
        case .a: LocalizedText(
            vi: "Chủ thể OCOP bị phát hiện cung cấp thông tin, tài liệu không trung thực hoặc giả mạo hồ sơ trong quá trình đăng ký đánh giá, phân hạng sản phẩm OCOP.",
            en: "The producer provided untruthful information or documents or forged the dossier when registering for evaluation and rating.")
        case .b: LocalizedText(
            vi: "Sản phẩm OCOP không còn đáp ứng các tiêu chí theo Bộ tiêu chí OCOP theo kết luận kiểm tra, giám sát của cơ quan có thẩm quyền.",
            en: "The product no longer meets the OCOP criteria, according to the inspection or monitoring conclusions of the competent authority.")
        case .c: LocalizedText(
            vi: "Sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm, an toàn thực phẩm, bảo vệ môi trường, sở hữu trí tuệ, ghi nhãn hàng hóa hoặc các quy định pháp luật khác có liên quan theo kết luận của cơ quan có thẩm quyền.",
            en: "The product violates the law on product quality, food safety, environmental protection, intellectual property, labelling or other relevant law, according to the conclusions of the competent authority.")
        case .d: LocalizedText(
            vi: "Chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được công nhận.",
            en: "The producer used the OCOP mark contrary to the regulations, causing confusion about the recognised product.")
        case .dd: LocalizedText(
            vi: "Chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP.",
            en: "The producer no longer produces the OCOP product.")
        case .e: LocalizedText(
            vi: "Trường hợp khác theo kết luận và đề nghị của cơ quan nhà nước có thẩm quyền về việc sản phẩm OCOP không đủ điều kiện tiếp tục được công nhận.",
            en: "Another case in which a competent state authority concluded and proposed that the product no longer qualifies for recognition.")
        }
    }

    /// "điểm đ khoản 1 Điều 8" / "Art. 8.1.đ".
    public var citation: LocalizedText {
        LocalizedText(vi: "điểm \(point) khoản 1 Điều 8", en: "Art. 8.1.\(point)")
    }

    /// The finding from which the 15 days of Art. 8.4 run.
    public var finding: LocalizedText {
        self == .dd
            ? LocalizedText(vi: "xác nhận của UBND cấp xã về việc chủ thể không còn sản xuất sản phẩm", en: "the commune's confirmation that production stopped")
            : LocalizedText(vi: "kết luận của cơ quan có thẩm quyền", en: "the competent authority's conclusion")
    }
}

/// The timing of a revocation that the rules accept: on time, or late (a flag, not a refusal).
public struct RevocationTiming: Sendable, Hashable {
    public let ground: RevocationGround
    public let findingOn: CalendarDate
    public let revokedOn: CalendarDate
    /// `findingOn + 15` days (Art. 8.4).
    public let deadline: CalendarDate

    /// The timing of a revocation already recorded: the deadline follows from the finding.
    public init(ground: RevocationGround, findingOn: CalendarDate, revokedOn: CalendarDate) {
        self.init(ground: ground, findingOn: findingOn, revokedOn: revokedOn, deadline: RevocationRules.deadline(findingOn: findingOn))
    }

    init(ground: RevocationGround, findingOn: CalendarDate, revokedOn: CalendarDate, deadline: CalendarDate) {
        self.ground = ground
        self.findingOn = findingOn
        self.revokedOn = revokedOn
        self.deadline = deadline
    }

    public var daysAfterFinding: Int { findingOn.days(until: revokedOn) }
    public var isLate: Bool { revokedOn > deadline }
    public var daysLate: Int { max(0, deadline.days(until: revokedOn)) }

    /// The flag's text when late, `nil` when on time.
    public func lateFlag(_ language: Language) -> String? {
        guard isLate else { return nil }
        switch language {
        case .vi:
            return "Quyết định thu hồi ngày \(revokedOn.display(.vi)) chậm \(daysLate) ngày so với thời hạn 15 ngày kể từ \(ground.finding(.vi)) ngày \(findingOn.display(.vi)) (hạn chót ngày \(deadline.display(.vi)), khoản 4 Điều 8)."
        case .en:
            return "The revocation of \(revokedOn.display(.en)) is \(englishCount(daysLate, "day")) past the 15 days from \(ground.finding(.en)) of \(findingOn.display(.en)) (deadline \(deadline.display(.en)), Art. 8.4)."
        }
    }
}

/// Revocation (Art. 8): who may revoke, when, and whether it is on time.
public enum RevocationRules {
    /// Art. 8.4: "15 ngày kể từ ngày có kết luận …".
    public static let daysAllowed = 15

    /// The last day to issue the revocation: counted like any period in days (Civil Code
    /// Art. 147: from the day after the finding), so day 15 is on time and day 16 late.
    public static func deadline(findingOn: CalendarDate) -> CalendarDate {
        findingOn.adding(days: daysAllowed)
    }

    /// Checks a revocation of `certificate` by `authority` on `revokedOn`, on `ground` found on
    /// `findingOn`. Refused: the wrong kind of authority (province for 3★/4★, Ministry for 5★;
    /// Art. 8.2), a date before the issue date, a date after the certificate stopped being in force
    /// (expired, superseded or already revoked), a date before the finding. Late is a flag.
    public static func check(
        certificate: CertificateRecord, authority: IssuingAuthority, ground: RevocationGround,
        findingOn: CalendarDate, revokedOn: CalendarDate
    ) throws(CertificationError) -> RevocationTiming {
        guard authority.recognises(stars: certificate.stars) else {
            throw .revocationWrongAuthority(certificate: certificate, authority: authority)
        }
        let facts = certificate.facts
        if revokedOn < facts.issuedOn {
            throw .revocationBeforeIssue(certificate: certificate, revokedOn: revokedOn)
        }
        let status = facts.status(on: revokedOn)
        if !status.isCurrent {
            throw .revocationAfterEnd(certificate: certificate, status: status, revokedOn: revokedOn)
        }
        if revokedOn < findingOn {
            throw .revocationBeforeFinding(certificate: certificate, findingOn: findingOn, revokedOn: revokedOn)
        }
        return RevocationTiming(ground: ground, findingOn: findingOn, revokedOn: revokedOn, deadline: deadline(findingOn: findingOn))
    }
}

/// Post-recognition monitoring (hậu kiểm), Art. 9: periodic and ad-hoc inspections of whether the
/// criteria of the evaluated dossier are maintained, and of the use of the OCOP mark.
public enum InspectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case periodic
    case adHoc = "ad_hoc"

    public var label: LocalizedText {
        switch self {
        case .periodic: LocalizedText(vi: "Kiểm tra định kỳ", en: "Periodic inspection")
        case .adHoc: LocalizedText(vi: "Kiểm tra đột xuất", en: "Ad-hoc inspection")
        }
    }
}

/// What an inspection found on one criterion of the product's sheet.
public struct CriterionFinding: Sendable, Hashable, Codable {
    /// The criterion's code on the sheet ("1.5", "10").
    public var criterion: String
    public var finding: String
    /// Whether the criterion is still met as it was evaluated.
    public var maintained: Bool

    public init(criterion: String, finding: String, maintained: Bool) {
        self.criterion = criterion
        self.finding = finding
        self.maintained = maintained
    }
}

/// One inspection record (Art. 9.2.a, 9.3).
public struct PostAuditInspection: Sendable, Hashable, Codable {
    public var kind: InspectionKind
    public var certificate: CertificateNumber
    /// The day the inspection's conclusion was signed (the "finding" of Art. 8.4).
    public var concludedOn: CalendarDate
    public var findings: [CriterionFinding]
    /// Misuse of the OCOP mark, information or advertising found (Art. 9.3.b), if any.
    public var markMisuse: String?

    public init(kind: InspectionKind, certificate: CertificateNumber, concludedOn: CalendarDate, findings: [CriterionFinding], markMisuse: String? = nil) {
        self.kind = kind
        self.certificate = certificate
        self.concludedOn = concludedOn
        self.findings = findings
        self.markMisuse = markMisuse
    }
}

/// What an inspection supports.
public struct PostAuditConclusion: Sendable, Hashable {
    public let inspection: PostAuditInspection
    /// Criteria found no longer maintained.
    public let unmaintained: [CriterionFinding]

    /// Ground (b), "không còn đáp ứng các tiêu chí": at least one criterion is no longer maintained.
    public var supportsGroundB: Bool { !unmaintained.isEmpty }
    /// Ground (d), misuse of the OCOP mark, when the inspection recorded one.
    public var supportsGroundD: Bool { !(inspection.markMisuse?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }

    /// The grounds this inspection supports, in the law's order.
    public var grounds: [RevocationGround] {
        (supportsGroundB ? [.b] : []) + (supportsGroundD ? [.d] : [])
    }

    /// The revocation deadline if the authority acts on it (Art. 8.4).
    public var revocationDeadline: CalendarDate { RevocationRules.deadline(findingOn: inspection.concludedOn) }

    public func text(_ language: Language) -> String {
        let vi = language == .vi
        var parts: [String] = []
        if supportsGroundB {
            let list = unmaintained.map { "\($0.criterion) (\($0.finding))" }.joined(separator: "; ")
            parts.append(vi ? "Không còn duy trì tiêu chí: \(list) → căn cứ thu hồi theo điểm b khoản 1 Điều 8."
                            : "Criteria no longer maintained: \(list) → supports revocation under Art. 8.1.b.")
        }
        if supportsGroundD, let misuse = inspection.markMisuse {
            parts.append(vi ? "Sử dụng nhãn hiệu OCOP không đúng quy định: \(misuse) → căn cứ thu hồi theo điểm d khoản 1 Điều 8."
                            : "Improper use of the OCOP mark: \(misuse) → supports revocation under Art. 8.1.d.")
        }
        if parts.isEmpty {
            return vi ? "Sản phẩm duy trì các tiêu chí đã được đánh giá; không có căn cứ thu hồi."
                : "The product maintains the criteria it was evaluated on; no ground for revocation."
        }
        parts.append(vi ? "Thời hạn ban hành quyết định thu hồi: chậm nhất ngày \(revocationDeadline.display(.vi))."
                        : "A revocation must be issued by \(revocationDeadline.display(.en)).")
        return parts.joined(separator: " ")
    }
}

public enum PostAudit {
    /// Concludes an inspection: ground (b) when any criterion is no longer maintained, ground (d)
    /// when mark misuse was recorded. Kept deliberately simple: which criteria matter, and how
    /// much, is the inspecting authority's judgement, recorded as `maintained`.
    public static func conclude(_ inspection: PostAuditInspection) -> PostAuditConclusion {
        PostAuditConclusion(inspection: inspection, unmaintained: inspection.findings.filter { !$0.maintained })
    }
}
