import ArgumentParser
import Foundation
import OCOPDomain
import OCOPRubrics

/// `ocop rubric …`: the official criteria sets as data.
struct RubricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Bộ tiêu chí đánh giá (QĐ 26/2026) / the official rubric.",
        subcommands: [RubricListCommand.self, RubricShowCommand.self, RubricSheetCommand.self,
                      RubricExportCommand.self, RubricValidateCommand.self])
}

struct RubricVersionOption: ParsableArguments {
    @Option(help: "Phiên bản bộ tiêu chí / rubric version.")
    var rubric: String = RubricVersionID.qd26_2026.rawValue
    var id: RubricVersionID { RubricVersionID(rubric) }
}

struct RubricListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê các bộ sản phẩm / list sets.")
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption

    func run() async throws {
        let language = lang.language
        do {
            let catalog = try RubricCatalog.bundled()
            for id in catalog.versionIDs {
                let v = try catalog.version(id).version
                let tag = v.hasTables ? "" : (language == .vi ? " — chỉ thông tin, không có bảng điểm" : " — metadata only, no point tables")
                print("\(id.rawValue)  \(v.decree)  \(v.effectiveFrom)\(tag)")
            }
            let loaded = try catalog.version(version.id)
            print("")
            for set in loaded.sets {
                print(String(format: "%2d  ", set.number) + "\(set.title)  [\(set.category)\(set.group.map { " / \($0)" } ?? "")]")
            }
        } catch { throw report(error, language: language) }
    }
}

struct RubricShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Hiển thị phiếu của một bộ / show a set's sheet.")
    @Argument(help: "Số bộ (1–26).") var set: Int
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption

    func run() async throws {
        let language = lang.language
        do {
            let set = try RubricCatalog.bundled().productSet(self.set, version: version.id)
            print(RubricRender.show(set, language: language))
        } catch { throw report(error, language: language) }
    }
}

struct RubricSheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sheet", abstract: "Phiếu chấm điểm trống để in / blank paper sheet.")
    @Argument(help: "Số bộ (1–26).") var set: Int
    @OptionGroup var version: RubricVersionOption
    @OptionGroup var lang: LanguageOption

    func run() async throws {
        let language = lang.language
        do {
            let set = try RubricCatalog.bundled().productSet(self.set, version: version.id)
            print(RubricRender.blankSheet(set))
        } catch { throw report(error, language: language) }
    }
}

struct RubricExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Xuất toàn bộ bộ tiêu chí (JSON) / export all sets.")
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
        let criteria: [ExportCriterion]
    }
    struct Export: Encodable { let rubric: String; let contentHash: String; let sets: [ExportSet] }

    func run() async throws {
        let language = lang.language
        do {
            guard format == .json else { throw UserFacingError("--format json", code: ExitStatus.usage) }
            let loaded = try RubricCatalog.bundled().version(version.id)
            guard loaded.version.hasTables else { throw RubricError.noTables(version.id) }
            let export = Export(rubric: loaded.version.id.rawValue, contentHash: loaded.contentHash, sets: loaded.sets.map { set in
                ExportSet(set: set.number, title: set.title, category: set.category, group: set.group,
                          contentHash: loaded.setHashes[set.number] ?? "",
                          criteria: set.scorableCriteria.map { c in
                              ExportCriterion(code: c.code, title: c.title, part: c.part.rawValue, max: c.max, yesNo: c.isYesNo,
                                              condition: c.condition?.criterion, variants: c.variants.map(\.number),
                                              options: c.options.map { ExportOption(points: $0.points, minStars: $0.minStars,
                                                                                     variant: $0.variant, text: $0.text) })
                          })
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(export)
            print(String(decoding: data, as: UTF8.self))
        } catch { throw report(error, language: language) }
    }
}

struct RubricValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Kiểm tra các tệp bộ tiêu chí / validate rubric files.")
    @Argument(help: "Thư mục scoring/ (mặc định: bộ đi kèm chương trình).") var directory: String?
    @OptionGroup var lang: LanguageOption

    func run() async throws {
        let language = lang.language
        do {
            let url = directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ShareDirectory.scoring
            let catalog = try RubricCatalog.load(from: url)
            for id in catalog.versionIDs {
                let v = try catalog.version(id)
                let sets = v.version.hasTables ? "\(v.sets.count) " + (language == .vi ? "bộ" : "sets") : (language == .vi ? "chỉ thông tin" : "metadata only")
                print("\(id.rawValue): OK, \(sets), sha256 \(v.contentHash)")
            }
        } catch { throw report(error, language: language) }
    }
}
