/// Identifies a legal version of the criteria set, e.g. `qd26-2026`.
public struct RubricVersionID: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let qd26_2026: Self = "qd26-2026"
    public static let qd148_2023: Self = "qd148-2023"
    public static let qd1048_2019: Self = "qd1048-2019"
}

/// One star band: an average of at least `minPoints` earns `stars` by points.
public struct StarBand: Sendable, Hashable, Codable {
    public let stars: Int
    public let minPoints: Int
    public let text: String?
    public init(stars: Int, minPoints: Int, text: String? = nil) {
        self.stars = stars
        self.minPoints = minPoints
        self.text = text
    }

    /// QĐ 26/2026 Art. 3.3: ≥ 90 → 5★, ≥ 70 → 4★, ≥ 50 → 3★, ≥ 30 → 2★, else 1★.
    public static let qd26: [StarBand] = [
        StarBand(stars: 5, minPoints: 90), StarBand(stars: 4, minPoints: 70),
        StarBand(stars: 3, minPoints: 50), StarBand(stars: 2, minPoints: 30),
        StarBand(stars: 1, minPoints: 0),
    ]
}

/// Metadata of a legal version. `hasTables == false` means the point tables are not available:
/// history can name the version, scoring against it is refused.
public struct RubricVersion: Sendable, Hashable, Codable {
    public let id: RubricVersionID
    public let decree: String
    public let title: String
    /// ISO dates (`YYYY-MM-DD`); plain strings keep the domain free of time zones.
    public let signedOn: String
    public let effectiveFrom: String
    public let replaces: [RubricVersionID]
    public let amendedBy: [String]
    public let hasTables: Bool
    public let partMaxima: [PartCode: Int]
    public let bands: [StarBand]
    public let recognisedFromStars: Int
    public let centralFromStars: Int
    public let transitionRules: [String]
    public let sourceNotes: [String]

    public init(
        id: RubricVersionID, decree: String, title: String, signedOn: String, effectiveFrom: String,
        replaces: [RubricVersionID] = [], amendedBy: [String] = [], hasTables: Bool,
        partMaxima: [PartCode: Int], bands: [StarBand], recognisedFromStars: Int = 3,
        centralFromStars: Int = 5, transitionRules: [String] = [], sourceNotes: [String] = []
    ) {
        self.id = id
        self.decree = decree
        self.title = title
        self.signedOn = signedOn
        self.effectiveFrom = effectiveFrom
        self.replaces = replaces
        self.amendedBy = amendedBy
        self.hasTables = hasTables
        self.partMaxima = partMaxima
        self.bands = bands
        self.recognisedFromStars = recognisedFromStars
        self.centralFromStars = centralFromStars
        self.transitionRules = transitionRules
        self.sourceNotes = sourceNotes
    }
}

/// Phần A (40), B (25), C (35).
public enum PartCode: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CodingKeyRepresentable {
    case a = "A"
    case b = "B"
    case c = "C"
    public static func < (l: Self, r: Self) -> Bool { l.rawValue < r.rawValue }
}

public struct RubricPart: Sendable, Hashable, Codable {
    public let code: PartCode
    public let title: String
    public let max: Int
    /// The maximum as printed, when it differs from `max` (a source anomaly).
    public let printedMax: String?
    public let sourceNote: String?
    /// Numbered groups ("1. TỔ CHỨC SẢN XUẤT"); a group is a `Criterion` with children, or scorable itself.
    public let groups: [Criterion]

    public init(code: PartCode, title: String, max: Int, printedMax: String? = nil, sourceNote: String? = nil,
                groups: [Criterion]) {
        self.code = code
        self.title = title
        self.max = max
        self.printedMax = printedMax
        self.sourceNote = sourceNote
        self.groups = groups
    }
}

/// "Chỉ áp dụng khi có câu chuyện sản phẩm": the criterion applies only when `criterion` scores ≥ `minPoints`.
public struct CriterionCondition: Sendable, Hashable, Codable {
    public let criterion: String
    public let minPoints: Int
    public let text: String
    public init(criterion: String, minPoints: Int, text: String) {
        self.criterion = criterion
        self.minPoints = minPoints
        self.text = text
    }
}

/// An in-criterion knock-out note ("Bị loại nếu…", "sẽ không đánh giá các bước tiếp theo").
public struct KnockOutClause: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// "Bị loại nếu…" / "sẽ bị loại bỏ".
        case disqualify
        /// "… sẽ không đánh giá các bước tiếp theo" / "Không xem xét các chỉ tiêu khác".
        case stopEvaluation
        /// "Không đánh giá những sản phẩm…".
        case notEvaluated
    }
    public let kind: Kind
    public let text: String
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The dossier disqualification line of a sheet ("Hồ sơ bị loại khi: …").
public struct DisqualificationClause: Sendable, Hashable, Codable {
    /// The lead words as printed ("Hồ sơ bị loại khi" or, in Bộ 19, "Bị loại khi").
    public let lead: String
    public let clause: String
    public init(lead: String, clause: String) {
        self.lead = lead
        self.clause = clause
    }
    public var quoted: String { "\(lead): \(clause)" }
}

/// One of the two alternative option lists of a tourism criterion (Trường hợp 1/2).
public struct TourismVariant: Sendable, Hashable, Codable {
    public let number: Int
    public let label: String
    public init(number: Int, label: String) {
        self.number = number
        self.label = label
    }
}

public struct RubricOption: Sendable, Hashable, Codable {
    public let text: String
    public let points: Int
    /// 3, 4 or 5 when the option carries the `***`/`****`/`*****` star-minimum marker.
    public let minStars: Int?
    /// Tourism: which case (Trường hợp) the option belongs to.
    public let variant: Int?
    /// The points as printed, when they differ from `points` (a typo or an empty cell).
    public let printedPoints: String?
    public let sourceNote: String?
    /// A note printed on the option itself.
    public let note: String?
    /// `true` for the implicit "đạt" option of a yes/no item (the decree lists no options).
    public let isSynthesized: Bool

    public init(text: String, points: Int, minStars: Int? = nil, variant: Int? = nil, printedPoints: String? = nil,
                sourceNote: String? = nil, note: String? = nil, isSynthesized: Bool = false) {
        self.text = text
        self.points = points
        self.minStars = minStars
        self.variant = variant
        self.printedPoints = printedPoints
        self.sourceNote = sourceNote
        self.note = note
        self.isSynthesized = isSynthesized
    }
}

/// A node of the sheet: a group ("6"), a criterion ("6.1") or a sub-criterion ("6.1.1").
/// It is scorable when it has no children; then exactly one of its options (or 0) is chosen.
public struct Criterion: Sendable, Hashable, Codable {
    public let code: String
    public let title: String
    public let part: PartCode
    public let max: Int
    public let printedMax: String?
    public let sourceNote: String?
    public let notes: [String]
    public let isYesNo: Bool
    public let condition: CriterionCondition?
    public let knockOut: KnockOutClause?
    public let variantNote: String?
    public let variants: [TourismVariant]
    public let options: [RubricOption]
    public let children: [Criterion]

    public init(code: String, title: String, part: PartCode, max: Int, printedMax: String? = nil,
                sourceNote: String? = nil, notes: [String] = [], isYesNo: Bool = false,
                condition: CriterionCondition? = nil, knockOut: KnockOutClause? = nil, variantNote: String? = nil,
                variants: [TourismVariant] = [], options: [RubricOption] = [], children: [Criterion] = []) {
        self.code = code
        self.title = title
        self.part = part
        self.max = max
        self.printedMax = printedMax
        self.sourceNote = sourceNote
        self.notes = notes
        self.isYesNo = isYesNo
        self.condition = condition
        self.knockOut = knockOut
        self.variantNote = variantNote
        self.variants = variants
        self.options = options
        self.children = children
    }

    public var isScorable: Bool { children.isEmpty }
    public var hasVariants: Bool { !variants.isEmpty }

    /// Points a member may give: 0 ("none of the options applies") and every option's points,
    /// restricted to one tourism case when `variant` is given.
    public func allowedPoints(variant: Int? = nil) -> [Int] {
        var set: Set<Int> = [0]
        for option in options where variant == nil || option.variant == nil || option.variant == variant {
            set.insert(option.points)
        }
        return set.sorted()
    }

    /// The best option's points (per case for tourism criteria).
    public func bestPoints(variant: Int? = nil) -> Int { allowedPoints(variant: variant).last ?? 0 }

    /// Depth-first list of this node and all its descendants.
    public var flattened: [Criterion] { [self] + children.flatMap(\.flattened) }
}

/// A star-minimum marker: `criterion` must average at least `points` for `stars` stars.
public struct StarMarker: Sendable, Hashable, Codable {
    public let criterion: String
    public let stars: Int
    public let points: Int
    public init(criterion: String, stars: Int, points: Int) {
        self.criterion = criterion
        self.stars = stars
        self.points = points
    }
}

/// One of the 26 product sets (bộ sản phẩm): its scoring sheet.
public struct ProductSet: Sendable, Hashable, Codable {
    public let version: RubricVersionID
    public let number: Int
    public let title: String
    /// "Sản phẩm" (Phụ lục I category) as printed on the sheet.
    public let category: String
    /// "Nhóm" as printed on the sheet (absent for Bộ 23–26).
    public let group: String?
    public let disqualification: DisqualificationClause?
    public let parts: [RubricPart]
    public let bands: [StarBand]
    /// Every scorable node in sheet order (sub-criteria instead of their parent).
    public let scorableCriteria: [Criterion]
    /// Markers in sheet order, then by stars.
    public let starMarkers: [StarMarker]

    public init(version: RubricVersionID, number: Int, title: String, category: String, group: String?,
                disqualification: DisqualificationClause?, parts: [RubricPart], bands: [StarBand] = StarBand.qd26) {
        self.version = version
        self.number = number
        self.title = title
        self.category = category
        self.group = group
        self.disqualification = disqualification
        self.parts = parts
        self.bands = bands
        let all = parts.flatMap { $0.groups.flatMap(\.flattened) }
        self.scorableCriteria = all.filter(\.isScorable)
        self.starMarkers = scorableCriteria.flatMap { criterion in
            criterion.options.compactMap { option in
                option.minStars.map { StarMarker(criterion: criterion.code, stars: $0, points: option.points) }
            }
        }
    }

    public var maxPoints: Int { parts.reduce(0) { $0 + $1.max } }

    /// Every node (groups, criteria, sub-criteria) in sheet order.
    public var allCriteria: [Criterion] { parts.flatMap { $0.groups.flatMap(\.flattened) } }

    public func criterion(_ code: String) -> Criterion? { allCriteria.first { $0.code == code } }

    /// Tourism case numbers used by this set (empty for goods sets).
    public var variantNumbers: [Int] {
        Set(scorableCriteria.flatMap { $0.variants.map(\.number) }).sorted()
    }

    /// The all-best sheet (every criterion at its best option), for tests and demos.
    public func bestSheet(label: String = "best", variant: Int? = nil) -> ScoreSheet {
        let chosen = variant ?? variantNumbers.first
        var answers: [String: SheetAnswer] = [:]
        for criterion in scorableCriteria {
            answers[criterion.code] = criterion.hasVariants
                ? SheetAnswer(points: criterion.bestPoints(variant: chosen), variant: chosen)
                : SheetAnswer(points: criterion.bestPoints())
        }
        return ScoreSheet(label: label, answers: answers)
    }
}
