import ArgumentParser
import Foundation
import OCOPDomain
import OCOPApp
import OCOPModels

/// `ocop rubric …`: the official criteria sets as data.
struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: L("Bộ tiêu chí đánh giá (QĐ 26/2026).", "The official rubric (QĐ 26/2026)."),
        subcommands: [RubricListCommand.self, RubricShowCommand.self, RubricSheetCommand.self,
                      RubricExportCommand.self, RubricValidateCommand.self])
}

struct RubricVersionOption: ParsableArguments {
    @Option(help: ArgumentHelp(L("Phiên bản bộ tiêu chí.", "Rubric version.")))
    var rubric: String = RubricVersionID.qd26_2026.rawValue
    var id: RubricVersionID { RubricVersionID(rubric) }
}

struct RubricListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L("Liệt kê các bộ sản phẩm.", "List the product sets."))
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption
    @Option(help: "table | json | csv") var format: OutputFormat = .table

    struct ListedVersion: Encodable { let id: String; let decree: String; let effectiveFrom: String; let hasTables: Bool }
    struct ListedSet: Encodable { let set: Int; let title: String; let category: String; let group: String? }
    struct Listing: Encodable { let versions: [ListedVersion]; let rubric: String; let sets: [ListedSet] }

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            try require(format, in: [.table, .json, .csv])
            let catalog = try workbench().catalog()
            let versions = try catalog.versionIDs.map { id in
                let v = try catalog.version(id).version
                return ListedVersion(id: id.rawValue, decree: v.decree, effectiveFrom: v.effectiveFrom, hasTables: v.hasTables)
            }
            let sets = try catalog.version(version.id).sets.map { ListedSet(set: $0.number, title: $0.title, category: $0.category, group: $0.group) }
            switch format {
            case .json:
                Output.write(Output.json(Listing(versions: versions, rubric: version.id.rawValue, sets: sets)))
            case .csv:
                Output.write(Output.csv(headers: ["set", "title", "category", "group"],
                                        rows: sets.map { [String($0.set), $0.title, $0.category, $0.group ?? ""] }))
            default:
                for v in versions {
                    let tag = v.hasTables ? "" : (language == .vi ? " — chỉ thông tin, không có bảng điểm" : " — metadata only, no point tables")
                    Output.write("\(v.id)  \(v.decree)  \(v.effectiveFrom)\(tag)")
                }
                Output.write("")
                for set in sets {
                    Output.write(String(format: "%2d  ", set.set) + "\(set.title)  [\(set.category)\(set.group.map { " / \($0)" } ?? "")]")
                }
            }
        }
    }
}

struct RubricShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: L("Hiển thị phiếu của một bộ.", "Show a set's sheet."),
        discussion: L("--format csv: một dòng cho mỗi phương án của mỗi tiêu chí chấm điểm (mã, điểm, dấu sao), "
                      + "để lập tệp phiếu hoặc tệp nhập điểm (docs/council.md); --format json: như một bộ của ocop rubric export.",
                      "--format csv: one line per option of each scorable criterion (code, points, star marker), "
                      + "to build sheet files or score imports (docs/council.md); --format json: one set as ocop rubric export writes it."))
    @Argument(help: ArgumentHelp(L("Số bộ (1–26).", "Set number (1–26)."))) var set: Int
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption
    @Option(help: "text | json | csv") var format: OutputFormat = .text

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            try require(format, in: [.text, .json, .csv])
            let catalog = try workbench().catalog()
            let set = try catalog.productSet(self.set, version: version.id)
            switch format {
            case .json:
                let loaded = try catalog.version(version.id)
                Output.write(Output.json(RubricExportCommand.ExportSet(set, contentHash: loaded.setHashes[set.number] ?? "", rubric: loaded.version.id.rawValue)))
            case .csv:
                Output.write(Output.csv(headers: ["criterion", "title", "part", "max", "variant", "points", "option", "min_stars"],
                                        rows: set.scorableCriteria.flatMap { c in
                                            c.options.map { o in
                                                [c.code, c.title, c.part.rawValue, String(c.max), o.variant.map(String.init) ?? "",
                                                 String(o.points), o.text, o.minStars.map(String.init) ?? ""]
                                            }
                                        }))
            default:
                Output.write(RubricRender.show(set, language: language))
            }
        }
    }
}

struct RubricSheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: L("Phiếu chấm điểm trống để in.", "A blank paper sheet."),
        discussion: L("--pdf in phiếu như Phụ lục II Quyết định 26/2026/QĐ-TTg (khổ A4, có ô đánh dấu và dòng ký tên).",
                      "--pdf prints the sheet as Annex II of Decision 26/2026/QĐ-TTg does (A4, tick boxes, signature lines)."))
    @Argument(help: ArgumentHelp(L("Số bộ (1–26).", "Set number (1–26)."))) var set: Int
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption
    @Flag(help: L("In phiếu ra tệp PDF.", "Print the sheet to a PDF file.")) var pdf = false
    @OptionGroup var output: PDFOutputOption

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            if pdf || output.path != nil {
                try output.check()
                let document = try workbench().blankSheetDocument(set: self.set, version: version.id, language: language)
                try output.write(try documentPrinter().pdf(document), defaultName: "phieu-bo-\(self.set < 10 ? "0" : "")\(self.set).pdf", language)
                return
            }
            let set = try workbench().catalog().productSet(self.set, version: version.id)
            Output.write(RubricRender.blankSheet(set, language: language))
        }
    }
}

struct RubricExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: L("Xuất toàn bộ bộ tiêu chí (JSON).", "Export every set (JSON)."))
    @Option(help: "json") var format: OutputFormat = .json
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption

    struct ExportOption: Encodable {
        let points: Int; let minStars: Int?; let variant: Int?; let text: String
        enum CodingKeys: String, CodingKey { case points, minStars, variant, text }
        // minStars is always present (null when unmarked), as consumers expect.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(points, forKey: .points)
            try c.encode(minStars, forKey: .minStars)
            try c.encodeIfPresent(variant, forKey: .variant)
            try c.encode(text, forKey: .text)
        }
    }
    struct ExportCriterion: Encodable {
        let code: String; let title: String; let part: String; let max: Int; let yesNo: Bool
        let condition: String?; let variants: [Int]; let options: [ExportOption]
    }
    struct ExportSet: Encodable {
        let set: Int; let title: String; let category: String; let group: String?; let contentHash: String
        /// Only when a set is written alone (`rubric show --format json`); the export names it once.
        let rubric: String?
        let criteria: [ExportCriterion]

        init(_ set: ProductSet, contentHash: String, rubric: String? = nil) {
            self.set = set.number
            title = set.title
            category = set.category
            group = set.group
            self.contentHash = contentHash
            self.rubric = rubric
            criteria = set.scorableCriteria.map { c in
                ExportCriterion(code: c.code, title: c.title, part: c.part.rawValue, max: c.max, yesNo: c.isYesNo,
                                condition: c.condition?.criterion, variants: c.variants.map(\.number),
                                options: c.options.map { ExportOption(points: $0.points, minStars: $0.minStars, variant: $0.variant, text: $0.text) })
            }
        }
    }
    struct Export: Encodable { let rubric: String; let contentHash: String; let sets: [ExportSet] }

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            try require(format, in: [.json])
            let loaded = try workbench().catalog().version(version.id)
            _ = try workbench().productSet(1, version: version.id)  // refuses a version without tables
            let export = Export(rubric: loaded.version.id.rawValue, contentHash: loaded.contentHash, sets: loaded.sets.map { set in
                ExportSet(set, contentHash: loaded.setHashes[set.number] ?? "")
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(export)
            Output.write(String(decoding: data, as: UTF8.self))
        }
    }
}

struct RubricValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: L("Kiểm tra các tệp bộ tiêu chí.", "Validate rubric files."))
    @Argument(help: ArgumentHelp(L("Thư mục scoring/ (mặc định: bộ đi kèm chương trình).", "A scoring/ folder (default: the shipped one)."))) var directory: String?
    @OptionGroup var lang: LanguageOption

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            let catalog = try workbench().validateRubric(at: directory.map { URL(fileURLWithPath: $0, isDirectory: true) })
            for id in catalog.versionIDs {
                let v = try catalog.version(id)
                let sets = v.version.hasTables ? "\(v.sets.count) " + (language == .vi ? "bộ" : "sets") : (language == .vi ? "chỉ thông tin" : "metadata only")
                Output.write("\(id.rawValue): OK, \(sets), sha256 \(v.contentHash)")
            }
        }
    }
}
