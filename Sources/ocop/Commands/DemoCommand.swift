import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop demo`: loads the Bắc Giang / Bắc Ninh demo data and runs a 2026 evaluation round,
/// narrating each step.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: L("Nạp dữ liệu mẫu và chạy một kỳ đánh giá.", "Load the demo data and run an evaluation round."),
        discussion: L("""
            Dữ liệu mẫu (db/seed/, xem README ở đó) là sổ OCOP của Bắc Giang cuối năm 2020 — 95 sản phẩm từ 3 sao của 57 chủ thể — \
            và một kỳ đánh giá năm 2026 gồm 13 hồ sơ của tỉnh Bắc Ninh mới (Bắc Giang hợp nhất vào từ 1/7/2025). Dữ liệu nạp vào \
            cơ sở dữ liệu được cấu hình, hoặc cơ sở dữ liệu nội bộ. Với --reset, dữ liệu cũ bị xóa trước; trên máy chủ được cấu \
            hình cần thêm --yes. Mọi việc diễn ra trong một giao dịch: lỗi giữa chừng không để lại gì.
            """, """
            The demo data (db/seed/, see its README) is the OCOP register of Bắc Giang at the end of 2020 — 95 products at \
            3★ or more from 57 producers — and a 2026 round of 13 dossiers in the new Bắc Ninh province (Bắc Giang merged into \
            it on 1/7/2025). It goes into the configured database, or the embedded one. With --reset, existing data is deleted \
            first; on a configured server that also needs --yes. Everything runs in one transaction: a failure leaves nothing.
            """)
    )

    @OptionGroup var lang: LanguageOption
    @OptionGroup var actor: ActorOption
    @Flag(name: .long, help: L("Xóa dữ liệu hiện có trước khi nạp.", "Delete existing data first.")) var reset = false
    @Flag(name: .long, help: L("Xác nhận xóa dữ liệu trên máy chủ được cấu hình.", "Confirm deleting the data of a configured server.")) var yes = false
    @Option(name: .long, help: L("Thư mục dữ liệu mẫu (mặc định db/seed đi kèm chương trình).", "Demo data folder (default: the shipped db/seed).")) var seed: String?

    func run() throws {
        let language = lang.language
        try runReporting(language) {
            let run = DemoRun(reset: reset, confirmed: yes, seed: seed.map { URL(fileURLWithPath: $0, isDirectory: true) })
            try run.run(on: try workbench(actor)) { Output.write(DemoRender.event($0, language)) }
        }
    }
}
