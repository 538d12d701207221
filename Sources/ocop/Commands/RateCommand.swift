import ArgumentParser
import Foundation
import OCOPDomain
import OCOPRubrics

/// `ocop rate`: a stateless calculator over one or more member sheets (no database).
struct RateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Tính điểm, hạng sao từ phiếu chấm (không dùng cơ sở dữ liệu) / rate score sheets.",
        discussion: """
        A sheet file is YAML or JSON mapping criterion code to points, e.g. "1.1": 3. A tourism \
        criterion with two cases takes {variant: 1, points: 3}. Optional keys: member (label), \
        knockOuts (["hồ sơ" or criterion codes]). 0 means "none of the options applies". \
        See docs/rating.md.
        """)

    @Option(name: .customLong("set"), help: "Số bộ sản phẩm (1–26) / product set number.")
    var setNumber: Int

    @Option(help: "Phiên bản bộ tiêu chí / rubric version.")
    var rubric: String = RubricVersionID.qd26_2026.rawValue

    @Option(name: .customLong("sheet"), help: "Tệp phiếu chấm (YAML/JSON), lặp lại cho mỗi thành viên / sheet file, repeatable.")
    var sheets: [String] = []

    @Option(help: "text hoặc json.")
    var format: OutputFormat = .text

    @OptionGroup var lang: LanguageOption

    func run() async throws {
        let language = lang.language
        do {
            guard !sheets.isEmpty else {
                throw UserFacingError(language == .vi ? "Cần ít nhất một --sheet" : "At least one --sheet is needed",
                                      code: ExitStatus.usage)
            }
            guard format == .text || format == .json else {
                throw UserFacingError(language == .vi ? "--format chỉ nhận text hoặc json" : "--format takes text or json",
                                      code: ExitStatus.usage)
            }
            let catalog = try RubricCatalog.bundled()
            let set = try catalog.productSet(setNumber, version: RubricVersionID(rubric))
            var parsed: [ScoreSheet] = []
            var problems: [SheetProblem] = []
            for path in sheets {
                let url = URL(fileURLWithPath: path)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw UserFacingError((language == .vi ? "Không đọc được tệp " : "Cannot read file ") + path,
                                          code: ExitStatus.noInput)
                }
                switch SheetFile.parse(text, label: url.lastPathComponent) {
                case .success(let sheet): parsed.append(sheet)
                case .failure(let error): problems += error.problems
                }
            }
            if !problems.isEmpty {
                // Report file-level problems together with the rubric problems of the readable sheets.
                let engine = RatingEngine(productSet: set)
                for sheet in parsed { problems += engine.validate(sheet) }
                throw SheetValidationError(setNumber: setNumber, problems: problems)
            }
            let result = try RatingEngine(productSet: set).rate(parsed)
            switch format {
            case .json: print(RateOutput.json(result, language: language))
            default: print(RateOutput.text(result, set: set, language: language))
            }
        } catch {
            throw report(error, language: language)
        }
    }
}

/// Renders a `RatingResult` for people (text) and machines (JSON).
enum RateOutput {
    struct JSONResult: Encodable {
        struct Member: Encodable { let label: String; let total: Int; let parts: [String: Int] }
        struct Unmet: Encodable { let criterion: String; let title: String; let stars: Int; let required: Int; let mean: String }
        struct Disagreement: Encodable {
            let criterion: String; let stars: Int; let required: Int; let met: Bool; let membersBelow: [String]
        }
        struct KnockOut: Encodable { let knockOut: String; let clause: String; let declaredBy: [String] }
        let rubric: String
        let set: Int
        let title: String
        let average: String
        let band: Int
        let starsByMinimums: Int
        let stars: Int?
        let recognised: Bool
        let proposedToCentral: Bool
        let disqualified: Bool
        let knockOuts: [KnockOut]
        let members: [Member]
        let spread: Int
        let unmetMinimums: [Unmet]
        let minimumDisagreements: [Disagreement]
        let reasons: [String]

        enum CodingKeys: String, CodingKey {
            case rubric, set, title, average, band, starsByMinimums, stars, recognised, proposedToCentral,
                 disqualified, knockOuts, members, spread, unmetMinimums, minimumDisagreements, reasons
        }
        // `stars` is always present: null when disqualified.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rubric, forKey: .rubric); try c.encode(set, forKey: .set); try c.encode(title, forKey: .title)
            try c.encode(average, forKey: .average); try c.encode(band, forKey: .band)
            try c.encode(starsByMinimums, forKey: .starsByMinimums); try c.encode(stars, forKey: .stars)
            try c.encode(recognised, forKey: .recognised); try c.encode(proposedToCentral, forKey: .proposedToCentral)
            try c.encode(disqualified, forKey: .disqualified); try c.encode(knockOuts, forKey: .knockOuts)
            try c.encode(members, forKey: .members); try c.encode(spread, forKey: .spread)
            try c.encode(unmetMinimums, forKey: .unmetMinimums)
            try c.encode(minimumDisagreements, forKey: .minimumDisagreements); try c.encode(reasons, forKey: .reasons)
        }
    }

    static func json(_ r: RatingResult, language: Language) -> String {
        let out = JSONResult(
            rubric: r.version.rawValue, set: r.setNumber, title: r.setTitle, average: r.average.plain, band: r.band,
            starsByMinimums: r.starsByMinimums, stars: r.stars, recognised: r.recognised,
            proposedToCentral: r.proposedToCentral, disqualified: r.disqualified,
            knockOuts: r.knockOuts.map { .init(knockOut: $0.declaration.description, clause: $0.clause, declaredBy: $0.declaredBy) },
            members: r.members.map { m in
                .init(label: m.label, total: m.total, parts: Dictionary(uniqueKeysWithValues: m.parts.map { ($0.key.rawValue, $0.value) }))
            },
            spread: r.spread,
            unmetMinimums: r.unmetMinimums.map {
                .init(criterion: $0.criterion, title: $0.title, stars: $0.stars, required: $0.required, mean: $0.mean.plain)
            },
            minimumDisagreements: r.minimumDisagreements.map {
                .init(criterion: $0.criterion, stars: $0.stars, required: $0.required, met: $0.met, membersBelow: $0.membersBelow)
            },
            reasons: r.explanation(language))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(out)) ?? Data(), as: UTF8.self)
    }

    static func text(_ r: RatingResult, set: ProductSet, language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        lines.append(vi ? "Bộ \(r.setNumber). \(r.setTitle) — \(r.version)" : "Set \(r.setNumber). \(r.setTitle) — \(r.version)")
        for m in r.members {
            let parts = PartCode.allCases.map { "\($0.rawValue) \(m.parts[$0] ?? 0)" }.joined(separator: ", ")
            lines.append("  \(m.label): \(m.total) (\(parts))")
        }
        lines.append((vi ? "Điểm trung bình: " : "Average: ") + r.average.display(language))
        let result: String
        if r.disqualified {
            result = vi ? "Bị loại" : "Disqualified"
        } else if let stars = r.stars {
            let tag = r.proposedToCentral ? (vi ? " (đề xuất trung ương)" : " (proposed to the central council)")
                : r.recognised ? "" : (vi ? " (không công nhận)" : " (not recognised)")
            result = "\(stars)★" + tag
        } else { result = "—" }
        lines.append((vi ? "Kết quả: " : "Result: ") + result)
        if r.members.count > 1 { lines.append((vi ? "Chênh lệch: " : "Spread: ") + "\(r.spread)") }
        lines.append(vi ? "Lý do:" : "Reasons:")
        lines += r.explanation(language).map { "  - " + $0 }
        return lines.joined(separator: "\n")
    }
}
