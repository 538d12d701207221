import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop audit`: the tamper-evident record (docs/audit.md).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: L("Kiểm tra sổ ghi không thể sửa mà không bị phát hiện.", "Check the record nobody can rewrite unnoticed."),
        discussion: L("""
            Sự kiện hồ sơ, phiếu chấm, kết quả Hội đồng, quyết định, giấy chứng nhận, hậu kiểm và thu hồi chỉ được ghi \
            thêm; mỗi dòng mang một mã băm SHA-256 nối với dòng trước trong bảng. Xem docs/audit.md.
            """, """
            Dossier events, sheets, council results, decisions, certificates, inspections and revocations are append-only; \
            every row carries a SHA-256 chained to the row before it in its table. See docs/audit.md.
            """),
        subcommands: [Verify.self, Head.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: L("Tính lại mọi chuỗi băm và nêu dòng đầu tiên bị sửa hoặc xoá.", "Recompute every chain and name the first edited or deleted row."))
        @OptionGroup var lang: LanguageOption
        @Option(help: L("Mã kiểm toán in trên biên bản/quyết định (\"ec40 37b2 … @ 1.11.3…\"): kiểm tra sổ ghi còn cho đúng mã đó.",
                        "An audit head printed on minutes or a decision (\"ec40 37b2 … @ 1.11.3…\"): check the record still gives it."))
        var printed: String?
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let paper = try printed.map { text -> PrintedAuditHead in
                    guard let head = PrintedAuditHead(text) else {
                        throw DomainError.invalidValue(field: "printed", value: text, reason: LocalizedText(
                            vi: "mã in có dạng 64 chữ số hex, dấu @, rồi các số dòng nối bằng dấu chấm.",
                            en: "a printed head is 64 hex digits, an @, then row counts joined by dots."))
                    }
                    return head
                }
                let report = try workbench().verifyAudit(printed: paper)
                if format == .json {
                    Output.write(Output.json(report))
                    if !report.intact { throw ExitCode(ExitStatus.dataError) }
                    return
                }
                Output.write(AuditRender.verify(report, language))
                if !report.intact { throw ExitCode(ExitStatus.dataError) }
            }
        }
    }

    struct Head: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: L("In mã đầu chuỗi kiểm toán (in trên biên bản và quyết định).", "Print the audit head (printed on minutes and decisions)."))
        @OptionGroup var lang: LanguageOption
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let head = try workbench().auditHead()
                Output.write(format == .json ? Output.json(head) : AuditRender.head(head, language))
            }
        }
    }
}

enum AuditRender {
    static func head(_ head: AuditHead, _ language: Language) -> String {
        let vi = language == .vi
        var lines = [(vi ? "Mã kiểm toán: " : "Audit head: ") + head.printed]
        lines += head.chains.map { "  \($0.table): " + (vi ? "\($0.rows) dòng" : englishCount($0.rows, "row")) + ", " + String($0.head.prefix(16)) + "…" }
        return lines.joined(separator: "\n")
    }

    static func verify(_ report: AuditReport, _ language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        if report.intact {
            let rows = report.chains.reduce(0) { $0 + $1.rows }
            lines.append(vi ? "Sổ ghi nguyên vẹn: \(report.chains.count) chuỗi, \(rows) dòng đã được tính lại và khớp."
                            : "The record is intact: \(englishCount(report.chains.count, "chain")), \(englishCount(rows, "row")) recomputed and matching.")
        } else {
            lines.append(vi ? "SỔ GHI ĐÃ BỊ SỬA: \(report.breaks.count) chuỗi không khớp." : "THE RECORD WAS ALTERED: \(englishCount(report.breaks.count, "chain")) \(report.breaks.count == 1 ? "does" : "do") not match.")
            lines += report.breaks.map { "  " + $0.message(language) }
        }
        if let matches = report.printedMatches {
            lines.append(matches
                ? (vi ? "Mã in trên giấy khớp với sổ ghi." : "The printed head matches the record.")
                : (vi ? "MÃ IN TRÊN GIẤY KHÔNG KHỚP: các dòng đã ghi trước thời điểm in đã bị thay đổi." : "THE PRINTED HEAD DOES NOT MATCH: rows recorded before it was printed were changed."))
        }
        lines.append(head(report.head, language))
        return lines.joined(separator: "\n")
    }
}
