import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop rate`: a stateless calculator over one or more member sheets (no database).
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: L("Tính điểm, hạng sao từ phiếu chấm (không dùng cơ sở dữ liệu).", "Rate score sheets (no database)."),
        discussion: L("""
            Tệp phiếu là YAML hoặc JSON, mỗi mã tiêu chí một điểm, vd. "1.1": 3. Tiêu chí du lịch có hai trường hợp viết \
            {variant: 1, points: 3}. Khóa tùy chọn: member (tên), set (số bộ; phiếu của bộ khác bị từ chối), knockOuts (["hồ sơ" hoặc mã tiêu chí]). 0 nghĩa là không đạt \
            phương án nào. Xem docs/rating.md.
            """, """
            A sheet file is YAML or JSON mapping criterion code to points, e.g. "1.1": 3. A tourism criterion with two cases \
            takes {variant: 1, points: 3}. Optional keys: member (label), set (the set number; a sheet of another set is refused), knockOuts (["hồ sơ" or criterion codes]). 0 means \
            "none of the options applies". See docs/rating.md.
            """))

    @Option(name: .customLong("set"), help: L("Số bộ sản phẩm (1–26).", "Product set number (1–26).")) var setNumber: Int
    @Option(help: L("Phiên bản bộ tiêu chí.", "Rubric version.")) var rubric: String = RubricVersionID.qd26_2026.rawValue
    @Option(name: .customLong("sheet"), help: L("Tệp phiếu chấm (YAML/JSON), lặp lại cho mỗi thành viên.", "Sheet file (YAML/JSON), repeat for each member.")) var sheets: [String] = []
    @Option(help: "text | json") var format: OutputFormat = .text
    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            try require(format, in: [.text, .json])
            guard !sheets.isEmpty else { throw UsageError(message: LocalizedText(vi: "Cần ít nhất một --sheet.", en: "At least one --sheet is needed.")) }
            let bench = try workbench()
            let result = try bench.rate(set: setNumber, version: RubricVersionID(rubric), sheetFiles: sheets)
            Output.write(format == .json ? Output.json(RatingJSON(result, language: language)) : RateRender.text(result, language: language))
        }
    }
}

enum RateRender {
    static func text(_ r: RatingResult, language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        lines.append(vi ? "Bộ \(r.setNumber). \(r.setTitle) — \(r.version)" : "Set \(r.setNumber). \(r.setTitle) — \(r.version)")
        for m in r.members {
            let parts = PartCode.allCases.map { "\($0.rawValue) \(m.parts[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("  \(Output.terminalSafe(m.label)): \(m.total) (\(parts))")
        }
        lines.append((vi ? "Điểm trung bình: " : "Average: ") + r.average.display(language))
        lines.append((vi ? "Kết quả: " : "Result: ") + (r.disqualified ? (vi ? "Bị loại" : "Disqualified") : CouncilRender.stars(r, language)))
        if r.members.count > 1 { lines.append((vi ? "Chênh lệch: " : "Spread: ") + "\(r.spread)") }
        lines.append(vi ? "Lý do:" : "Reasons:")
        lines += r.explanation(language).map { "  - " + Output.terminalSafe($0) }
        return lines.joined(separator: "\n")
    }
}
