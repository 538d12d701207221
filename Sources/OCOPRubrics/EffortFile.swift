import Foundation
import OCOPDomain
import Yams

/// One problem of an effort file, with the line it was found on.
public struct EffortIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: LocalizedText

    public init(file: String, line: Int?, message: LocalizedText) {
        self.file = file
        self.line = line
        self.message = message
    }

    public func text(_ language: Language) -> String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message(language))"
    }

    public var description: String { text(.vi) }
}

/// An effort file that cannot be used: every problem found, at once.
public struct EffortFileError: LocalizedFailure, Sendable, Hashable {
    public let issues: [EffortIssue]

    public init(issues: [EffortIssue]) { self.issues = issues }

    public func message(_ language: Language) -> String {
        let head = language == .vi
            ? "Bảng công sức không hợp lệ, \(issues.count) lỗi:" : "Invalid effort table, \(englishCount(issues.count, "problem")):"
        return ([head] + issues.map { "  - " + $0.text(language) }).joined(separator: "\n")
    }

    public var kind: ErrorKind { .invalidInput }
}

/// Reads an effort table (`scoring/effort/default.yaml`; format in docs/planner.md):
/// ```yaml
/// version: qd26-2026
/// stepCost: 1                  # cost of one option step unless an entry says otherwise
/// criteria:
///   - code: "3.2"
///     actionable: false
///     reason: {vi: "…", en: "…"}
///   - code: "10"
///     sets: [1, 3, 4]          # optional; "1-25" ranges allowed; absent = every set with the code
///     title: ĐẢM BẢO CHẤT LƯỢNG # optional check against the criterion's title
///     stepCost: 2
///     options:
///       3: {cost: 3, evidence: {vi: "…", en: "…"}}
///       5: {actionable: false}
/// ```
/// Codes and option points are checked against the sets (`EffortTable.problems(against:)`).
public enum EffortFile {
    /// `effort/default.yaml` under a `scoring/` folder (the one that ships with the program).
    public static func defaultURL(scoring: URL) -> URL {
        scoring.appendingPathComponent("effort", isDirectory: true).appendingPathComponent("default.yaml")
    }

    /// The default table under `scoring`, validated against its version's sets in `catalog`.
    public static func bundled(scoring: URL, catalog: RubricCatalog) throws(EffortFileError) -> EffortTable {
        try load(from: defaultURL(scoring: scoring), catalog: catalog)
    }

    /// Reads and validates a file against the sets of its `version` (qd26-2026 when absent).
    public static func load(from url: URL, catalog: RubricCatalog) throws(EffortFileError) -> EffortTable {
        let name = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw EffortFileError(issues: [EffortIssue(file: name, line: nil, message: LocalizedText(
                vi: "không đọc được tệp: \(error.localizedDescription)", en: "cannot read the file: \(error.localizedDescription)"))])
        }
        let table = try parse(text, file: name).get()
        let id = table.version ?? .qd26_2026
        let sets: [ProductSet]
        do { sets = try catalog.version(id).sets } catch {
            throw EffortFileError(issues: [EffortIssue(file: name, line: nil, message: LocalizedText(
                vi: error.message(.vi), en: error.message(.en)))])
        }
        return try validate(table, file: name, sets: sets)
    }

    /// Parses and validates text against `sets`.
    public static func load(_ text: String, file: String, sets: [ProductSet]) throws(EffortFileError) -> EffortTable {
        try validate(parse(text, file: file).get(), file: file, sets: sets)
    }

    /// Checks a table against `sets`, turning every `EffortProblem` into an issue of `file`.
    public static func validate(_ table: EffortTable, file: String, sets: [ProductSet]) throws(EffortFileError) -> EffortTable {
        let problems = table.problems(against: sets)
        guard problems.isEmpty else {
            throw EffortFileError(issues: problems.map {
                EffortIssue(file: file, line: $0.line, message: LocalizedText(vi: $0.message(.vi), en: $0.message(.en)))
            })
        }
        return table
    }

    /// Reads the file's structure (no check against the sets): every problem, with its line.
    public static func parse(_ text: String, file: String) -> Result<EffortTable, EffortFileError> {
        var reader = Reader(file: file)
        let table = reader.read(text.precomposedStringWithCanonicalMapping)
        if let table, reader.issues.isEmpty { return .success(table) }
        return .failure(EffortFileError(issues: reader.issues))
    }

    private struct Reader {
        let file: String
        var issues: [EffortIssue] = []

        init(file: String) { self.file = file }

        mutating func bad(_ node: Node?, _ vi: String, _ en: String) {
            issues.append(EffortIssue(file: file, line: node?.mark?.line, message: LocalizedText(vi: vi, en: en)))
        }

        mutating func read(_ text: String) -> EffortTable? {
            let root: Node?
            do { root = try Yams.compose(yaml: text) } catch {
                issues.append(Self.yamlIssue(error, file: file))
                return nil
            }
            guard let root, let mapping = root.mapping else {
                bad(root, "tệp phải là một bảng (version, stepCost, criteria)",
                    "the file must be a mapping (version, stepCost, criteria)")
                return nil
            }
            var table = EffortTable()
            for (keyNode, value) in mapping {
                switch keyNode.scalar?.string ?? "" {
                case "version":
                    if let s = value.scalar?.string, !s.isEmpty { table.version = RubricVersionID(s) }
                    else { bad(value, "version phải là tên phiên bản (qd26-2026)", "version must name a rubric version (qd26-2026)") }
                case "stepCost":
                    if let cost = cost(value, field: "stepCost") { table.stepCost = cost }
                case "criteria":
                    guard let items = value.sequence else {
                        bad(value, "criteria phải là danh sách", "criteria must be a list")
                        continue
                    }
                    for item in items { if let entry = entry(item) { table.entries.append(entry) } }
                default:
                    unknownKey(keyNode, allowed: ["version", "stepCost", "criteria"])
                }
            }
            return table
        }

        mutating func unknownKey(_ key: Node, allowed: [String]) {
            let name = key.scalar?.string ?? "?"
            let list = allowed.joined(separator: ", ")
            bad(key, "khóa «\(name)» không hợp lệ (dùng: \(list))", "unknown key «\(name)» (use: \(list))")
        }

        mutating func cost(_ node: Node, field: String) -> Int? {
            guard let s = node.scalar?.string, let value = Int(s) else {
                bad(node, "\(field) phải là số nguyên ≥ 0", "\(field) must be an integer ≥ 0")
                return nil
            }
            if value < 0 {
                bad(node, "\(field) = \(value) âm (phải ≥ 0)", "\(field) = \(value) is negative (must be ≥ 0)")
                return nil
            }
            return value
        }

        mutating func flag(_ node: Node, field: String) -> Bool? {
            switch node.scalar?.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default:
                bad(node, "\(field) phải là true hoặc false", "\(field) must be true or false")
                return nil
            }
        }

        mutating func localized(_ node: Node, field: String) -> LocalizedText? {
            guard let mapping = node.mapping else {
                bad(node, "\(field) cần {vi: …, en: …}", "\(field) needs {vi: …, en: …}")
                return nil
            }
            var vi: String?, en: String?
            for (k, v) in mapping {
                switch k.scalar?.string ?? "" {
                case "vi": vi = v.scalar?.string
                case "en": en = v.scalar?.string
                default: unknownKey(k, allowed: ["vi", "en"])
                }
            }
            guard let vi, !vi.isEmpty, let en, !en.isEmpty else {
                bad(node, "\(field) cần cả tiếng Việt (vi) và tiếng Anh (en)", "\(field) needs both Vietnamese (vi) and English (en)")
                return nil
            }
            return LocalizedText(vi: vi, en: en)
        }

        mutating func sets(_ node: Node) -> [Int]? {
            guard let items = node.sequence else {
                bad(node, "sets phải là danh sách số bộ, ví dụ [1, 3, 5-8]", "sets must be a list of set numbers, e.g. [1, 3, 5-8]")
                return nil
            }
            var numbers: [Int] = []
            for item in items {
                let s = item.scalar?.string.replacingOccurrences(of: "–", with: "-") ?? ""
                if let n = Int(s) { numbers.append(n); continue }
                let bounds = s.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                if bounds.count == 2, let a = bounds[0], let b = bounds[1], a <= b {
                    numbers += Array(a...b)
                } else {
                    bad(item, "sets: «\(s)» không phải số bộ hay khoảng (5-8)", "sets: «\(s)» is not a set number or range (5-8)")
                }
            }
            return numbers
        }

        mutating func entry(_ node: Node) -> EffortEntry? {
            guard let mapping = node.mapping else {
                bad(node, "mỗi mục của criteria phải là một bảng có code", "each item of criteria must be a mapping with a code")
                return nil
            }
            var entry = EffortEntry(code: "", line: node.mark?.line)
            var hasCode = false
            for (k, v) in mapping {
                switch k.scalar?.string ?? "" {
                case "code":
                    if let s = v.scalar?.string, !s.isEmpty { entry.code = s; hasCode = true }
                case "sets": entry.sets = sets(v)
                case "title": entry.title = v.scalar?.string
                case "actionable": entry.actionable = flag(v, field: "actionable") ?? true
                case "reason": entry.reason = localized(v, field: "reason")
                case "stepCost": entry.stepCost = cost(v, field: "stepCost")
                case "options":
                    guard let options = v.mapping else {
                        bad(v, "options phải là bảng điểm → {cost, actionable, evidence}",
                            "options must map points → {cost, actionable, evidence}")
                        continue
                    }
                    for (pk, pv) in options {
                        guard let points = pk.scalar.flatMap({ Int($0.string) }) else {
                            bad(pk, "options: khóa phải là số điểm của phương án", "options: keys must be option points")
                            continue
                        }
                        if entry.options.contains(where: { $0.points == points }) {
                            bad(pk, "options: phương án \(points) điểm khai báo hai lần", "options: option \(points) is given twice")
                            continue
                        }
                        if let option = option(pv, points: points, line: pk.mark?.line) { entry.options.append(option) }
                    }
                default:
                    unknownKey(k, allowed: ["code", "sets", "title", "actionable", "reason", "stepCost", "options"])
                }
            }
            guard hasCode else {
                bad(node, "thiếu code (mã tiêu chí, ví dụ \"3.2\")", "code is missing (a criterion code such as \"3.2\")")
                return nil
            }
            return entry
        }

        mutating func option(_ node: Node, points: Int, line: Int?) -> EffortOption? {
            guard let mapping = node.mapping else {
                bad(node, "phương án \(points): cần {cost, actionable, evidence}", "option \(points): expected {cost, actionable, evidence}")
                return nil
            }
            var option = EffortOption(points: points, line: line)
            for (k, v) in mapping {
                switch k.scalar?.string ?? "" {
                case "cost": option.cost = cost(v, field: "cost")
                case "actionable": option.actionable = flag(v, field: "actionable") ?? true
                case "evidence": option.evidence = localized(v, field: "evidence")
                default: unknownKey(k, allowed: ["cost", "actionable", "evidence"])
                }
            }
            return option
        }

        static func yamlIssue(_ error: any Error, file: String) -> EffortIssue {
            func issue(_ problem: String, _ mark: Mark?) -> EffortIssue {
                EffortIssue(file: file, line: mark?.line, message: LocalizedText(
                    vi: "YAML không hợp lệ: \(problem)", en: "invalid YAML: \(problem)"))
            }
            switch error as? YamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                return issue(problem, mark)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return issue("khóa trùng / duplicate keys \(duplicates.joined(separator: ", "))", context.mark)
            default:
                return issue("\(error)", nil)
            }
        }
    }
}
