import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop target …`: a province's annual targets (chỉ tiêu kế hoạch) and what was achieved.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: L("Chỉ tiêu kế hoạch hằng năm của tỉnh: số sản phẩm OCOP mới đạt 3 sao trở lên.",
                    "A province's annual targets: new OCOP products recognised at 3★ or more."),
        discussion: L("""
            Đạt được = số sản phẩm có giấy chứng nhận đầu tiên do tỉnh cấp trong năm (sản phẩm mới; nâng hạng và đánh giá lại \
            không tính thêm). Chỉ tiêu là mức tối thiểu ("tối thiểu 20 sản phẩm"). Ghi lại cùng giá trị là đã có; chỉ tiêu khác \
            cho cùng năm cần --update và được lưu như một lần điều chỉnh.
            """, """
            Achieved = products whose first certificate the province issued that year (new products; upgrades and \
            re-evaluations do not add). A target is a minimum ("at least 20 products"). Setting the same values again changes \
            nothing; another value for the same year needs --update and is kept as a revision.
            """),
        subcommands: [SetTarget.self, List.self]
    )

    struct SetTarget: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: L("Ghi chỉ tiêu của một tỉnh cho một năm.", "Record a province's target for a year."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: L("Mã tỉnh, vd. 24.", "Province code, e.g. 24.")) var province: String
        @Option(help: L("Năm kế hoạch.", "The plan's year.")) var year: Int
        @Option(help: L("Số sản phẩm mới tối thiểu.", "Minimum number of new products.")) var products: Int
        @Option(help: L("Căn cứ (kế hoạch, nghị quyết).", "Basis (plan, resolution).")) var basis: String?
        @Option(help: L("Ghi chú.", "Note.")) var note: String?
        @Flag(help: L("Ghi chỉ tiêu điều chỉnh khi năm đó đã có chỉ tiêu khác.", "Record a revised target when the year already has another.")) var update = false

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let (view, recorded) = try workbench(actor).setTarget(AnnualTarget(
                    provinceCode: try readCode(ProvinceCode.self, province, field: "province"), year: year, products: products, basis: basis, note: note), update: update)
                let vi = language == .vi
                let head = recorded ? (vi ? "Đã ghi" : "Recorded") : (vi ? "Đã có (không thay đổi)" : "Already recorded (unchanged)")
                Output.write(vi ? "\(head): chỉ tiêu năm \(view.year) của tỉnh \(view.provinceName) là tối thiểu \(view.products) sản phẩm OCOP mới\(view.revision > 1 ? " (điều chỉnh lần \(view.revision - 1))" : ""); đã đạt \(view.achieved) (\(view.attainment.percent) %)."
                                : "\(head): \(view.provinceName)'s \(view.year) target is at least \(view.products) new OCOP products\(view.revision > 1 ? " (revision \(view.revision))" : ""); achieved \(view.achieved) (\(view.attainment.percent) %).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: L("Chỉ tiêu và kết quả đạt được.", "Targets and what was achieved."))
        @OptionGroup var lang: LanguageOption
        @Option(help: L("Lọc theo mã tỉnh.", "Filter by province code.")) var province: String?
        @Option(help: L("Lọc theo năm.", "Filter by year.")) var year: Int?
        @Option(help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let targets = try workbench().targets(province: try province.map { try readCode(ProvinceCode.self, $0, field: "province") }, year: year)
                let vi = language == .vi
                if format == .json {
                    struct Row: Encodable { let province: String; let provinceName: String; let year: Int; let revision: Int; let target: Int; let achieved: Int; let percent: Int; let basis: String?; let note: String? }
                    Output.write(Output.json(targets.map { Row(province: $0.provinceCode, provinceName: $0.provinceName, year: $0.year, revision: $0.revision,
                                                               target: $0.products, achieved: $0.achieved, percent: $0.attainment.percent, basis: $0.basis, note: $0.note) }))
                    return
                }
                try require(format, in: [.table, .text, .csv, .json])
                let headers = vi ? ["tỉnh", "năm", "chỉ tiêu", "đạt", "tỷ lệ", "căn cứ", "điều chỉnh"] : ["province", "year", "target", "achieved", "percent", "basis", "revision"]
                let rows = targets.map { t in
                    ["\(t.provinceName) (\(t.provinceCode))", String(t.year), String(t.products), String(t.achieved), "\(t.attainment.percent) %", t.basis ?? "", String(t.revision)]
                }
                Output.write(format == .csv ? Output.csv(headers: ["province_code", "province", "year", "target", "achieved", "percent", "basis", "revision"],
                                                         rows: targets.map { [$0.provinceCode, $0.provinceName, String($0.year), String($0.products), String($0.achieved),
                                                                              String($0.attainment.percent), $0.basis ?? "", String($0.revision)] })
                                            : Output.table(headers: headers, rows: rows))
            }
        }
    }
}
