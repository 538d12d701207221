import ArgumentParser
import Foundation
import OCOPDomain
import OCOPStore

struct ProducerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: "Chủ thể OCOP / producers (HTX, tổ hợp tác, doanh nghiệp, trang trại, hộ kinh doanh).",
        subcommands: [Add.self, List.self, Show.self, Edit.self]
    )

    static let kindHelp = ArgumentHelp(
        "Loại hình / kind: htx (hợp tác xã), tht (tổ hợp tác), dn (doanh nghiệp nhỏ và vừa), trang_trai, ho (hộ có ĐKKD), hoi (hội/hiệp hội – du lịch)."
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đăng ký chủ thể / register a producer.")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .long, help: "Mã số thuế / số đăng ký kinh doanh (duy nhất).") var registration: String
        @Option(name: .long, help: "Tên chủ thể.") var name: String
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String
        @Option(name: .long, help: "Mã xã/phường (QĐ 19/2025).") var commune: String
        @Option(name: .long) var address: String?
        @Option(name: .long) var phone: String?
        @Option(name: .long) var email: String?
        @Option(name: .long, help: "Người đại diện theo pháp luật.") var representative: String?
        @Flag(name: .long, help: "Người đại diện là nữ (tiêu chí 3.2).") var female = false
        @Flag(name: .long, help: "Người đại diện là đồng bào dân tộc thiểu số (tiêu chí 3.2).") var ethnicMinority = false
        @Flag(name: .long, help: "Người đại diện là người khuyết tật (tiêu chí 3.2).") var disabled = false
        @Option(name: .long) var format: OutputFormat = .text

        func run() throws {
            try runReporting(lang.language) {
                guard let kind = ProducerKind(flexible: kind) else {
                    throw UserFacingError(lang.language == .vi
                        ? "Loại hình \"\(self.kind)\" không hợp lệ; chọn: \(ProducerKind.allCases.map(\.rawValue).joined(separator: ", "))."
                        : "Unknown kind \"\(self.kind)\"; choose: \(ProducerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let producer = try RegistryStore(connection).addProducer(ProducerDraft(
                    registrationNo: registration, name: name, kind: kind, communeCode: commune, address: address, phone: phone, email: email,
                    representative: Representative(name: representative, female: female, ethnicMinority: ethnicMinority, disabled: disabled)
                ), actor: workbench.actor)
                if format == .json { Output.write(Output.json(producer)); return }
                Output.write(lang.language == .vi
                    ? "Đã đăng ký chủ thể \(producer.name) (mã số \(producer.registrationNo), id \(producer.id))."
                    : "Registered producer \(producer.name) (number \(producer.registrationNo), id \(producer.id)).")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách chủ thể / list producers.")
        @OptionGroup var lang: LanguageOption
        @Option(name: .long, help: "Lọc theo mã xã.") var commune: String?
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String?
        @Option(name: .long, help: "Tìm theo tên hoặc mã số.") var search: String?
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let kindFilter = try kind.map { raw -> ProducerKind in
                    guard let kind = ProducerKind(flexible: raw) else { throw UserFacingError("kind: \(raw)?") }
                    return kind
                }
                let connection = try Workbench(actor: "", language: lang.language).connect()
                let producers = try RegistryStore(connection).producers(commune: commune, kind: kindFilter, search: search)
                let vi = lang.language == .vi
                Output.write(Output.list(producers, format: format,
                    headers: vi ? ["id", "mã số", "tên", "loại hình", "xã", "số SP"] : ["id", "number", "name", "kind", "commune", "products"]) { p in
                    [String(p.id), p.registrationNo, p.name, p.kind.rawValue, "\(p.communeName) (\(p.communeCode))", String(p.productCount)]
                })
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thông tin một chủ thể / show a producer.")
        @OptionGroup var lang: LanguageOption
        @Argument(help: "Mã số thuế/đăng ký hoặc id.") var producer: String
        @Option(name: .long, help: "table | json | csv") var format: OutputFormat = .table

        func run() throws {
            try runReporting(lang.language) {
                let language = lang.language
                let vi = language == .vi
                let connection = try Workbench(actor: "", language: language).connect()
                let store = RegistryStore(connection)
                let p = try store.producer(producer)
                let products = try store.products(producer: String(p.id))
                switch format {
                case .json:
                    struct Shown: Encodable { let producer: Producer; let products: [Product] }
                    Output.write(Output.json(Shown(producer: p, products: products)))
                case .csv:
                    Output.write(Output.csv(headers: ["id", "registration_no", "name", "kind", "commune_code", "address", "phone", "email", "representative", "representative_female", "representative_ethnic_minority", "representative_disabled", "products"],
                        rows: [[String(p.id), p.registrationNo, p.name, p.kind.rawValue, p.communeCode, p.address ?? "", p.phone ?? "", p.email ?? "", p.representative.name ?? "",
                                String(p.representative.female), String(p.representative.ethnicMinority), String(p.representative.disabled), String(p.productCount)]]))
                case .table, .text:
                    var facts: [String] = []
                    if p.representative.female { facts.append(vi ? "nữ" : "woman") }
                    if p.representative.ethnicMinority { facts.append(vi ? "dân tộc thiểu số" : "ethnic minority") }
                    if p.representative.disabled { facts.append(vi ? "người khuyết tật" : "person with disability") }
                    Output.write(Output.record([
                        (vi ? "Tên" : "Name", p.name),
                        (vi ? "Mã số" : "Number", p.registrationNo),
                        (vi ? "Loại hình" : "Kind", p.kind.label(language)),
                        (vi ? "Xã/phường" : "Commune", "\(p.communeName) (\(p.communeCode)), \(vi ? "tỉnh" : "province") \(p.provinceCode)"),
                        (vi ? "Địa chỉ" : "Address", p.address ?? "—"),
                        (vi ? "Điện thoại" : "Phone", p.phone ?? "—"),
                        ("Email", p.email ?? "—"),
                        (vi ? "Người đại diện" : "Representative", (p.representative.name ?? "—") + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))")),
                        (vi ? "Tiêu chí 3.2" : "Criterion 3.2", p.representative.qualifiesForCriterion32 ? (vi ? "đạt (1 điểm)" : "met (1 point)") : (vi ? "không" : "no")),
                    ]))
                    if !products.isEmpty {
                        Output.write("")
                        Output.write(Output.table(headers: vi ? ["mã sản phẩm", "tên", "bộ", "sao"] : ["product code", "name", "set", "stars"],
                            rows: products.map { [$0.code, $0.name, String($0.productSet), $0.stars.map { "\($0)★" } ?? "—"] }))
                    }
                }
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sửa thông tin chủ thể / edit a producer (only the given fields change).")
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "Mã số thuế/đăng ký hoặc id.") var producer: String
        @Option(name: .long) var name: String?
        @Option(name: .long, help: ProducerCommand.kindHelp) var kind: String?
        @Option(name: .long) var commune: String?
        @Option(name: .long) var address: String?
        @Option(name: .long) var phone: String?
        @Option(name: .long) var email: String?
        @Option(name: .long) var representative: String?
        @Option(name: .long, help: "true | false") var female: Bool?
        @Option(name: .long, help: "true | false") var ethnicMinority: Bool?
        @Option(name: .long, help: "true | false") var disabled: Bool?

        func run() throws {
            try runReporting(lang.language) {
                let kindValue = try kind.map { raw -> ProducerKind in
                    guard let kind = ProducerKind(flexible: raw) else { throw UserFacingError("kind: \(raw)?") }
                    return kind
                }
                let workbench = Workbench(actor: actor.actor, language: lang.language)
                let connection = try workbench.connect()
                let updated = try RegistryStore(connection).editProducer(producer, .init(
                    name: name, kind: kindValue, communeCode: commune, address: address, phone: phone, email: email,
                    representativeName: representative, female: female, ethnicMinority: ethnicMinority, disabled: disabled
                ), actor: workbench.actor)
                Output.write(lang.language == .vi ? "Đã cập nhật chủ thể \(updated.name)." : "Updated producer \(updated.name).")
            }
        }
    }
}
