import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: L("Sản phẩm, mã T-X-STT-YYYY và lịch sử hạng sao.", "Products, with their code T-X-STT-YYYY and star history."),
        subcommands: [Add.self, List.self, Show.self, History.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: L("Thêm sản phẩm (mã cấp theo số thứ tự của xã).", "Add a product (its code is assigned from the commune's serial)."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: L("Tên sản phẩm.", "Product name.")) var name: String
        @Option(name: .long, help: L("Chủ thể: mã số thuế/đăng ký hoặc id.", "Producer: registration number or id.")) var producer: String
        @Option(name: .customLong("set"), help: L("Bộ sản phẩm 1–26 (Phụ lục I; xem ocop rubric list).", "Product set 1–26 (Phụ lục I; see ocop rubric list).")) var productSet: Int
        @Option(name: .long, help: L("Mã xã nơi sản xuất (mặc định: xã của chủ thể).", "Commune code where it is made (default: the producer's).")) var commune: String?
        @Option(name: .long, help: L("Năm đánh giá trong mã sản phẩm (mặc định: năm nay).", "Year in the product code (default: this year).")) var year: Int?
        @Option(name: .long, help: L("Mã sản phẩm đã có (sản phẩm cũ); bỏ trống để cấp mới.", "An existing product code (historical products); omit to assign one.")) var code: String?
        @Option(name: .long, help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let bench = try workbench(actor)
                let product = try bench.addProduct(ProductDraft(name: name, producerRef: producer, productSet: productSet, communeCode: commune,
                                                                code: code, year: year ?? bench.today.year))
                if format == .json { Output.write(Output.json(product)); return }
                Output.write(language == .vi
                    ? "Đã thêm sản phẩm \(product.name), mã \(product.code) (bộ \(product.productSet))."
                    : "Added product \(product.name), code \(product.code) (set \(product.productSet)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: L("Danh sách sản phẩm và hạng sao đang có hiệu lực vào một ngày.", "List products with the stars in force on a date."),
            discussion: L("Cột sao chỉ ghi hạng của giấy chứng nhận còn hiệu lực vào ngày xem (--as-of, mặc định hôm nay); giấy chứng nhận đã hết hiệu lực, bị thay thế hoặc thu hồi không bao giờ được coi là hạng hiện tại.",
                          "The stars column shows only a certificate in force on the day asked about (--as-of, default today); an expired, superseded or revoked certificate is never shown as the current rating."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Option(name: .long, help: L("Lọc theo chủ thể (mã số hoặc id).", "Filter by producer (number or id).")) var producer: String?
        @Option(name: .customLong("set"), help: L("Lọc theo bộ sản phẩm.", "Filter by product set.")) var productSet: Int?
        @Option(name: .long, help: L("Tìm theo tên (gõ không dấu cũng được: \"mat ong\") hoặc mã.", "Search by name (diacritics optional: \"mat ong\") or code.")) var search: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let standings = try workbench().productStandings(producer: producer, productSet: productSet, search: search, asOf: try asOf.date())
                let vi = language == .vi
                if format == .json { Output.write(Output.json(standings.map { ProductRender.JSON($0, language) })); return }
                try require(format, in: [.table, .text, .csv, .json])
                let headers = vi ? ["mã sản phẩm", "tên", "bộ", "chủ thể", "xã", "sao", "giấy chứng nhận", "hiệu lực đến", "tình trạng"]
                    : ["code", "name", "set", "producer", "commune", "stars", "certificate", "valid until", "status"]
                let rows = standings.map { ProductRender.row($0, language) }
                Output.write(format == .csv ? Output.csv(headers: headers, rows: rows) : Output.table(headers: headers, rows: rows))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Thông tin sản phẩm, hạng sao vào một ngày và lịch sử giấy chứng nhận.", "Show a product, its rating on a date and its certificate history."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var asOf: AsOfOption
        @Argument(help: L("Mã sản phẩm hoặc id.", "Product code or id.")) var product: String
        @Option(name: .long, help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let bench = try workbench()
                let day = try asOf.date() ?? bench.today
                let detail = try bench.product(product, asOf: day)
                let standing = detail.standing ?? ProductStanding(product: detail.product, current: nil, latest: nil, asOf: day)
                let p = detail.product
                let vi = language == .vi
                switch format {
                case .json: Output.write(Output.json(ProductRender.DetailJSON(detail: detail, standing: standing, language: language)))
                case .csv:
                    Output.write(Output.csv(headers: ["code", "name", "set", "producer", "registration_no", "commune_code", "stars", "certificate", "valid_until", "status", "as_of"],
                        rows: [[p.code, p.name, String(p.productSet), p.producerName, p.producerRegistrationNo, p.communeCode] + ProductRender.csvState(standing)]))
                default:
                    Output.write(Output.record([
                        (vi ? "Sản phẩm" : "Product", p.name),
                        (vi ? "Mã sản phẩm" : "Code", p.code),
                        (vi ? "Bộ sản phẩm" : "Product set", String(p.productSet)),
                        (vi ? "Chủ thể" : "Producer", "\(p.producerName) (\(p.producerRegistrationNo))"),
                        (vi ? "Nơi sản xuất" : "Made in", "\(p.communeName) (\(p.communeCode))"),
                        (vi ? "Hạng ngày \(day.display(.vi))" : "Rating on \(day.display(.en))", ProductRender.current(standing, language)),
                    ]))
                    if !detail.certificates.isEmpty {
                        Output.write("\n" + (vi ? "Lịch sử công nhận:" : "Recognition history:"))
                        Output.write(Output.table(headers: vi ? ["giấy chứng nhận", "năm", "sao", "điểm", "quyết định", "ngày cấp", "hiệu lực đến", "cơ quan", "tình trạng"]
                                                              : ["certificate", "year", "stars", "score", "decision", "issued", "valid through", "issuer", "status"],
                            rows: detail.certificates.map { c in
                                [c.number.description, String(c.evaluationYear), "\(c.stars)★", c.score(language) ?? "", c.decisionNumber ?? "",
                                 c.facts.issuedOn.display(language), c.facts.validUntil.display(language), CertificateRender.issuer(c, language), c.statusText(language)]
                            }))
                    }
                    if !detail.dossiers.isEmpty {
                        Output.write("\n" + (vi ? "Hồ sơ:" : "Dossiers:"))
                        Output.write(Output.table(headers: vi ? ["hồ sơ", "loại", "năm", "kỳ", "trạng thái"] : ["dossier", "kind", "year", "round", "status"],
                            rows: detail.dossiers.map { [$0.code.rawValue, $0.kind.label(language), String($0.year), String($0.round), $0.status.label(language)] }))
                    }
                }
            }
        }
    }
}
