import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

extension DecisionCommand {
    /// `ocop decision print`: the decision as the chair signs it (NĐ 30 Mẫu 1.2 with its annexes,
    /// or the revocation decision).
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: L("In quyết định (PDF): quyết định công nhận kèm phụ lục, hoặc quyết định thu hồi.", "Print a decision (PDF): a recognition with its annexes, or a revocation."),
            discussion: L("""
                Thể thức theo Nghị định 30/2020/NĐ-CP (khổ A4, lề, cỡ chữ, số trang), phông Liberation Serif nhúng trong tệp. Con dấu \
                và chữ ký theo cấu hình in của cơ quan ban hành (ocop issuer set). Giấy chứng nhận in bằng ocop certificate print \
                --decision.
                """, """
                Formatted after Decree 30/2020/NĐ-CP (A4, margins, type sizes, page numbers), Liberation Serif embedded. Seal and \
                signature follow the issuer's printing configuration (ocop issuer set). The certificates print with ocop \
                certificate print --decision.
                """))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Số và ký hiệu, vd. 1523/QĐ-UBND.", "Number and symbol, e.g. 1523/QĐ-UBND.")) var number: String
        @Option(help: ArgumentHelp(L("Cơ quan ban hành khi có nhiều quyết định cùng số.", "The issuer, when several decisions share the number."), valueName: "24|BNNMT")) var authority: String?
        @Option(help: L("Năm, khi có nhiều quyết định cùng số.", "The year, when several decisions share the number.")) var year: Int?
        @OptionGroup var output: PDFOutputOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try output.check()
                let bench = try workbench()
                let decision = try bench.decision(try readDecisionNumber(number), authority: try authority.map(readAuthority), year: year)
                let artwork = try bench.issuerArtwork(decision.authority.code)
                let renderer = try documentPrinter()
                let pdf: Data
                if decision.kind == .recognition {
                    var document = try bench.decisionDocument(decision, language: language)
                    document.artwork = artwork
                    pdf = try renderer.pdf(document)
                } else {
                    var document = bench.revocationDocument(decision, language: language)
                    document.artwork = artwork
                    pdf = try renderer.pdf(document)
                }
                try output.write(pdf, defaultName: "QD-\(PDFFile.name(decision.number.description))-\(decision.decidedOn.year).pdf", language)
            }
        }
    }
}
