/// Provincial or central council (QĐ 26/2026; ocop-rules.md §4.3).
public enum CouncilLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case provincial
    case central

    public var label: LocalizedText {
        switch self {
        case .provincial: LocalizedText(vi: "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh", en: "Provincial OCOP evaluation council")
        case .central: LocalizedText(vi: "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương", en: "Central OCOP evaluation council")
        }
    }
}

/// A person's place on a council. The advisory team (tổ tư vấn) is kept apart: it never scores
/// and never counts towards a quorum.
public enum CouncilRole: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case chair
    case viceChair = "vice_chair"
    case secretary
    case member
    case advisor

    public var label: LocalizedText {
        switch self {
        case .chair: LocalizedText(vi: "Chủ tịch Hội đồng", en: "Chair")
        case .viceChair: LocalizedText(vi: "Phó Chủ tịch Hội đồng", en: "Vice-chair")
        case .secretary: LocalizedText(vi: "Thư ký", en: "Secretary")
        case .member: LocalizedText(vi: "Ủy viên", en: "Member")
        case .advisor: LocalizedText(vi: "Tổ tư vấn", en: "Advisory team")
        }
    }

    /// Accepts the stored code, Vietnamese with or without diacritics, or English.
    public init?(flexible raw: String) {
        let key = raw.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = CouncilRole(rawValue: key) { self = exact; return }
        switch key {
        case "chủ tịch", "chu tich", "chu-tich", "chairman", "chairperson": self = .chair
        case "phó chủ tịch", "pho chu tich", "pho-chu-tich", "vice-chair", "vice chair": self = .viceChair
        case "thư ký", "thu ky", "thu-ky": self = .secretary
        case "ủy viên", "uỷ viên", "uy vien", "uy-vien": self = .member
        case "tổ tư vấn", "to tu van", "to-tu-van", "advisory", "tu van": self = .advisor
        default: return nil
        }
    }

    private var order: Int { CouncilRole.allCases.firstIndex(of: self)! }
    public static func < (l: Self, r: Self) -> Bool { l.order < r.order }
}

/// How a split between members on a ★-minimum criterion is handled.
public enum MinimumSplitRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Default: the council must resolve it (re-score) or the chair overrides it with a reason.
    case mustResolve = "must_resolve"
    /// The members' mean decides (rating engine rule); the split is only reported.
    case meanDecides = "mean_decides"
}

/// When a member sees the other members' sheets (the averages exist only once the session is
/// finalized). The law is silent; enforced by PostgreSQL's row rules (docs/roles.md).
public enum SheetVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    /// Default: each member sees only their own sheets until the session is finalized; the chair,
    /// the vice-chairs and the secretary, who run the session, see them all.
    case afterFinalization = "after_finalization"
    /// Every member of the council sees every sheet of the session as it is submitted.
    case duringSession = "during_session"
}

/// The council's Quy chế hoạt động, as far as the workbench applies it. The law leaves these
/// to each council (ocop-rules.md §4.4); the defaults follow the Tây Ninh / Đồng Tháp rules.
public struct CouncilPolicy: Sendable, Hashable, Codable {
    /// Quorum as a fraction of the members entitled to score a dossier: default 3/4.
    public var quorumNumerator: Int
    public var quorumDenominator: Int
    /// The chair must be among those who scored (a vice-chair presides when the chair is recused).
    public var quorumRequiresChair: Bool
    /// Maximum difference between members' totals before the council must discuss and re-score.
    public var maxSpread: Int
    /// Whether the secretary scores (default no: "trừ thư ký không được chấm").
    public var secretaryScores: Bool
    public var minimumSplit: MinimumSplitRule
    /// When members see each other's sheets.
    public var sheetsVisible: SheetVisibility

    public init(quorumNumerator: Int = 3, quorumDenominator: Int = 4, quorumRequiresChair: Bool = true,
                maxSpread: Int = 10, secretaryScores: Bool = false, minimumSplit: MinimumSplitRule = .mustResolve,
                sheetsVisible: SheetVisibility = .afterFinalization) {
        self.quorumNumerator = quorumNumerator
        self.quorumDenominator = quorumDenominator
        self.quorumRequiresChair = quorumRequiresChair
        self.maxSpread = maxSpread
        self.secretaryScores = secretaryScores
        self.minimumSplit = minimumSplit
        self.sheetsVisible = sheetsVisible
    }

    public static let `default` = CouncilPolicy()

    /// Problems with the policy itself (empty when valid).
    public var problems: [LocalizedText] {
        var found: [LocalizedText] = []
        if quorumDenominator <= 0 || quorumNumerator <= 0 || quorumNumerator > quorumDenominator {
            found.append(LocalizedText(vi: "túc số phải là một phân số từ 0 đến 1, ví dụ 3/4", en: "the quorum must be a fraction between 0 and 1, e.g. 3/4"))
        }
        if maxSpread < 0 || maxSpread > 100 {
            found.append(LocalizedText(vi: "chênh lệch tối đa phải từ 0 đến 100 điểm", en: "the maximum spread must be 0 to 100 points"))
        }
        return found
    }

    /// Whether `role` scores under this policy.
    public func scores(_ role: CouncilRole) -> Bool {
        switch role {
        case .chair, .viceChair, .member: true
        case .secretary: secretaryScores
        case .advisor: false
        }
    }

    /// Sheets needed for a quorum of `eligible` members: ⌈eligible × n / d⌉, integers only.
    public func quorumSize(eligible: Int) -> Int {
        guard eligible > 0 else { return 1 }
        return (eligible * quorumNumerator + quorumDenominator - 1) / quorumDenominator
    }

    /// Lines for `ocop council show` and the minutes.
    public func describe(_ language: Language) -> [(String, String)] {
        let vi = language == .vi
        return [
            (vi ? "Túc số" : "Quorum",
             "\(quorumNumerator)/\(quorumDenominator)" + (vi ? " số thành viên được chấm" : " of the members entitled to score")
                + (quorumRequiresChair ? (vi ? ", có Chủ tịch" : ", including the chair") : "")),
            (vi ? "Chênh lệch tối đa" : "Maximum spread", vi ? "\(maxSpread) điểm giữa tổng điểm các thành viên" : "\(englishCount(maxSpread, "point")) between members' totals"),
            (vi ? "Thư ký chấm điểm" : "Secretary scores", secretaryScores ? (vi ? "có" : "yes") : (vi ? "không" : "no")),
            (vi ? "Không thống nhất tiêu chí ★ tối thiểu" : "Split on a ★-minimum criterion",
             minimumSplit == .mustResolve
                ? (vi ? "phải giải quyết (chấm lại hoặc Chủ tịch quyết định, ghi rõ lý do)" : "must be resolved (re-score, or the chair overrides with a reason)")
                : (vi ? "theo điểm trung bình (chỉ ghi nhận)" : "the mean decides (reported only)")),
            (vi ? "Xem phiếu của thành viên khác" : "Other members' sheets",
             sheetsVisible == .afterFinalization
                ? (vi ? "sau khi chốt kết quả phiên họp (Chủ tịch, Phó Chủ tịch, Thư ký: trong phiên)" : "after the session is finalized (chair, vice-chairs, secretary: during it)")
                : (vi ? "ngay trong phiên họp" : "during the session")),
        ]
    }
}
