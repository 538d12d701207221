/// One thing wrong with a sheet. Validation collects all of them at once.
public struct SheetProblem: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case noSheets
        case unknownCriterion(code: String)
        /// A heading such as "6.1" whose sub-criteria ("6.1.1"…) are scored instead.
        case notScorable(code: String, subcriteria: [String])
        case missingCriterion(code: String)
        case pointsNotAnOption(code: String, points: Int, allowed: [Int])
        /// e.g. 5.2 answered although 5.1 says there is no product story.
        case conditionNotMet(code: String, condition: String, conditionPoints: Int)
        case variantMissing(code: String)
        case variantNotApplicable(code: String)
        case unknownVariant(code: String, variant: Int, known: [Int])
        case conflictingVariants(variants: [Int])
        case unknownKnockOut(name: String)
        case criterionHasNoKnockOut(code: String)
        /// The sheet names its product set (`set: 4`), and it is not the one being scored.
        case wrongSet(declared: Int, expected: Int)
        /// The file itself could not be read as a sheet (used by loaders).
        case malformed(detail: LocalizedText)
    }

    /// The sheet's label (file or member); empty for product-level problems.
    public let sheet: String
    public let kind: Kind

    public init(sheet: String, kind: Kind) {
        self.sheet = sheet
        self.kind = kind
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        let prefix = sheet.isEmpty ? "" : "\(sheet): "
        func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ", ") }
        let body: String
        switch kind {
        case .noSheets:
            body = vi ? "không có phiếu đánh giá nào" : "no score sheets"
        case .unknownCriterion(let code):
            body = vi ? "tiêu chí \(code) không có trong bộ tiêu chí" : "criterion \(code) is not on this sheet"
        case .notScorable(let code, let subs):
            body = vi ? "mục \(code) không chấm trực tiếp; chấm các tiểu mục \(subs.joined(separator: ", "))"
                : "\(code) is a heading; score its sub-criteria \(subs.joined(separator: ", "))"
        case .missingCriterion(let code):
            body = vi ? "thiếu tiêu chí \(code)" : "criterion \(code) is missing"
        case .pointsNotAnOption(let code, let points, let allowed):
            body = vi ? "tiêu chí \(code): \(points) điểm không phải một phương án (được chọn: \(list(allowed)))"
                : "criterion \(code): \(englishCount(points, "point")) is not an option (allowed: \(list(allowed)))"
        case .conditionNotMet(let code, let condition, let conditionPoints):
            body = vi
                ? "tiêu chí \(code) chỉ áp dụng khi có câu chuyện sản phẩm, nhưng \(condition) = \(conditionPoints)"
                : "criterion \(code) applies only when there is a product story, but \(condition) = \(conditionPoints)"
        case .variantMissing(let code):
            body = vi ? "tiêu chí \(code): phải chọn trường hợp 1 hoặc 2 (variant)"
                : "criterion \(code): choose case 1 or 2 (variant)"
        case .variantNotApplicable(let code):
            body = vi ? "tiêu chí \(code) không có các trường hợp lựa chọn" : "criterion \(code) has no alternative cases"
        case .unknownVariant(let code, let variant, let known):
            body = vi ? "tiêu chí \(code): không có trường hợp \(variant) (có: \(list(known)))"
                : "criterion \(code): there is no case \(variant) (known: \(list(known)))"
        case .conflictingVariants(let variants):
            body = vi ? "một phiếu chỉ chọn một trường hợp, nhưng có các trường hợp \(list(variants))"
                : "a sheet uses one case only, but it names cases \(list(variants))"
        case .unknownKnockOut(let name):
            body = vi ? "điều kiện loại \"\(name)\" không tồn tại (dùng \"hồ sơ\" hoặc mã tiêu chí)"
                : "knock-out \"\(name)\" does not exist (use \"hồ sơ\" or a criterion code)"
        case .criterionHasNoKnockOut(let code):
            body = vi ? "tiêu chí \(code) không có điều kiện loại" : "criterion \(code) has no knock-out clause"
        case .wrongSet(let declared, let expected):
            body = vi ? "phiếu này của Bộ \(declared), không phải Bộ \(expected)" : "this sheet is for set \(declared), not set \(expected)"
        case .malformed(let detail):
            body = vi ? "không đọc được phiếu: \(detail(.vi))" : "cannot read the sheet: \(detail(.en))"
        }
        return prefix + body
    }
}

/// Every problem of a set of sheets; exit code 65 (EX_DATAERR).
public struct SheetValidationError: LocalizedFailure, Sendable, Hashable {
    public let setNumber: Int
    public let problems: [SheetProblem]

    public init(setNumber: Int, problems: [SheetProblem]) {
        self.setNumber = setNumber
        self.problems = problems
    }

    public func message(_ language: Language) -> String {
        let head = language == .vi
            ? "Phiếu đánh giá không hợp lệ (bộ \(setNumber)), \(problems.count) lỗi:"
            : "Invalid score sheet (set \(setNumber)), \(englishCount(problems.count, "problem")):"
        return ([head] + problems.map { "  - " + $0.message(language) }).joined(separator: "\n")
    }

    public var kind: ErrorKind { .invalidInput }
}
