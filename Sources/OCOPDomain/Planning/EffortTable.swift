import Foundation

/// What raising a criterion costs, criterion by criterion, and the evidence each option usually
/// needs (docs/planner.md, "Costs"). Read from `scoring/effort/*.yaml` by `OCOPRubrics.EffortFile`.
///
/// The empty table, `EffortTable.optionSteps`, is the default cost model: every option step costs 1.
public struct EffortTable: Sendable, Hashable, Codable {
    /// The rubric version the codes refer to; `nil` accepts any.
    public var version: RubricVersionID?
    /// Cost of one option step where no entry says otherwise.
    public var stepCost: Int
    public var entries: [EffortEntry]

    public init(version: RubricVersionID? = nil, stepCost: Int = 1, entries: [EffortEntry] = []) {
        self.version = version
        self.stepCost = stepCost
        self.entries = entries
    }

    /// The default cost model: the number of option steps, no evidence, everything actionable.
    public static let optionSteps = EffortTable()

    /// The entry that governs `code` in set `number`: one naming the set wins over one naming no set;
    /// among equals the first (two equals are reported by `problems(against:)`).
    public func entry(for code: String, inSet number: Int) -> EffortEntry? {
        entries.first { $0.code == code && $0.sets?.contains(number) == true }
            ?? entries.first { $0.code == code && $0.sets == nil }
    }

    /// How one criterion of one set may be raised: what each step costs, where the ladder stops,
    /// what evidence each option needs.
    public func effort(for criterion: Criterion, inSet number: Int) -> CriterionEffort {
        CriterionEffort(entry: entry(for: criterion.code, inSet: number), defaultStepCost: stepCost)
    }
}

/// The effort of one criterion, resolved from an `EffortTable` for one set.
public struct CriterionEffort: Sendable, Hashable {
    public let entry: EffortEntry?
    public let defaultStepCost: Int

    /// `false` when the table marks the whole criterion as something one does not "improve".
    public var isActionable: Bool { entry?.actionable ?? true }

    /// Cost of the step that reaches the option worth `points` (from the option just below it).
    public func stepCost(reaching points: Int) -> Int {
        entry?.option(points)?.cost ?? entry?.stepCost ?? defaultStepCost
    }

    /// `false` when the table puts the option worth `points` out of reach; the planner then stops
    /// the criterion's ladder below it (it and every option above it, counting from the current level).
    public func isActionable(option points: Int) -> Bool { entry?.option(points)?.actionable ?? true }

    public func evidence(for points: Int) -> LocalizedText? { entry?.option(points)?.evidence }
}

/// One line of the effort table: a criterion code, optionally limited to some sets.
public struct EffortEntry: Sendable, Hashable, Codable {
    public var code: String
    /// The sets it applies to; `nil` for every set that has the code (an entry naming the set wins).
    public var sets: [Int]?
    /// A check, not a filter: the criterion's title in every set it applies to must contain this text.
    public var title: String?
    /// `false`: the criterion is a fact about the producer, not something to improve (e.g. 3.2).
    public var actionable: Bool
    /// Why it is not actionable, or any note for the reader.
    public var reason: LocalizedText?
    /// Cost of each option step of this criterion (else the table's `stepCost`).
    public var stepCost: Int?
    public var options: [EffortOption]
    /// Where the entry starts in its file, for messages.
    public var line: Int?

    public init(code: String, sets: [Int]? = nil, title: String? = nil, actionable: Bool = true,
                reason: LocalizedText? = nil, stepCost: Int? = nil, options: [EffortOption] = [], line: Int? = nil) {
        self.code = code
        self.sets = sets
        self.title = title
        self.actionable = actionable
        self.reason = reason
        self.stepCost = stepCost
        self.options = options
        self.line = line
    }

    public func option(_ points: Int) -> EffortOption? { options.first { $0.points == points } }
}

/// Effort for reaching one option (named by its points) of a criterion.
public struct EffortOption: Sendable, Hashable, Codable {
    public var points: Int
    /// Cost of the step that reaches this option from the one below it (else the entry's step cost).
    public var cost: Int?
    /// `false`: this option and every option above it are out of reach.
    public var actionable: Bool
    /// The documents or facts a council usually asks for at this option.
    public var evidence: LocalizedText?
    public var line: Int?

    public init(points: Int, cost: Int? = nil, actionable: Bool = true, evidence: LocalizedText? = nil, line: Int? = nil) {
        self.points = points
        self.cost = cost
        self.actionable = actionable
        self.evidence = evidence
        self.line = line
    }
}

/// One thing wrong with an effort table, checked against the product sets.
public struct EffortProblem: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case versionMismatch(table: RubricVersionID, sets: RubricVersionID)
        case negativeCost(code: String?, value: Int)
        case unknownSet(code: String, set: Int)
        /// The code is a scorable criterion of none of the sets the entry applies to.
        case unknownCode(code: String)
        case codeNotInSet(code: String, set: Int)
        case notScorable(code: String, set: Int, subcriteria: [String])
        case notAnOption(code: String, set: Int, points: Int, allowed: [Int])
        case titleMismatch(code: String, set: Int, expected: String, actual: String)
        case duplicateEntry(code: String, set: Int?, firstLine: Int?)
    }

    /// Line of the entry or option in its file, when known.
    public let line: Int?
    public let kind: Kind

    public init(line: Int?, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }
        switch kind {
        case .versionMismatch(let table, let sets):
            return vi ? "bảng công sức dành cho \(table), nhưng bộ tiêu chí là \(sets)"
                : "the effort table is for \(table), but the rubric is \(sets)"
        case .negativeCost(let code, let value):
            let at = code.map { vi ? "tiêu chí \($0): " : "criterion \($0): " } ?? ""
            return at + (vi ? "chi phí \(value) âm (phải ≥ 0)" : "cost \(value) is negative (must be ≥ 0)")
        case .unknownSet(let code, let set):
            return vi ? "tiêu chí \(code): không có bộ sản phẩm \(set) (1–26)" : "criterion \(code): there is no product set \(set) (1–26)"
        case .unknownCode(let code):
            return vi ? "tiêu chí \(code) không có trong bộ tiêu chí nào" : "criterion \(code) is on no scoring sheet"
        case .codeNotInSet(let code, let set):
            return vi ? "bộ \(set) không có tiêu chí \(code)" : "set \(set) has no criterion \(code)"
        case .notScorable(let code, let set, let subs):
            return vi ? "bộ \(set): mục \(code) không chấm trực tiếp; dùng các tiểu mục \(subs.joined(separator: ", "))"
                : "set \(set): \(code) is a heading; use its sub-criteria \(subs.joined(separator: ", "))"
        case .notAnOption(let code, let set, let points, let allowed):
            return vi ? "bộ \(set), tiêu chí \(code): không có phương án \(points) điểm (có: \(list(allowed)))"
                : "set \(set), criterion \(code): no option worth \(englishCount(points, "point")) (options: \(list(allowed)))"
        case .titleMismatch(let code, let set, let expected, let actual):
            return vi ? "bộ \(set), tiêu chí \(code) là «\(actual)», không chứa «\(expected)»"
                : "set \(set), criterion \(code) is «\(actual)», which does not contain «\(expected)»"
        case .duplicateEntry(let code, let set, let firstLine):
            let scope = set.map { vi ? " cho bộ \($0)" : " for set \($0)" } ?? (vi ? " (mọi bộ)" : " (every set)")
            let first = firstLine.map { vi ? " (lần đầu ở dòng \($0))" : " (first at line \($0))" } ?? ""
            return vi ? "tiêu chí \(code) khai báo hai lần\(scope)\(first)" : "criterion \(code) is given twice\(scope)\(first)"
        }
    }
}

extension EffortTable {
    /// Every problem of the table against `sets` (one version): codes that no set has, options
    /// that are not options of the criterion in a set the entry applies to, negative costs,
    /// duplicate entries, failed title checks. An empty result means the table is usable as is.
    public func problems(against sets: [ProductSet]) -> [EffortProblem] {
        var problems: [EffortProblem] = []
        if let version, let setVersion = sets.first?.version, version != setVersion {
            problems.append(EffortProblem(line: nil, kind: .versionMismatch(table: version, sets: setVersion)))
        }
        if stepCost < 0 { problems.append(EffortProblem(line: nil, kind: .negativeCost(code: nil, value: stepCost))) }
        let byNumber = Dictionary(sets.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int?] = [:]  // "code|set" → first line
        for entry in entries {
            let code = entry.code
            if let cost = entry.stepCost, cost < 0 {
                problems.append(EffortProblem(line: entry.line, kind: .negativeCost(code: code, value: cost)))
            }
            for option in entry.options {
                if let cost = option.cost, cost < 0 {
                    problems.append(EffortProblem(line: option.line ?? entry.line, kind: .negativeCost(code: code, value: cost)))
                }
            }
            for set in entry.sets ?? [] {
                let key = "\(code)|\(set)"
                if let first = seen[key] {
                    problems.append(EffortProblem(line: entry.line, kind: .duplicateEntry(code: code, set: set, firstLine: first)))
                } else {
                    seen[key] = entry.line
                }
            }
            if entry.sets == nil {
                let key = "\(code)|*"
                if let first = seen[key] {
                    problems.append(EffortProblem(line: entry.line, kind: .duplicateEntry(code: code, set: nil, firstLine: first)))
                } else {
                    seen[key] = entry.line
                }
            }

            // The sets the entry governs, with their criterion.
            var governed: [(ProductSet, Criterion)] = []
            if let named = entry.sets {
                for number in named {
                    guard let set = byNumber[number] else {
                        problems.append(EffortProblem(line: entry.line, kind: .unknownSet(code: code, set: number)))
                        continue
                    }
                    if let c = set.scorableCriteria.first(where: { $0.code == code }) {
                        governed.append((set, c))
                    } else if let heading = set.criterion(code) {
                        problems.append(EffortProblem(line: entry.line, kind: .notScorable(
                            code: code, set: number, subcriteria: heading.flattened.filter(\.isScorable).map(\.code))))
                    } else {
                        problems.append(EffortProblem(line: entry.line, kind: .codeNotInSet(code: code, set: number)))
                    }
                }
            } else {
                for set in sets {
                    guard let c = set.scorableCriteria.first(where: { $0.code == code }) else { continue }
                    // A set-specific entry takes this set over.
                    if entries.contains(where: { $0.code == code && $0.sets?.contains(set.number) == true }) { continue }
                    governed.append((set, c))
                }
                let anywhere = sets.contains { $0.scorableCriteria.contains { $0.code == code } }
                if !anywhere {
                    if let (set, heading) = sets.lazy.compactMap({ s in s.criterion(code).map { (s, $0) } }).first {
                        problems.append(EffortProblem(line: entry.line, kind: .notScorable(
                            code: code, set: set.number, subcriteria: heading.flattened.filter(\.isScorable).map(\.code))))
                    } else {
                        problems.append(EffortProblem(line: entry.line, kind: .unknownCode(code: code)))
                    }
                }
            }
            for (set, criterion) in governed {
                if let expected = entry.title, !Self.contains(criterion.title, expected) {
                    problems.append(EffortProblem(line: entry.line, kind: .titleMismatch(
                        code: code, set: set.number, expected: expected, actual: criterion.shortTitle)))
                }
                let allowed = Set(criterion.options.map(\.points))
                for option in entry.options where !allowed.contains(option.points) {
                    problems.append(EffortProblem(line: option.line ?? entry.line, kind: .notAnOption(
                        code: code, set: set.number, points: option.points, allowed: allowed.sorted())))
                }
            }
        }
        return problems
    }

    private static func contains(_ title: String, _ text: String) -> Bool {
        let fold = { (s: String) in s.precomposedStringWithCanonicalMapping.lowercased() }
        return fold(title).contains(fold(text))
    }
}
