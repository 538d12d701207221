/// The interactive scoring walk as a pure state machine: keys in, screen text and effects out.
/// The terminal layer only reads keys, prints `render(_:)` and performs the effects (save the
/// draft, submit). Tested without a terminal.
public struct SheetWalk: Sendable, Hashable {
    public enum Screen: Sendable, Hashable {
        case question(Int)
        case review
        case confirm
        case submitted
        case quit
    }

    public enum Key: Sendable, Hashable {
        /// `0` = the 0-point answer; `1…9` = the n-th other option shown (`keyedOptions`).
        case digit(Int)
        case back
        case skip
        case review
        case enter
        case yes
        case no
        case quit
        case other
    }

    public enum Effect: Sendable, Hashable {
        case none
        /// An answer changed: persist the draft now.
        case saveDraft
        /// Confirmed: submit `sheet`.
        case submit
        case quit
    }

    public let productSet: ProductSet
    public let title: String
    public private(set) var answers: [String: SheetAnswer]
    public private(set) var screen: Screen
    /// A one-line notice for the next render (e.g. "incomplete").
    public private(set) var notice: LocalizedText?
    /// Lines shown under a criterion's question, by criterion code: the evidence on record
    /// (the product's current listings on the distribution criterion, 4.1).
    public var evidence: [String: [String]] = [:]

    private var criteria: [Criterion] { productSet.scorableCriteria }

    /// Starts at `cursor` (a resumed draft) or at the first unanswered criterion.
    public init(productSet: ProductSet, title: String, answers: [String: SheetAnswer] = [:], cursor: Int? = nil) {
        self.productSet = productSet
        self.title = title
        self.answers = answers
        self.screen = .question(0)
        let count = productSet.scorableCriteria.count
        if let cursor, cursor >= 0, cursor < count {
            screen = .question(cursor)
        } else if let first = firstMissing {
            screen = .question(first)
        } else if !answers.isEmpty {
            screen = .review
        }
        if case .question(let i) = screen, !isApplicable(i), let next = nextApplicable(after: i) { screen = .question(next) }
        if !answers.isEmpty {
            notice = LocalizedText(vi: "Tiếp tục phiếu nháp đã lưu.", en: "Resuming the saved draft.")
        }
    }

    /// The cursor to save with a draft.
    public var cursor: Int? {
        if case .question(let i) = screen { return i }
        return nil
    }

    // MARK: Derived facts

    /// The tourism case chosen on this sheet, if any.
    public var variant: Int? { answers.values.compactMap(\.variant).first }

    /// A conditional criterion applies only when its condition holds (5.2 needs a product story).
    public func isApplicable(_ index: Int) -> Bool {
        guard let condition = criteria[index].condition else { return true }
        guard let answer = answers[condition.criterion] else { return true }
        return answer.points >= condition.minPoints
    }

    /// Applicable criteria without an answer, in sheet order.
    public var missing: [String] { criteria.indices.filter { isApplicable($0) && answers[criteria[$0].code] == nil }.map { criteria[$0].code } }

    private var firstMissing: Int? { criteria.indices.first { isApplicable($0) && answers[criteria[$0].code] == nil } }

    public var isComplete: Bool { missing.isEmpty }

    public func partTotals() -> [PartCode: Int] {
        var totals: [PartCode: Int] = [:]
        for part in productSet.parts { totals[part.code] = 0 }
        for (i, c) in criteria.enumerated() where isApplicable(i) {
            totals[c.part, default: 0] += answers[c.code]?.points ?? 0
        }
        return totals
    }

    public var total: Int { partTotals().values.reduce(0, +) }

    /// The sheet as answered (non-applicable answers dropped).
    public func sheet(label: String) -> ScoreSheet {
        var kept: [String: SheetAnswer] = [:]
        for (i, c) in criteria.enumerated() where isApplicable(i) {
            if let a = answers[c.code] { kept[c.code] = a }
        }
        return ScoreSheet(label: label, answers: kept)
    }

    /// The options shown for criterion `index`, numbered from 1 (restricted to the chosen case).
    public func shownOptions(_ index: Int) -> [RubricOption] {
        let c = criteria[index]
        guard c.hasVariants, let v = variantOtherThan(index) else { return c.options }
        return c.options.filter { $0.variant == nil || $0.variant == v }
    }

    /// The keys of criterion `index`: key 0 is the 0-point answer — the sheet's own 0-point
    /// option when it has one (387 criteria of QĐ 26 do, e.g. "Không được cấp giấy chứng nhận"),
    /// else "none of the options applies" — and keys 1… are the other shown options in order.
    /// So one answer never has two keys, and on most criteria the key is the points.
    public func keyedOptions(_ index: Int) -> (zero: RubricOption?, numbered: [RubricOption]) {
        let options = shownOptions(index)
        guard let z = options.firstIndex(where: { $0.points == 0 && $0.variant == nil }) else { return (nil, options) }
        var numbered = options
        return (numbered.remove(at: z), numbered)
    }

    /// The case chosen on another criterion (so this one can still switch when it is the only one).
    private func variantOtherThan(_ index: Int) -> Int? {
        let code = criteria[index].code
        return answers.first { $0.key != code && $0.value.variant != nil }?.value.variant
    }

    private func nextApplicable(after index: Int) -> Int? {
        var i = index + 1
        while i < criteria.count {
            if isApplicable(i) { return i }
            i += 1
        }
        return nil
    }

    private func previousApplicable(before index: Int) -> Int? {
        var i = index - 1
        while i >= 0 {
            if isApplicable(i) { return i }
            i -= 1
        }
        return nil
    }

    // MARK: Keys

    public mutating func handle(_ key: Key) -> Effect {
        notice = nil
        switch screen {
        case .question(let i):
            switch key {
            case .digit(let n):
                let options = keyedOptions(i).numbered
                let c = criteria[i]
                if n == 0 {
                    answers[c.code] = SheetAnswer(points: 0)
                } else if n >= 1, n <= options.count {
                    let option = options[n - 1]
                    answers[c.code] = SheetAnswer(points: option.points, variant: c.hasVariants ? option.variant : nil)
                } else {
                    notice = LocalizedText(vi: "Không có phương án \(n).", en: "There is no option \(n).")
                    return .none
                }
                // Drop answers a changed condition no longer allows.
                for (j, other) in criteria.enumerated() where !isApplicable(j) { answers[other.code] = nil }
                screen = nextApplicable(after: i).map(Screen.question) ?? .review
                return .saveDraft
            case .skip:
                screen = nextApplicable(after: i).map(Screen.question) ?? .review
                return .none
            case .back:
                if let p = previousApplicable(before: i) { screen = .question(p) }
                return .none
            case .review, .enter:
                screen = .review
                return .none
            case .quit:
                screen = .quit
                return .quit
            case .yes, .no, .other:
                return .none
            }
        case .review:
            switch key {
            case .enter, .yes:
                if let first = firstMissing {
                    notice = LocalizedText(vi: "Phiếu chưa đủ: còn thiếu \(missing.joined(separator: ", ")).",
                                           en: "The sheet is incomplete: \(missing.joined(separator: ", ")) still to answer.")
                    screen = .question(first)
                    return .none
                }
                screen = .confirm
                return .none
            case .back:
                screen = .question(previousApplicable(before: criteria.count) ?? 0)
                return .none
            case .skip, .digit:
                screen = .question(firstMissing ?? 0)
                return .none
            case .quit:
                screen = .quit
                return .quit
            case .review, .no, .other:
                return .none
            }
        case .confirm:
            switch key {
            case .yes:
                screen = .submitted
                return .submit
            case .no, .back, .enter:
                // Enter is not a confirmation: a stray key must not submit a sheet.
                screen = .review
                return .none
            case .quit:
                screen = .quit
                return .quit
            default:
                return .none
            }
        case .submitted, .quit:
            return .none
        }
    }

    // MARK: Rendering

    /// The screen as lines of plain text (no escape codes).
    public func render(_ language: Language) -> [String] {
        let vi = language == .vi
        var lines: [String] = [title]
        let totals = partTotals()
        let parts = productSet.parts.map { "\($0.code.rawValue) \(totals[$0.code] ?? 0)/\($0.max)" }.joined(separator: " · ")
        let answered = criteria.indices.filter { isApplicable($0) && answers[criteria[$0].code] != nil }.count
        let applicable = criteria.indices.filter(isApplicable).count
        lines.append((vi ? "Đã chấm \(answered)/\(applicable) · " : "Answered \(answered)/\(applicable) · ") + parts + (vi ? " · Tổng \(total)" : " · Total \(total)"))
        lines.append("")
        switch screen {
        case .question(let i):
            let c = criteria[i]
            let part = productSet.parts.first { $0.code == c.part }
            lines.append((vi ? "Phần \(c.part.rawValue)" : "Part \(c.part.rawValue)") + (part.map { " — \($0.title)" } ?? "")
                + (vi ? " · câu \(i + 1)/\(criteria.count)" : " · item \(i + 1)/\(criteria.count)"))
            lines.append("\(c.code). \(c.title) (\(vi ? "tối đa" : "max") \(c.max))")
            if let condition = c.condition { lines.append("  (" + condition.text + ")") }
            for line in evidence[c.code] ?? [] { lines.append("  " + line) }
            let current = answers[c.code]
            let (zero, options) = keyedOptions(i)
            let noneChosen = current?.points == 0
            lines.append("  \(noneChosen ? "●" : " ") [0] " + (zero.map { "\($0.text) — 0 " + (vi ? "điểm" : "pt") }
                ?? (vi ? "Không đạt phương án nào — 0 điểm" : "None of the options applies — 0 points")))
            for (k, option) in options.enumerated() {
                let chosen = current.map { $0.points == option.points && (option.variant == nil || $0.variant == option.variant) && $0.points != 0 } ?? false
                var line = "  \(chosen ? "●" : " ") [\(k + 1)] "
                if let v = option.variant { line += (vi ? "TH\(v): " : "case \(v): ") }
                line += "\(option.text) — \(option.points) " + (vi ? "điểm" : "pt")
                if let stars = option.minStars { line += "  " + String(repeating: "★", count: stars) + (vi ? " (tối thiểu \(stars) sao)" : " (\(stars)★ minimum)") }
                lines.append(line)
            }
            lines.append("")
            lines.append(vi ? "Phím: 0–\(options.count) chọn · b quay lại · s bỏ qua · r xem lại · q thoát (đã lưu nháp)"
                : "Keys: 0–\(options.count) choose · b back · s skip · r review · q quit (draft is saved)")
        case .review:
            lines.append(vi ? "XEM LẠI PHIẾU" : "REVIEW")
            for part in productSet.parts {
                lines.append((vi ? "Phần " : "Part ") + "\(part.code.rawValue) — \(part.title): \(totals[part.code] ?? 0)/\(part.max)")
                for (i, c) in criteria.enumerated() where c.part == part.code {
                    let value: String
                    if !isApplicable(i) { value = vi ? "không áp dụng" : "n/a" }
                    else if let a = answers[c.code] { value = "\(a.points)" + (a.variant.map { vi ? " (TH\($0))" : " (case \($0))" } ?? "") }
                    else { value = "—" }
                    lines.append("  \(c.code) \(c.shortTitle): \(value)")
                }
            }
            if missing.isEmpty {
                lines.append(vi ? "Đủ các tiêu chí. Enter: nộp phiếu · b quay lại · q thoát" : "Complete. Enter: submit · b back · q quit")
            } else {
                lines.append((vi ? "Còn thiếu: " : "Missing: ") + missing.joined(separator: ", "))
                lines.append(vi ? "s: đến tiêu chí còn thiếu · b quay lại · q thoát" : "s: go to the first missing item · b back · q quit")
            }
        case .confirm:
            lines.append(vi ? "Nộp phiếu với tổng \(total) điểm? Sau khi nộp không sửa được (chỉ đính chính bằng phiên bản mới). y: nộp · n: xem lại"
                : "Submit the sheet with \(englishCount(total, "point"))? A submitted sheet cannot be changed (only corrected by a new version). y: submit · n: review")
        case .submitted:
            lines.append(vi ? "Đã nộp phiếu." : "Sheet submitted.")
        case .quit:
            lines.append(vi ? "Đã lưu nháp; chạy lại lệnh để tiếp tục." : "Draft saved; run the command again to resume.")
        }
        if let notice { lines.append(""); lines.append("! " + notice(language)) }
        return lines
    }
}
