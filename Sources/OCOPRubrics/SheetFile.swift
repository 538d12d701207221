import Foundation
import OCOPDomain
import Yams

/// Reads a sheet file (YAML or JSON; JSON is YAML): criterion code → points, e.g.
/// ```yaml
/// member: Nguyễn Văn A        # optional label
/// set: 4                       # optional: the product set the sheet is for, checked
/// "1.1": 3
/// "8": {variant: 1, points: 3} # tourism case (Trường hợp 1 or 2), one case per sheet
/// knockOuts: ["hồ sơ", "1.1"]  # optional declared knock-outs
/// ```
/// Keys are read as written (`1.10` stays "1.10"), never as numbers.
public enum SheetFile {
    public static let reservedKeys: Set<String> = ["member", "set", "knockOuts"]
    /// A set has at most 40 criteria: a file with more entries is not a sheet, and is refused
    /// before any of it is checked (so a huge file costs nothing and prints one line).
    public static let maxEntries = 100
    public static let maxKnockOuts = 20

    /// Returns the sheet, or the problems found in the file (all of them). A sheet that names its
    /// set (`set: 4`) is refused for any other `expectedSet`: sets share criterion codes, so a
    /// member's sheet for the wrong set can otherwise look valid.
    public static func parse(_ text: String, label: String, expectedSet: Int? = nil) -> Result<ScoreSheet, SheetValidationError> {
        var problems: [SheetProblem] = []
        func bad(_ vi: String, _ en: String) { problems.append(SheetProblem(sheet: label, kind: .malformed(detail: LocalizedText(vi: vi, en: en)))) }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(SheetValidationError(setNumber: 0, problems: [
                SheetProblem(sheet: label, kind: .malformed(detail: LocalizedText(vi: "tệp trống", en: "the file is empty")))]))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text.precomposedStringWithCanonicalMapping) } catch {
            return .failure(SheetValidationError(setNumber: 0, problems: [
                SheetProblem(sheet: label, kind: .malformed(detail: LocalizedText(vi: "không phải YAML/JSON hợp lệ (\(error))", en: "not valid YAML/JSON (\(error))")))]))
        }
        guard let mapping = root?.mapping else {
            return .failure(SheetValidationError(setNumber: 0, problems: [
                SheetProblem(sheet: label, kind: .malformed(detail: LocalizedText(vi: "cần một bảng mã tiêu chí → điểm", en: "expected a mapping of criterion code → points")))]))
        }
        guard mapping.count <= maxEntries else {
            return .failure(SheetValidationError(setNumber: 0, problems: [
                SheetProblem(sheet: label, kind: .malformed(detail: LocalizedText(
                    vi: "tệp có \(mapping.count) mục; một phiếu có tối đa \(maxEntries) mục (mỗi bộ có tối đa 40 tiêu chí)",
                    en: "the file has \(mapping.count) entries; a sheet has at most \(maxEntries) (a set has at most 40 criteria)")))]))
        }
        var sheetLabel = label
        var answers: [String: SheetAnswer] = [:]
        var knockOuts: [KnockOutDeclaration] = []
        for (keyNode, value) in mapping {
            guard let raw = keyNode.scalar?.string.trimmingCharacters(in: .whitespaces), raw.count <= 20 else {
                bad("khóa không hợp lệ: \(DomainError.shown(keyNode.scalar?.string ?? "?"))", "bad key: \(DomainError.shown(keyNode.scalar?.string ?? "?"))")
                continue
            }
            let key = raw
            switch key {
            case "member":
                guard let s = value.scalar?.string else { bad("member phải là một tên", "member must be a name"); continue }
                do {
                    sheetLabel = try Validate.text(s, field: "member_label", limit: FieldLimit.name)
                } catch {
                    bad("member: " + error.message(.vi), "member: " + error.message(.en))
                }
            case "set":
                guard let s = value.scalar?.string, s.count <= 3, let declared = Int(s), declared > 0 else {
                    bad("set phải là số của bộ sản phẩm, vd. 4", "set must be the product set's number, e.g. 4")
                    continue
                }
                if let expectedSet, declared != expectedSet {
                    problems.append(SheetProblem(sheet: label, kind: .wrongSet(declared: declared, expected: expectedSet)))
                }
            case "knockOuts":
                guard let seq = value.sequence, seq.count <= maxKnockOuts else {
                    bad("knockOuts phải là danh sách (tối đa \(maxKnockOuts) mục)", "knockOuts must be a list (at most \(maxKnockOuts) items)")
                    continue
                }
                for item in seq {
                    if let s = item.scalar?.string, let clause = try? Validate.text(s, field: "knockOuts", limit: FieldLimit.name) {
                        knockOuts.append(KnockOutDeclaration(parsing: clause))
                    } else { bad("knockOuts: mục không hợp lệ", "knockOuts: bad item") }
                }
            default:
                guard Self.isCriterionCodeShaped(key) else {
                    // A misspelt field ("membr", "knockouts") or a wrapper ("criteria:") would
                    // otherwise be read as an answer and reported as bad points.
                    bad("\(DomainError.shown(key)): không phải mã tiêu chí (vd. \"1.1\": 3) hay mục của phiếu (member, set, knockOuts)",
                        "\(DomainError.shown(key)): neither a criterion code (e.g. \"1.1\": 3) nor a field of a sheet (member, set, knockOuts)")
                    continue
                }
                if answers[key] != nil { bad("\(key): khai báo hai lần", "\(key): given twice"); continue }
                if let s = value.scalar?.string, s.count <= 6, let p = Int(s) {
                    answers[key] = SheetAnswer(points: p)
                } else if let m = value.mapping {
                    var points: Int?, variant: Int?, ok = true
                    for (k, v) in m {
                        let name = k.scalar?.string ?? ""
                        let n = v.scalar.flatMap { Int($0.string) }
                        switch name {
                        case "points": points = n; ok = ok && n != nil
                        case "variant": variant = n; ok = ok && n != nil
                        default: ok = false
                        }
                    }
                    if let points, ok { answers[key] = SheetAnswer(points: points, variant: variant) }
                    else { bad("\(key): cần {variant: 1|2, points: N}", "\(key): expected {variant: 1|2, points: N}") }
                } else {
                    bad("\(key): điểm phải là số nguyên", "\(key): points must be an integer")
                }
            }
        }
        if !problems.isEmpty {
            return .failure(SheetValidationError(setNumber: 0, problems: problems.map { SheetProblem(sheet: sheetLabel, kind: $0.kind) }))
        }
        return .success(ScoreSheet(label: sheetLabel, answers: answers, knockOuts: knockOuts))
    }

    /// Criterion codes are numbers joined by dots ("7", "1.1", "6.1.1"); whether the set has the
    /// code is the rating engine's check.
    static func isCriterionCodeShaped(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
