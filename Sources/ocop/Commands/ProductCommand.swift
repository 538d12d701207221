import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: L("Sản phẩm, mã T-X-STT-YYYY và lịch sử hạng sao.", "Products, with their code T-X-STT-YYYY and star history."),
        subcommands: [Add.self, List.self, Show.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Thêm sản phẩm (mã cấp theo số thứ tự của xã).", "Add a product (its code is assigned from the commune's serial)."))
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
        static let configuration = CommandConfiguration(abstract: L("Danh sách sản phẩm.", "List products."))
        @OptionGroup var lang: LanguageOption
        @Option(name: .long, help: L("Lọc theo chủ thể (mã số hoặc id).", "Filter by producer (number or id).")) var producer: String?
        @Option(name: .customLong("set"), help: L("Lọc theo bộ sản phẩm.", "Filter by product set.")) var productSet: Int?
        @Option(name: .long, help: L("Tìm theo tên hoặc mã.", "Search by name or code.")) var search: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let products = try workbench().products(producer: producer, productSet: productSet, search: search)
                let vi = language == .vi
                Output.write(try Output.list(products, format: format,
                    headers: vi ? ["mã sản phẩm", "tên", "bộ", "chủ thể", "xã", "sao", "hiệu lực đến"] : ["code", "name", "set", "producer", "commune", "stars", "valid until"]) { p in
                    [p.code, p.name, String(p.productSet), p.producerName, p.communeName, p.stars.map(String.init) ?? "", p.starsValidUntil ?? ""]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: L("Thông tin sản phẩm và lịch sử hạng sao.", "Show a product and its star history."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: L("Mã sản phẩm hoặc id.", "Product code or id.")) var product: String
        @Option(name: .long, help: "text | json | csv") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .table, .json, .csv])
                let detail = try workbench().product(product)
                let p = detail.product
                let vi = language == .vi
                switch format {
                case .json: Output.write(Output.json(detail))
                case .csv:
                    Output.write(Output.csv(headers: ["code", "name", "set", "producer", "registration_no", "commune_code", "stars", "valid_until"],
                        rows: [[p.code, p.name, String(p.productSet), p.producerName, p.producerRegistrationNo, p.communeCode, p.stars.map(String.init) ?? "", p.starsValidUntil ?? ""]]))
                default:
                    Output.write(Output.record([
                        (vi ? "Sản phẩm" : "Product", p.name),
                        (vi ? "Mã sản phẩm" : "Code", p.code),
                        (vi ? "Bộ sản phẩm" : "Product set", String(p.productSet)),
                        (vi ? "Chủ thể" : "Producer", "\(p.producerName) (\(p.producerRegistrationNo))"),
                        (vi ? "Nơi sản xuất" : "Made in", "\(p.communeName) (\(p.communeCode))"),
                        (vi ? "Hạng hiện tại" : "Current rating", p.stars.map { "\($0)★" + (p.starsValidUntil.map { vi ? ", hiệu lực đến \($0)" : ", valid until \($0)" } ?? "") } ?? "—"),
                    ]))
                    if !detail.recognitions.isEmpty {
                        Output.write("\n" + (vi ? "Lịch sử công nhận:" : "Recognition history:"))
                        Output.write(Output.table(headers: vi ? ["năm", "sao", "điểm", "quyết định", "ngày", "hiệu lực đến", "bộ tiêu chí", "tỉnh"] : ["year", "stars", "score", "decision", "date", "valid until", "rubric", "province"],
                            rows: detail.recognitions.map { r in
                                [String(r.year), "\(r.stars)★", r.score.map { "\($0)" } ?? "", r.decisionNo ?? "", r.decisionDate ?? "", r.validUntil ?? "", r.rubricVersion, r.provinceCode]
                                    + (r.revokedAt.map { [vi ? "thu hồi \($0)" : "revoked \($0)"] } ?? [])
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
