import ArgumentParser
import ConsoleKitTerminal
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: L("Nhập dữ liệu từ CSV, tất cả hoặc không gì cả.", "Import CSV files, all or nothing."),
        discussion: L("""
            KIND là provinces, communes, producers, products hoặc recognitions (lịch sử hạng sao). Tệp CSV UTF-8 có dòng tiêu đề; \
            các cột có trong docs/import.md và trong --columns. Mọi dòng lỗi được báo kèm số dòng, và không dòng nào được ghi nếu \
            còn một dòng lỗi.
            """, """
            KIND is provinces, communes, producers, products or recognitions (star history). The file is UTF-8 CSV with a \
            header row; columns are listed in docs/import.md and by --columns. Every bad line is reported with its line \
            number and nothing is written unless every line is good.
            """)
    )

    @OptionGroup var lang: LanguageOption
    @OptionGroup var actor: ActorOption
    @Argument(help: "provinces | communes | producers | products | recognitions") var kind: String
    @Argument(help: L("Tệp CSV.", "The CSV file.")) var file: String?
    @Flag(name: .long, help: L("In danh sách cột của loại dữ liệu.", "Print the columns of KIND.")) var columns = false
    @Option(name: .long, help: L("Năm dùng trong mã sản phẩm khi tệp không có cột year.", "Year for product codes when the file has no year column.")) var year: Int?

    func run() throws {
        let language = lang.language
        let vi = language == .vi
        try runReporting(language) {
            let kind = try choice(self.kind, field: "kind", allowed: ImportKind.allCases.map(\.rawValue), ImportKind.init(rawValue:))
            if columns {
                Output.write((vi ? "Bắt buộc: " : "Required: ") + kind.requiredColumns.joined(separator: ",") + "\n"
                             + (vi ? "Tùy chọn: " : "Optional: ") + kind.optionalColumns.joined(separator: ","))
                return
            }
            guard let file else { throw UsageError(message: LocalizedText(vi: "Thiếu tên tệp CSV.", en: "Missing the CSV file.")) }
            let progress = ProgressReporter(title: file)
            defer { progress.finish() }
            let count = try workbench(actor).importRegistry(kind, file: file, defaultYear: year, progress: progress.update)
            Output.write(vi ? "Đã nhập \(count) dòng \(kind.rawValue) từ \(file)." : "Imported \(count) \(kind.rawValue) row(s) from \(file).")
        }
    }
}

/// A progress bar for long files, only when the output is a terminal.
final class ProgressReporter {
    private var indicator: ActivityIndicator<ProgressBar>?
    private let title: String

    init(title: String) { self.title = title }

    func update(_ done: Int, _ total: Int) {
        if indicator == nil, total >= 500, isatty(STDOUT_FILENO) == 1 {
            indicator = Terminal().progressBar(title: title)
            indicator?.start()
        }
        guard let indicator, done % 50 == 0 || done == total else { return }
        indicator.activity.currentProgress = Double(done) / Double(max(total, 1))
    }

    func finish() { indicator?.succeed() }
}
