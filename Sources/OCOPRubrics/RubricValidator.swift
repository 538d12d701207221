import OCOPDomain

/// Structural checks of a rubric: parts sum to the version's maxima (40/25/35 = 100), groups to
/// their criteria, each criterion's maximum is its best option, codes are unique, markers sit on
/// options, conditions point at existing criteria.
public enum RubricValidator {
    public static func check(_ version: RubricVersion, file: String) -> [RubricIssue] {
        var issues: [RubricIssue] = []
        let sum = version.partMaxima.values.reduce(0, +)
        if sum != 100 { issues.append(RubricIssue(file: file, message: "các phần cộng lại \(sum) ≠ 100 / parts sum to \(sum)")) }
        let stars = version.bands.map(\.stars).sorted()
        if stars != [1, 2, 3, 4, 5] { issues.append(RubricIssue(file: file, message: "cần đủ 5 hạng sao / need bands 1–5★")) }
        let ordered = version.bands.sorted { $0.stars < $1.stars }.map(\.minPoints)
        if ordered != ordered.sorted() || Set(ordered).count != ordered.count {
            issues.append(RubricIssue(file: file, message: "ngưỡng hạng sao phải tăng dần / band thresholds must increase"))
        }
        return issues
    }

    public static func check(_ set: ProductSet, version: RubricVersion, file: String) -> [RubricIssue] {
        var issues: [RubricIssue] = []
        func add(_ code: String?, _ message: String) {
            issues.append(RubricIssue(file: file, set: set.number, code: code, message: message))
        }
        if set.parts.map(\.code) != PartCode.allCases { add(nil, "cần đúng các phần A, B, C / parts must be A, B, C") }
        var total = 0
        var codes: [String: Int] = [:]
        for part in set.parts {
            total += part.max
            if let expected = version.partMaxima[part.code], expected != part.max {
                add(part.code.rawValue, "phần \(part.code.rawValue) tối đa \(part.max), phiên bản quy định \(expected)")
            }
            let groupSum = part.groups.reduce(0) { $0 + $1.max }
            if groupSum != part.max {
                add(part.code.rawValue, "các nhóm cộng lại \(groupSum) ≠ tối đa của phần \(part.max)")
            }
            for node in part.groups.flatMap(\.flattened) {
                codes[node.code, default: 0] += 1
                checkNode(node, add: add)
            }
        }
        if total != 100 { add(nil, "tổng các phần \(total) ≠ 100") }
        for (code, count) in codes where count > 1 { add(code, "mã bị trùng (\(count) lần) / duplicate code") }
        for criterion in set.scorableCriteria {
            if let condition = criterion.condition {
                if set.scorableCriteria.first(where: { $0.code == condition.criterion }) == nil {
                    add(criterion.code, "điều kiện trỏ tới tiêu chí không tồn tại \(condition.criterion)")
                }
            }
        }
        return issues.sorted { ($0.code ?? "") < ($1.code ?? "") }
    }

    private static func checkNode(_ node: Criterion, add: (String?, String) -> Void) {
        if node.max < 0 { add(node.code, "tối đa âm / negative maximum") }
        if !node.children.isEmpty {
            if !node.options.isEmpty { add(node.code, "vừa có tiểu mục vừa có phương án / both children and options") }
            let sum = node.children.reduce(0) { $0 + $1.max }
            if sum != node.max { add(node.code, "các tiểu mục cộng lại \(sum) ≠ tối đa \(node.max)") }
            return
        }
        if node.options.isEmpty { add(node.code, "tiêu chí không có phương án / no options") }
        for option in node.options {
            if option.points < 0 || option.points > 63 { add(node.code, "điểm phương án ngoài khoảng 0–63: \(option.points)") }
            if let stars = option.minStars, !(3...5).contains(stars) {
                add(node.code, "dấu sao \(stars) không hợp lệ (3–5) / bad star marker")
            }
            if let v = option.variant, !node.variants.contains(where: { $0.number == v }) {
                add(node.code, "phương án thuộc trường hợp \(v) không được khai báo / undeclared variant")
            }
        }
        if node.variants.isEmpty {
            let best = node.options.map(\.points).max() ?? 0
            if best != node.max { add(node.code, "phương án cao nhất \(best) ≠ tối đa \(node.max)") }
        } else {
            if node.options.contains(where: { $0.variant == nil }) {
                add(node.code, "phương án thiếu trường hợp / option without variant")
            }
            for v in node.variants {
                let best = node.options.filter { $0.variant == v.number }.map(\.points).max() ?? 0
                if best != node.max { add(node.code, "trường hợp \(v.number): phương án cao nhất \(best) ≠ tối đa \(node.max)") }
            }
        }
        let marked = node.options.compactMap(\.minStars)
        if Set(marked).count != marked.count { add(node.code, "hai phương án cùng một mức sao / two markers at one level") }
    }
}
