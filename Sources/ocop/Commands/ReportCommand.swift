import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop report …`: the province's figures from stored data, as its annual report prints them.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: L("Báo cáo: sổ sản phẩm OCOP còn hiệu lực, kết quả một đợt, nâng hạng, điểm bán, sắp hết hạn.",
                    "Reports: the register in force, a round's results, upgrades, listings, expiring certificates."),
        discussion: L("""
            Mọi số liệu tính từ dữ liệu đã lưu vào ngày xem (--as-of): một sản phẩm chỉ được tính khi có giấy chứng nhận còn \
            hiệu lực ngày đó. Tỷ lệ làm tròn một chữ số thập phân (nửa lên), như báo cáo của tỉnh. --charts THƯ-MỤC ghi biểu đồ \
            SVG và PNG; --pdf TỆP ghi cả báo cáo (chữ, bảng, biểu đồ) vào một tệp PDF.
            """, """
            Every figure is computed from stored data on the day asked about (--as-of): a product counts only with a certificate \
            in force that day. Shares are rounded to one decimal (half up), as the province's report writes them. --charts DIR \
            writes the charts as SVG and PNG; --pdf FILE writes the whole report (text, tables, charts) as one PDF.
            """),
        subcommands: [Register.self, Round.self, Upgrades.self, Listings.self, Expiring.self]
    )

    static let formats = "table | markdown | json | csv"

    /// `--charts DIR` and `--pdf FILE`.
    struct Files: ParsableArguments {
        @Option(name: .customLong("charts"), help: ArgumentHelp(L("Thư mục ghi biểu đồ (SVG và PNG).", "Folder for the charts (SVG and PNG)."), valueName: L("thư-mục", "dir"))) var charts: String?
        @Option(name: .customLong("pdf"), help: ArgumentHelp(L("Ghi cả báo cáo vào một tệp PDF.", "Write the whole report to one PDF file."), valueName: L("tệp", "file"))) var pdf: String?

        /// Writes the charts and the PDF; tells where on standard error.
        func write(title: String, subtitle: String?, date: CalendarDate, blocks: [ReportBlock], charts: [(String, ChartDocument)], language: Language) throws {
            guard self.charts != nil || pdf != nil else { return }
            let renderer = try documentPrinter()
            let vi = language == .vi
            if let folder = self.charts {
                let url = URL(fileURLWithPath: folder, isDirectory: true)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                for (name, chart) in charts {
                    try renderer.svg(chart).write(to: url.appendingPathComponent(name + ".svg"))
                    try renderer.png(chart, dpi: 150).write(to: url.appendingPathComponent(name + ".png"))
                    Output.warn((vi ? "Đã ghi biểu đồ " : "Wrote chart ") + url.appendingPathComponent(name).path + ".svg|.png")
                }
            }
            if let pdf {
                let document = ReportDocument(language: language, title: title, subtitle: subtitle, date: date,
                                              blocks: blocks.map { ReportRender.printable($0, language) }
                                                  + (charts.isEmpty ? [] : [.heading(vi ? "Biểu đồ" : "Charts")]) + charts.map { .chart($0.1) },
                                              footer: vi ? "Lập bằng ocop \(OCOP.version) từ dữ liệu đã lưu." : "Made with ocop \(OCOP.version) from stored data.")
                try renderer.pdf(document).write(to: URL(fileURLWithPath: pdf))
                Output.warn((vi ? "Đã ghi báo cáo PDF " : "Wrote the PDF report ") + pdf)
            }
        }
    }

    static func readable(_ format: OutputFormat, title: String, blocks: [ReportBlock]) -> String {
        ReportRender.text(title, blocks, markdown: format == .markdown)
    }

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: L("Sản phẩm có giấy chứng nhận còn hiệu lực theo hạng sao, năm công nhận, loại hình chủ thể, xã, tỉnh, bộ sản phẩm; chỉ tiêu kế hoạch.",
                        "Products with a certificate in force by stars, year of recognition, producer kind, commune, province, product set; the annual target."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: L("Chỉ một tỉnh (mã tỉnh, theo đơn vị hành chính ngày xem).", "One province only (its code, as the units stood on the day).")) var province: String?
        @Option(help: ArgumentHelp(ReportCommand.formats)) var format: OutputFormat = .table
        @OptionGroup var files: Files

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .markdown, .json, .csv])
                let report = try workbench().registerReport(asOf: try asOf.date(), province: try province.map { try readCode(ProvinceCode.self, $0, field: "province") })
                let title = ReportRender.registerTitle(report, language)
                let blocks = ReportRender.registerBlocks(report, language)
                switch format {
                case .json: Output.write(Output.json(ReportRender.RegisterJSON(report, language)))
                case .csv: Output.write(ReportRender.registerCSV(report))
                default: Output.write(ReportCommand.readable(format, title: title, blocks: blocks))
                }
                try files.write(title: title, subtitle: nil, date: report.tally.asOf, blocks: blocks, charts: ReportRender.registerCharts(report, language), language: language)
            }
        }
    }

    struct Round: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round",
            abstract: L("Một đợt đánh giá: hồ sơ theo kết quả và hạng sao, điểm trung bình theo bộ sản phẩm, nâng hạng.",
                        "One round: dossiers by outcome and stars, mean score by product set, upgrades granted and not."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Năm.", "Year.")) var year: Int
        @Argument(help: L("Đợt (1, 2; đợt bổ sung từ 3).", "Round (1, 2; extra rounds from 3).")) var round: Int
        @Option(help: ArgumentHelp(ReportCommand.formats)) var format: OutputFormat = .table
        @OptionGroup var files: Files

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .markdown, .json, .csv])
                let bench = try workbench()
                _ = try Validate.year(year, today: bench.today)
                guard (1...9).contains(round) else {
                    throw DomainError.invalidValue(field: "round", value: String(round), reason: LocalizedText(vi: "đợt từ 1 đến 9.", en: "a round is 1 to 9."))
                }
                let report = try bench.roundReport(year: year, round: round)
                let title = ReportRender.roundTitle(report, language)
                let blocks = ReportRender.roundBlocks(report, language)
                switch format {
                case .json: Output.write(Output.json(ReportRender.RoundJSON(report, language)))
                case .csv: Output.write(ReportRender.roundCSV(report))
                default: Output.write(ReportCommand.readable(format, title: title, blocks: blocks))
                }
                try files.write(title: title, subtitle: nil, date: bench.today, blocks: blocks, charts: ReportRender.roundCharts(report, language), language: language)
            }
        }
    }

    struct Upgrades: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrades",
            abstract: L("Các lượt nâng hạng (3★→4★, 3★→5★, 4★→5★): được công nhận, không được công nhận, đang xử lý.",
                        "Upgrades (3★→4★, 3★→5★, 4★→5★): granted, not granted, pending."))
        @OptionGroup var lang: LanguageOption
        @Option(help: L("Năm nộp hồ sơ (hoặc năm quyết định với nâng hạng trong sổ công nhận).", "Filing year (or decision year for upgrades in the register).")) var year: Int?
        @Option(help: ArgumentHelp(ReportCommand.formats)) var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .markdown, .json, .csv])
                let upgrades = try workbench().upgradesReport(year: year)
                let vi = language == .vi
                let title = (vi ? "Nâng hạng sản phẩm OCOP" : "OCOP upgrades") + (year.map { vi ? " năm \($0)" : " in \($0)" } ?? "")
                switch format {
                case .json: Output.write(Output.json(upgrades))
                case .csv: Output.write(ReportRender.upgradesCSV(upgrades))
                default: Output.write(ReportCommand.readable(format, title: title, blocks: ReportRender.upgradesBlocks(upgrades, year: year, language)))
                }
            }
        }
    }

    struct Listings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "listings",
            abstract: L("Điểm bán vào một ngày: theo loại kênh, chuỗi siêu thị, các điểm phải gỡ nhãn OCOP.",
                        "Listings on a day: by kind of outlet, supermarket chain, those that must withdraw the OCOP mark."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: ArgumentHelp(ReportCommand.formats)) var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .markdown, .json, .csv])
                let report = try workbench().listingsReport(asOf: try asOf.date())
                let vi = language == .vi
                let title = vi ? "Điểm bán sản phẩm OCOP ngày \(report.asOf.display(.vi))" : "OCOP listings on \(report.asOf.display(.en))"
                switch format {
                case .json, .csv: Output.write(try MarketRender.list(report.listings.filter { $0.status != .ended && $0.status != .notYetListed }, format: format, language))
                default: Output.write(ReportCommand.readable(format, title: title, blocks: ReportRender.listingsBlocks(report, language)))
                }
            }
        }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expiring",
            abstract: L("Giấy chứng nhận còn hiệu lực sắp hết hạn, theo tháng và hạng sao.", "Certificates in force about to expire, by month and stars."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(help: L("Hết hạn trong số ngày này (mặc định 365).", "Expiring within this many days (default 365).")) var within: Int = 365
        @Option(help: ArgumentHelp(ReportCommand.formats)) var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .markdown, .json, .csv])
                guard within >= 0 else {
                    throw DomainError.invalidValue(field: "within", value: String(within), reason: LocalizedText(vi: "số ngày không âm.", en: "a number of days, not negative."))
                }
                let bench = try workbench()
                let day = try asOf.date() ?? bench.today
                let certificates = try bench.expiringCertificates(within: within, asOf: day)
                let vi = language == .vi
                let title = vi ? "Giấy chứng nhận OCOP hết hạn trong \(within) ngày kể từ \(day.display(.vi))" : "OCOP certificates expiring within \(englishCount(within, "day")) of \(day.display(.en))"
                switch format {
                case .json, .csv: Output.write(try CertificateRender.expiring(certificates, format: format, language))
                default: Output.write(ReportCommand.readable(format, title: title, blocks: ReportRender.expiringBlocks(certificates, within: within, asOf: day, language)))
                }
            }
        }
    }
}
