/// Why the planner could not plan at all (bad input); an unreachable target is a plan, not an error.
public enum PlanningError: LocalizedFailure, Sendable, Hashable {
    /// The baseline sheets (or declared knock-outs) do not validate against the set.
    case invalidSheets(SheetValidationError)
    /// Targets are 3, 4 or 5 stars.
    case invalidTarget(Int)
    /// The members' sheets name different tourism cases (Bộ 26, Trường hợp 1/2), or the requested
    /// case differs from the one the sheets name.
    case conflictingTourismCases([Int])
    /// A tourism case the set does not have (goods sets have none).
    case unknownTourismCase(Int, known: [Int])
    /// The effort table was written for another rubric version.
    case effortTableVersion(table: RubricVersionID, set: RubricVersionID)

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }
        switch self {
        case .invalidSheets(let error):
            return error.message(language)
        case .invalidTarget(let stars):
            return vi ? "Mục tiêu \(stars)★ không hợp lệ: chỉ lập kế hoạch cho 3★, 4★ hoặc 5★"
                : "Target \(stars)★ is not valid: plans are for 3★, 4★ or 5★"
        case .conflictingTourismCases(let cases):
            return vi ? "Các phiếu chọn những trường hợp khác nhau (\(list(cases))); một sản phẩm du lịch chỉ theo một trường hợp"
                : "The sheets name different cases (\(list(cases))); a tourism product follows one case"
        case .unknownTourismCase(let n, let known):
            if known.isEmpty {
                return vi ? "Bộ tiêu chí này không có trường hợp lựa chọn (đã chọn trường hợp \(n))"
                    : "This set has no alternative cases (case \(n) was given)"
            }
            return vi ? "Không có trường hợp \(n) (có: \(list(known)))" : "There is no case \(n) (known: \(list(known)))"
        case .effortTableVersion(let table, let set):
            return vi ? "Bảng công sức dành cho \(table), nhưng bộ tiêu chí là \(set)"
                : "The effort table is for \(table), but the set belongs to \(set)"
        }
    }

    public var kind: ErrorKind { .invalidInput }
}
