import ArgumentParser
import Foundation
import OCOPDomain
import OCOPStore

struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "Sản phẩm / products, with their code T-X-STT-YYYY and star history.",
        subcommands: [Add.self, List.self, Show.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm sản phẩm / add a product (its code is assigned from the commune's serial).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: "Tên sản phẩm.") var name: String
        @Option(name: .long, help: "Chủ thể: mã số thuế/đăng ký hoặc id.") var producer: String
        @Option(name: .customLong("set"), help: "Bộ sản phẩm 1–26 (Phụ lục I; xem `ocop rubric list`).") var productSet: Int
        @Option(name: .long, help: "Mã xã nơi sản xuất (mặc định: xã của chủ thể).") var commune: String?
        @Option(name: .long, help: "Năm đánh giá trong mã sản phẩm (mặc định: năm nay).") var year: Int?
        @Option(name: .long, help: "Mã sản phẩm đã có (sản phẩm cũ); bỏ trống để cấp mới.") var code: String?
        @Option(name: .long) var format: OutputFormat = .text

        func run() throws {
            try runReporting(lang.language) {
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let currentYear = Calendar(identifier: .gregorian).component(.year, from: Date())
                let product = try RegistryStore(connection).addProduct(ProductDraft(
                    name: name, producerRef: producer, productSet: productSet, communeCode: commune, code: code, year: year ?? currentYear
                ), actor: workbench.actor)
                if format == .json { Output.write(Output.json(product)); return }
                Output.write(lang.language == .vi
                    ? "Đã thêm sản phẩm \(product.name), mã \(product.code) (bộ \(product.productSet))."
                    : "Added product \(product.name), code \(product.code) (set \(product.productSet)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách sản phẩm / list products.")
        @OptionGroup var lang: LanguageOption
        @Option(name: .long, help: "Lọc theo chủ thể (mã số hoặc id).") var producer: String?
        @Option(name: .customLong("set"), help: "Lọc theo bộ sản phẩm.") var productSet: Int?
        @Option(name: .long, help: "Tìm theo tên hoặc mã.") var search: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let products = try RegistryStore(connection).products(producer: producer, productSet: productSet, search: search)
                let vi = lang.language == .vi
                Output.write(Output.list(products, format: format,
                    headers: vi ? ["mã sản phẩm", "tên", "bộ", "chủ thể", "xã", "sao", "hiệu lực đến"] : ["code", "name", "set", "producer", "commune", "stars", "valid until"]) { p in
                    [p.code, p.name, String(p.productSet), p.producerName, p.communeName, p.stars.map(String.init) ?? "", p.starsValidUntil ?? ""]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thông tin sản phẩm và lịch sử sao / show a product and its star history.")
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã sản phẩm hoặc id.") var product: String
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let vi = lang.language == .vi
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let store = RegistryStore(connection)
                let p = try store.product(product)
                let history = try store.recognitions(productID: p.id)
                let dossiers = try DossierStore(connection).dossiers(product: String(p.id))
                switch format {
                case .json:
                    struct Shown: Encodable { let product: Product; let recognitions: [RegistryStore.Recognition]; let dossiers: [Dossier] }
                    Output.write(Output.json(Shown(product: p, recognitions: history, dossiers: dossiers)))
                case .csv:
                    Output.write(Output.csv(headers: ["code", "name", "set", "producer", "registration_no", "commune_code", "stars", "valid_until"],
                        rows: [[p.code, p.name, String(p.productSet), p.producerName, p.producerRegistrationNo, p.communeCode, p.stars.map(String.init) ?? "", p.starsValidUntil ?? ""]]))
                case .table, .text:
                    Output.write(Output.record([
                        (vi ? "Sản phẩm" : "Product", p.name),
                        (vi ? "Mã sản phẩm" : "Code", p.code),
                        (vi ? "Bộ sản phẩm" : "Product set", String(p.productSet)),
                        (vi ? "Chủ thể" : "Producer", "\(p.producerName) (\(p.producerRegistrationNo))"),
                        (vi ? "Nơi sản xuất" : "Made in", "\(p.communeName) (\(p.communeCode))"),
                        (vi ? "Hạng hiện tại" : "Current rating", p.stars.map { "\($0)★" + (p.starsValidUntil.map { vi ? ", hiệu lực đến \($0)" : ", valid until \($0)" } ?? "") } ?? "—"),
                    ]))
                    if !history.isEmpty {
                        Output.write("\n" + (vi ? "Lịch sử công nhận:" : "Recognition history:"))
                        Output.write(Output.table(headers: vi ? ["năm", "sao", "điểm", "quyết định", "ngày", "hiệu lực đến", "bộ tiêu chí", "tỉnh"] : ["year", "stars", "score", "decision", "date", "valid until", "rubric", "province"],
                            rows: history.map { r in
                                [String(r.year), "\(r.stars)★", r.score.map { "\($0)" } ?? "", r.decisionNo ?? "", r.decisionDate ?? "", r.validUntil ?? "", r.rubricVersion, r.provinceCode]
                                    + (r.revokedAt.map { [vi ? "thu hồi \($0)" : "revoked \($0)"] } ?? [])
                            }))
                    }
                    if !dossiers.isEmpty {
                        Output.write("\n" + (vi ? "Hồ sơ:" : "Dossiers:"))
                        Output.write(Output.table(headers: vi ? ["hồ sơ", "loại", "năm", "kỳ", "trạng thái"] : ["dossier", "kind", "year", "round", "status"],
                            rows: dossiers.map { [$0.code, $0.kind.label(lang.language), String($0.year), String($0.round), $0.status.label(lang.language)] }))
                    }
                }
            }
        }
    }
}
