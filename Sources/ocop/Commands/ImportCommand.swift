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
            còn một dòng lỗi. Nhập chỉ thêm bản ghi mới: dòng trùng với bản ghi đã có được đếm là "đã có"; dòng khác với \
            bản ghi đã có bị từ chối, trừ khi dùng --update (mỗi thay đổi được liệt kê). Khoá của bản ghi: tỉnh và xã theo \
            (code, valid_from), chủ thể theo registration_no, sản phẩm theo (producer_registration_no, name). Hai dòng cùng \
            khoá trong một tệp bị từ chối, kèm số của cả hai dòng.
            """, """
            KIND is provinces, communes, producers, products or recognitions (star history). The file is UTF-8 CSV with a \
            header row; columns are listed in docs/import.md and by --columns. Every bad line is reported with its line \
            number and nothing is written unless every line is good. An import only adds: a line equal to a stored record \
            is counted as already there; a line that differs from its stored record is refused unless --update is given \
            (each change is listed). Keys: provinces and communes by (code, valid_from), producers by registration_no, \
            products by (producer_registration_no, name). Two lines with the same key in one file are refused, naming both.
            """)
    )

    @OptionGroup var lang: LanguageOption
    @OptionGroup var actor: ActorOption
    @Argument(help: "provinces | communes | producers | products | recognitions") var kind: String
    @Argument(help: L("Tệp CSV.", "The CSV file.")) var file: String?
    @Flag(name: .long, help: L("In danh sách cột của loại dữ liệu.", "Print the columns of KIND.")) var columns = false
    @Option(name: .long, help: L("Năm dùng trong mã sản phẩm khi tệp không có cột year.", "Year for product codes when the file has no year column.")) var year: Int?
    @Flag(name: .long, help: L("Sửa bản ghi đã có cho khớp với tệp (liệt kê từng thay đổi).", "Change stored records to match the file (each change is listed).")) var update = false
    @Flag(name: .long, help: L("Chỉ kiểm tra: báo kết quả như khi nhập (và mọi lỗi), không ghi gì.",
                               "Check only: report the outcome as an import would (and every error), write nothing.")) var dryRun = false
    @Option(name: .long, help: "text | json") var format: OutputFormat = .text

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
            try require(format, in: [.text, .json])
            let progress = ProgressReporter(title: file)
            let outcome = try workbench(actor).importRegistry(kind, file: file, mode: update ? .update : .add, defaultYear: year, dryRun: dryRun,
                                                              progress: progress.update)
            progress.finish()
            Output.write(format == .json ? Output.json(outcome) : ImportRender.outcome(outcome, language, dryRun: dryRun))
        }
    }
}

/// What an import did, for a person.
enum ImportRender {
    static func outcome(_ outcome: ImportOutcome, _ language: Language, dryRun: Bool = false) -> String {
        let vi = language == .vi
        let changed = outcome.updated.count
        var lines = [dryRun
            ? (vi ? "Đã kiểm tra \(outcome.file) (\(outcome.kind.rawValue)), không ghi gì: nếu nhập sẽ thêm mới \(outcome.added), đã có (không đổi) \(outcome.unchanged), cập nhật \(changed)."
                  : "Checked \(outcome.file) (\(outcome.kind.rawValue)), nothing written: an import would add \(outcome.added), find \(outcome.unchanged) already there (unchanged), update \(changed).")
            : (vi ? "Đã nhập \(outcome.file) (\(outcome.kind.rawValue)): thêm mới \(outcome.added), đã có (không đổi) \(outcome.unchanged), cập nhật \(changed)."
                  : "Imported \(outcome.file) (\(outcome.kind.rawValue)): \(outcome.added) added, \(outcome.unchanged) already there (unchanged), \(changed) updated.")]
        for record in outcome.updated {
            let what = record.changes.map { "\($0.field): \(shown($0.old)) → \(shown($0.new))" }.joined(separator: "; ")
            lines.append((vi ? "  dòng \(record.line) " : "  line \(record.line) ") + record.record + ": " + what)
        }
        return Output.terminalSafe(lines.joined(separator: "\n"))
    }

    private static func shown(_ value: String?) -> String { value.map { "«\($0)»" } ?? "∅" }
}

/// A progress bar for long work (`minimum` steps or more), only when the output is a terminal.
final class ProgressReporter {
    private var indicator: ActivityIndicator<ProgressBar>?
    private let title: String
    private let minimum: Int

    init(title: String, minimum: Int = 500) {
        self.title = title
        self.minimum = minimum
    }

    func update(_ done: Int, _ total: Int) {
        if indicator == nil, total >= minimum, isatty(STDOUT_FILENO) == 1 {
            indicator = Terminal().progressBar(title: title)
            indicator?.start()
        }
        guard let indicator, done % 50 == 0 || done == total || total < 500 else { return }
        indicator.activity.currentProgress = Double(done) / Double(max(total, 1))
    }

    func finish() { indicator?.succeed() }
}
