import ArgumentParser
import ConsoleKitTerminal
import Foundation
import OCOPDomain
import OCOPRubrics
import OCOPStore
import Postgres

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập dữ liệu từ CSV / import CSV files, all or nothing.",
        discussion: """
        KIND is provinces, communes, producers, products or recognitions (star history). The file \
        is UTF-8 CSV with a header row; columns are listed in docs/import.md and by --columns. \
        Every bad line is reported with its line number and nothing is written unless every \
        line is good.
        """
    )

    @OptionGroup var lang: LanguageOption
    @OptionGroup var actor: ActorOption
    @Argument(help: "provinces | communes | producers | products | recognitions") var kind: String
    @Argument(help: "Tệp CSV.") var file: String?
    @Flag(name: .long, help: "In danh sách cột của loại dữ liệu / print the columns of KIND.") var columns = false
    @Option(name: .long, help: "Năm dùng trong mã sản phẩm khi tệp không có cột year.") var year: Int?

    func run() throws {
        try runReporting(lang.language) {
            let vi = lang.language == .vi
            guard let kind = ImportKind(rawValue: kind) else {
                throw UserFacingError(vi
                    ? "Loại dữ liệu \"\(self.kind)\" không hợp lệ; chọn: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", "))."
                    : "Unknown kind \"\(self.kind)\"; choose: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")).", code: ExitStatus.usage)
            }
            if columns {
                Output.write((vi ? "Bắt buộc: " : "Required: ") + kind.requiredColumns.joined(separator: ",") + "\n"
                             + (vi ? "Tùy chọn: " : "Optional: ") + kind.optionalColumns.joined(separator: ","))
                return
            }
            guard let file else {
                throw UserFacingError(vi ? "Thiếu tên tệp CSV." : "Missing the CSV file.", code: ExitStatus.usage)
            }
            let workbench = Workbench(actor: actor.actor, language: lang.language)
            let count = try Self.importFile(kind, path: file, workbench: workbench, defaultYear: year)
            Output.write(vi ? "Đã nhập \(count) dòng \(kind.rawValue) từ \(file)." : "Imported \(count) \(kind.rawValue) row(s) from \(file).")
        }
    }

    /// Shared with `ocop demo`.
    static func importFile(_ kind: ImportKind, path: String, workbench: Workbench, defaultYear: Int?, connection existing: Connection? = nil) throws -> Int {
        let (header, records) = try CSVFile.read(path, language: workbench.language)
        try RegistryImport.checkHeader(header, kind: kind, file: path)
        let connection = try existing ?? workbench.connect()
        if kind == .recognitions {
            try RubricStore(connection).sync(try RubricCatalog.bundled())
        }
        let bar = ProgressReporter(title: path, total: records.count)
        defer { bar.finish() }
        return try RegistryImport(connection, actor: workbench.actor).run(
            kind, records: records, file: path,
            defaultYear: defaultYear ?? Calendar(identifier: .gregorian).component(.year, from: Date()),
            progress: bar.update
        )
    }
}

/// A progress bar for long files, only when the output is a terminal.
final class ProgressReporter {
    private let indicator: ActivityIndicator<ProgressBar>?
    private let total: Int

    init(title: String, total: Int) {
        self.total = total
        if total >= 500, isatty(STDOUT_FILENO) == 1 {
            let indicator = Terminal().progressBar(title: title)
            indicator.start()
            self.indicator = indicator
        } else {
            indicator = nil
        }
    }

    func update(_ done: Int, _ total: Int) {
        guard let indicator, done % 50 == 0 || done == total else { return }
        indicator.activity.currentProgress = Double(done) / Double(max(total, 1))
    }

    func finish() {
        indicator?.succeed()
    }
}
