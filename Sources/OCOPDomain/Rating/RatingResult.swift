/// A member's sheet total, overall and per part.
public struct MemberScore: Sendable, Hashable, Codable {
    public let label: String
    public let total: Int
    public let parts: [PartCode: Int]
    public init(label: String, total: Int, parts: [PartCode: Int]) {
        self.label = label
        self.total = total
        self.parts = parts
    }
}

/// A star-minimum marker checked against the members' mean on its criterion.
public struct MinimumCheck: Sendable, Hashable, Codable {
    public let criterion: String
    public let title: String
    public let stars: Int
    /// The marked option's points.
    public let required: Int
    /// Mean of the members' points on the criterion (exact).
    public let mean: ExactMean
    public let met: Bool
    /// Members whose own points are below `required`.
    public let membersBelow: [String]
    public let memberCount: Int

    /// Some members meet the marker and some do not.
    public var membersDisagree: Bool { !membersBelow.isEmpty && membersBelow.count < memberCount }

    public init(criterion: String, title: String, stars: Int, required: Int, mean: ExactMean, met: Bool,
                membersBelow: [String], memberCount: Int) {
        self.criterion = criterion
        self.title = title
        self.stars = stars
        self.required = required
        self.mean = mean
        self.met = met
        self.membersBelow = membersBelow
        self.memberCount = memberCount
    }

    /// The stored form is positional: `[criterion, title, stars, required, mean sum, mean count,
    /// met, members below, member count]`. A council result carries every marker of its set, and
    /// in the keyed form they were three quarters of its bytes (which finalization writes, parses
    /// and hashes). The keyed form of earlier versions still reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(criterion)
        try c.encode(title)
        try c.encode(stars)
        try c.encode(required)
        try c.encode(mean.sum)
        try c.encode(mean.count)
        try c.encode(met)
        try c.encode(membersBelow)
        try c.encode(memberCount)
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: KeyedForm.self) {
            self.init(criterion: try keyed.decode(String.self, forKey: .criterion), title: try keyed.decode(String.self, forKey: .title),
                      stars: try keyed.decode(Int.self, forKey: .stars), required: try keyed.decode(Int.self, forKey: .required),
                      mean: try keyed.decode(ExactMean.self, forKey: .mean), met: try keyed.decode(Bool.self, forKey: .met),
                      membersBelow: try keyed.decode([String].self, forKey: .membersBelow),
                      memberCount: try keyed.decode(Int.self, forKey: .memberCount))
            return
        }
        var c = try decoder.unkeyedContainer()
        let criterion = try c.decode(String.self), title = try c.decode(String.self), stars = try c.decode(Int.self)
        let required = try c.decode(Int.self), sum = try c.decode(Int.self), count = try c.decode(Int.self)
        guard count > 0 else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a minimum check's mean over \(count) members")
        }
        self.init(criterion: criterion, title: title, stars: stars, required: required, mean: ExactMean(sum: sum, count: count),
                  met: try c.decode(Bool.self), membersBelow: try c.decode([String].self), memberCount: try c.decode(Int.self))
    }

    private enum KeyedForm: String, CodingKey {
        case criterion, title, stars, required, mean, met, membersBelow, memberCount
    }
}

/// A knock-out that applies, with the clause quoted from the sheet.
public struct KnockOutHit: Sendable, Hashable, Codable {
    public let declaration: KnockOutDeclaration
    public let clause: String
    /// Sheet labels that declared it; `"council"` for a product-level declaration.
    public let declaredBy: [String]
}

/// Why the result is what it is; rendered in either language with `text(_:)`.
public enum RatingReason: Sendable, Hashable, Codable {
    /// "74,29 điểm → 4★ theo điểm; xếp 3★ vì tiêu chí 5.1 (…) trung bình 2,00 < 5 (yêu cầu tối thiểu 4★)".
    case rating(average: ExactMean, band: Int, stars: Int, unmet: [MinimumCheck])
    case disqualified(KnockOutHit)
    case notRecognised(stars: Int)
    case proposedToCentral
    case spread(points: Int, members: Int)
    case minimumDisagreement(MinimumCheck)

    /// The reason in words. `level` is the council's: a 5★ result is proposed to the Ministry by
    /// a provincial council, and to the Minister's recognition by the central council.
    public func text(_ language: Language, level: CouncilLevel = .provincial) -> String {
        let vi = language == .vi
        func cause(_ check: MinimumCheck) -> String {
            vi ? "tiêu chí \(check.criterion) (\(check.title)) trung bình \(check.mean.display(language)) < \(check.required) (yêu cầu tối thiểu \(check.stars)★)"
                : "criterion \(check.criterion) (\(check.title)) averages \(check.mean.display(language)) < \(check.required) (minimum for \(check.stars)★)"
        }
        switch self {
        case .rating(let average, let band, let stars, let unmet):
            let head = vi ? "\(average.display(language)) điểm → \(band)★ theo điểm"
                : "\(average.display(language)) points → \(band)★ by points"
            if stars == band {
                if band >= 3 {
                    return head + (vi ? "; đạt các yêu cầu tối thiểu đến \(band)★" : "; meets every minimum up to \(band)★")
                }
                return head
            }
            let causes = unmet.map(cause).joined(separator: "; ")
            if stars < 3 {
                return head + (vi ? "; xếp \(stars)★ vì chưa đạt yêu cầu tối thiểu 3★: " : "; rated \(stars)★ because the 3★ minimums are not met: ") + causes
            }
            return head + (vi ? "; xếp \(stars)★ vì " : "; rated \(stars)★ because ") + causes
        case .disqualified(let hit):
            return vi ? "Bị loại (\(hit.declaration)): «\(hit.clause)»" : "Disqualified (\(hit.declaration)): «\(hit.clause)»"
        case .notRecognised(let stars):
            return vi ? "\(stars)★: không ban hành quyết định công nhận, không cấp giấy chứng nhận (Điều 4.1.a)"
                : "\(stars)★: no recognition decision and no certificate (Art. 4.1.a)"
        case .proposedToCentral where level == .central:
            return vi ? "Đạt mức 5★: Hội đồng cấp trung ương đề nghị Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận sản phẩm OCOP 5 sao"
                : "5★ level: the central council proposes that the Minister of Agriculture and Environment recognise the product at 5★"
        case .proposedToCentral:
            return vi ? "Đạt mức 5★: cấp tỉnh đề xuất Bộ Nông nghiệp và Môi trường (Hội đồng cấp trung ương) đánh giá, công nhận; không phải kết quả cấp tỉnh"
                : "5★ level: the province proposes the product to the Ministry of Agriculture and Environment (central council); not a provincial result"
        case .spread(let points, let members):
            return vi ? "Chênh lệch tổng điểm giữa \(members) thành viên: \(points) điểm"
                : "Spread of totals across \(englishCount(members, "member")): \(points) points"
        case .minimumDisagreement(let check):
            let who = check.membersBelow.joined(separator: ", ")
            return vi ? "Các thành viên không thống nhất về yêu cầu tối thiểu \(check.stars)★ của tiêu chí \(check.criterion) (≥ \(check.required)): dưới mức là \(who)"
                : "Members disagree on the \(check.stars)★ minimum of criterion \(check.criterion) (≥ \(check.required)): below it: \(who)"
        }
    }
}

/// The outcome of rating one product with N member sheets.
public struct RatingResult: Sendable, Hashable, Codable {
    public let version: RubricVersionID
    public let setNumber: Int
    public let setTitle: String
    public let members: [MemberScore]
    /// Mean of the members' totals, exact; display with `average.plain` / `average.display(_:)`.
    public let average: ExactMean
    /// Stars by points alone.
    public let band: Int
    /// Stars after the star-minimum caps (before knock-outs).
    public let starsByMinimums: Int
    /// The result: `nil` when disqualified.
    public let stars: Int?
    /// 3★ or more and not disqualified.
    public let recognised: Bool
    /// 5★ level: proposed to the central council, never a provincial result.
    public let proposedToCentral: Bool
    public let disqualified: Bool
    public let knockOuts: [KnockOutHit]
    /// max − min of the members' totals.
    public let spread: Int
    /// Every marker of the set, checked.
    public let minimumChecks: [MinimumCheck]
    /// Unmet markers at levels up to the band (the ones that can cap the result).
    public let unmetMinimums: [MinimumCheck]
    public let reasons: [RatingReason]

    public var minimumDisagreements: [MinimumCheck] { minimumChecks.filter(\.membersDisagree) }

    public func explanation(_ language: Language) -> [String] { reasons.map { $0.text(language) } }
}
