import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop issuer …`: how an issuing authority prints (its printing configuration) and its signing keys.
struct IssuerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer",
        abstract: L("Cơ quan cấp giấy chứng nhận: cấu hình in và khóa ký.", "Issuing authorities: printing configuration and signing keys."),
        discussion: L("""
            Cấu hình in nằm trong $OCOP_HOME/printing.yaml (docs/printing.md): tên cơ quan, địa chỉ xác thực của mã QR, nơi công bố \
            danh sách trạng thái, màu khung, cỡ mã QR, các tệp hình ảnh (quốc huy, biểu trưng OCOP, con dấu, chữ ký) mà tỉnh được \
            phép dùng. Chương trình không kèm và không vẽ hình ảnh nào của cơ quan nhà nước.
            """, """
            The printing configuration is $OCOP_HOME/printing.yaml (docs/printing.md): the issuer's name, the QR code's \
            verification address, where the status list is published, frame colour, QR size, and the artwork files (emblem, \
            OCOP mark, seal, signature) the province may use. The program ships and draws no official artwork.
            """),
        subcommands: [Show.self, Configure.self, IssuerKeyCommand.self]
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Cấu hình in và khóa ký của các cơ quan cấp.", "The issuers' printing configuration and signing keys."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: ArgumentHelp(L("Mã tỉnh hoặc BNNMT (mặc định: mọi cơ quan đã cấu hình hoặc có khóa).", "A province code or BNNMT (default: every issuer configured or with keys)."), valueName: "24|BNNMT")) var issuer: String?

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let bench = try workbench()
                let filter = try issuer.map(readIssuer)
                let configuration = try bench.printingConfiguration()
                let keys = try bench.issuerKeys(issuer: filter)
                var codes = filter.map { [$0.code] } ?? (Array(configuration.issuers.keys) + keys.map(\.record.issuerCode))
                codes = codes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }.sorted()
                var lines = [(vi ? "Tệp cấu hình in: " : "Printing configuration: ") + bench.printingConfigurationFile.path,
                             (vi ? "Thư mục khóa bí mật: " : "Private key folder: ") + bench.keyDirectory.path]
                if codes.isEmpty { lines.append(vi ? "Chưa cấu hình cơ quan nào, chưa có khóa nào." : "No issuer configured, no key recorded.") }
                for code in codes {
                    let p = configuration.profile(code)
                    let a = p.artwork ?? ArtworkFiles()
                    func shown(_ value: String?, _ fallback: String) -> String { value ?? fallback }
                    let none = vi ? "(không có)" : "(none)"
                    lines.append("")
                    lines.append("== \(code) ==")
                    let rows: [(String, String)] = [
                        (vi ? "Tên" : "Name", try bench.issuerName(code) + (p.name == nil ? (vi ? " (mặc định)" : " (default)") : "")),
                        (vi ? "Địa chỉ xác thực" : "Verification address", shown(p.verificationAddress, vi ? "(không có: mã QR dạng OC1:)" : "(none: QR in OC1: form)")),
                        (vi ? "Danh sách trạng thái" : "Status list", shown(p.statusList, none)),
                        (vi ? "Khung" : "Frame", p.frame == false ? (vi ? "không in" : "not printed") : shown(p.frameColor, "#165E38")),
                        (vi ? "Cạnh mã QR" : "QR side", "\(Int(p.qrSide ?? 32)) mm"),
                        (vi ? "Quốc huy" : "National emblem", shown(a.nationalEmblem, none)),
                        (vi ? "Biểu trưng OCOP" : "OCOP mark", shown(a.ocopMark, none)),
                        (vi ? "Con dấu" : "Seal", shown(a.seal, none) + (a.seal == nil ? "" : " (\(Int(a.sealDiameter ?? 36)) mm)")),
                        (vi ? "Chữ ký" : "Signature", shown(a.signature, none)),
                    ]
                    let width = rows.map(\.0.count).max() ?? 0
                    for (label, value) in rows { lines.append(label + ":" + String(repeating: " ", count: width - label.count + 2) + value) }
                    let own = keys.filter { $0.record.issuerCode == code }
                    if !own.isEmpty {
                        lines.append(vi ? "Khóa ký:" : "Signing keys:")
                        lines.append(contentsOf: IssuerKeyCommand.table(own, bench.today, language).split(separator: "\n").map { "  " + $0 })
                    }
                }
                Output.write(Output.terminalSafe(lines.joined(separator: "\n")))
            }
        }
    }

    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: L("Đặt cấu hình in của một cơ quan cấp.", "Set an issuer's printing configuration."),
            discussion: L("Đường dẫn hình ảnh phải là tệp PNG (lưu thành đường dẫn tuyệt đối). --clear đưa một mục về mặc định (lặp lại).",
                          "Artwork paths must be PNG files (stored as absolute paths). --clear puts a field back to its default (repeat)."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: ArgumentHelp(L("Mã tỉnh hoặc BNNMT.", "A province code or BNNMT."), valueName: "24|BNNMT")) var issuer: String
        @Option(help: L("Tên cơ quan cấp (ghi trong mã QR và danh sách tin cậy), vd. \"Ủy ban nhân dân tỉnh Bắc Ninh\".", "The issuer's name (in the QR code and the trust list), e.g. \"Ủy ban nhân dân tỉnh Bắc Ninh\".")) var name: String?
        @Option(name: .customLong("verification-address"), help: L("Địa chỉ xác thực https://…/ (tối đa 32 ký tự): mã QR thành đường dẫn.", "Verification address https://…/ (at most 32 characters): the QR code becomes a link.")) var verificationAddress: String?
        @Option(name: .customLong("status-list-url"), help: L("Địa chỉ https:// công bố danh sách trạng thái.", "The https:// address the status list is published at.")) var statusList: String?
        @Option(name: .customLong("frame-color"), help: L("Màu khung giấy chứng nhận #RRGGBB.", "The certificate frame's colour #RRGGBB.")) var frameColor: String?
        @Flag(inversion: .prefixedNo, help: L("In khung giấy chứng nhận.", "Print the certificate frame.")) var frame: Bool?
        @Option(name: .customLong("qr-side"), help: L("Cạnh mã QR, mm (30–60).", "The QR side, mm (30–60).")) var qrSide: Double?
        @Option(help: L("Tệp PNG quốc huy.", "The national emblem PNG.")) var emblem: String?
        @Option(name: .customLong("ocop-mark"), help: L("Tệp PNG biểu trưng OCOP.", "The OCOP mark PNG.")) var ocopMark: String?
        @Option(help: L("Tệp PNG con dấu.", "The seal PNG.")) var seal: String?
        @Option(help: L("Tệp PNG chữ ký (nền trong suốt).", "The signature PNG (transparent).")) var signature: String?
        @Option(name: .customLong("seal-diameter"), help: L("Đường kính thật của con dấu, mm.", "The seal's real diameter, mm.")) var sealDiameter: Double?
        @Option(name: .customLong("clear"), help: ArgumentHelp(L("Đưa về mặc định: ", "Back to default: ") + IssuerProfileChange.Field.allCases.map(\.rawValue).joined(separator: ", "), valueName: L("mục", "field"))) var clear: [String] = []

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let authority = try readIssuer(issuer)
                let cleared = try clear.map { raw in
                    try choice(raw, field: "clear", allowed: IssuerProfileChange.Field.allCases.map(\.rawValue)) { IssuerProfileChange.Field(rawValue: $0.replacingOccurrences(of: "-", with: "_")) }
                }
                let bench = try workbench()
                try bench.updateIssuerProfile(authority, IssuerProfileChange(
                    name: name, verificationAddress: verificationAddress, statusList: statusList, frameColor: frameColor, frame: frame,
                    qrSide: qrSide, nationalEmblem: emblem, ocopMark: ocopMark, seal: seal, signature: signature, sealDiameter: sealDiameter,
                    clear: cleared))
                Output.write(language == .vi ? "Đã lưu cấu hình in của \(authority.code) vào \(bench.printingConfigurationFile.path)."
                                             : "Saved the printing configuration of \(authority.code) to \(bench.printingConfigurationFile.path).")
            }
        }
    }
}

/// `ocop issuer key …`: Ed25519 signing keys (docs/credentials.md §5–6).
struct IssuerKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: L("Khóa ký Ed25519 của cơ quan cấp: tạo, xem, xuất danh sách tin cậy, ngừng dùng.", "Issuers' Ed25519 signing keys: create, show, export the trust list, retire."),
        discussion: L("""
            Khóa bí mật là một tệp chỉ chủ sở hữu đọc được (0600), ngoài cơ sở dữ liệu, mặc định $OCOP_HOME/keys/<mã khóa>.json; \
            sổ chỉ ghi khóa công khai và thời gian khóa được dùng (ký giấy chứng nhận cấp từ ngày --valid-from đến --valid-until). \
            Mã khóa (kid) = mã cơ quan + dấu vân tay của khóa, nên một cơ quan có thể có nhiều khóa (thay khóa định kỳ).
            """, """
            The private key is a file only its owner can read (0600), outside the database, by default \
            $OCOP_HOME/keys/<kid>.json; the register records the public key and its service window (it signs certificates \
            issued from --valid-from to --valid-until). The key id (kid) is the issuer code plus the key's fingerprint, so an \
            issuer can hold several keys (rotation).
            """),
        subcommands: [Create.self, Add.self, Show.self, Export.self, Retire.self]
    )

    static func table(_ keys: [IssuerKeyView], _ today: CalendarDate, _ language: Language) -> String {
        let vi = language == .vi
        let headers = vi ? ["mã khóa", "cơ quan", "dùng từ", "dùng đến", "ngừng dùng từ", "tạo ngày", "tệp khóa bí mật"]
            : ["kid", "issuer", "from", "until", "retired", "created", "private key file"]
        return Output.table(headers: headers, rows: keys.map { k in
            let r = k.record
            return [r.kid, r.issuerCode, r.validFrom.display(language), r.validUntil?.display(language) ?? "", r.retiredOn?.display(language) ?? "",
                    r.createdOn.display(language), k.privateKeyFile ?? (vi ? "(không có trên máy này)" : "(not on this machine)")]
        })
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: L("Tạo khóa ký mới cho một cơ quan cấp.", "Create a new signing key for an issuer."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(help: ArgumentHelp(L("Cơ quan cấp: mã tỉnh hoặc BNNMT.", "The issuer: a province code or BNNMT."), valueName: "24|BNNMT")) var issuer: String
        @Option(name: .customLong("valid-from"), help: L("Ký giấy chứng nhận cấp từ ngày này (mặc định hôm nay; lùi lại để in giấy đã cấp trước đó).", "Signs certificates issued from this day (default today; set it earlier to print certificates issued before).")) var validFrom: String?
        @Option(name: .customLong("valid-until"), help: L("Ký giấy chứng nhận cấp đến hết ngày này.", "Signs certificates issued through this day.")) var validUntil: String?
        @Option(name: .customLong("key-file"), help: L("Ghi khóa bí mật vào tệp này (không ghi đè tệp đã có).", "Write the private key to this file (never over an existing one).")) var keyFile: String?

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let created = try workbench(actor).createIssuerKey(
                    issuer: try readIssuer(issuer), validFrom: try validFrom.map { try readDate($0, field: "key_valid_from") },
                    validUntil: try validUntil.map { try readDate($0, field: "key_valid_until") }, file: keyFile)
                let r = created.record
                let window = r.validUntil.map { vi ? " đến hết ngày \($0.display(.vi))" : " through \($0.display(.en))" } ?? ""
                Output.write(vi
                    ? "Đã tạo khóa \(r.kid) cho cơ quan \(r.issuerCode): ký giấy chứng nhận cấp từ ngày \(r.validFrom.display(.vi))\(window).\nKhóa bí mật: \(created.file) (chỉ chủ sở hữu đọc được; hãy sao lưu an toàn).\nKhóa công khai: \(r.publicKey)"
                    : "Created key \(r.kid) for issuer \(r.issuerCode): signs certificates issued from \(r.validFrom.display(.en))\(window).\nPrivate key: \(created.file) (owner-only; back it up safely).\nPublic key: \(r.publicKey)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: L("Ghi nhận khóa công khai của một tệp khóa đã có (tạo trên máy khác hoặc giữ ngoại tuyến).", "Record the public key of an existing key file (made on another machine, or kept offline)."),
            discussion: L("Tệp khóa chỉ được đọc, phải chỉ chủ sở hữu đọc được (0600). Để ký trên máy này, đặt tệp vào $OCOP_HOME/keys/<mã khóa>.json hoặc dùng --key-file khi in.",
                          "The key file is only read and must be owner-only (0600). To sign on this machine, put it at $OCOP_HOME/keys/<kid>.json or pass --key-file when printing."))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Option(name: .customLong("key-file"), help: L("Tệp khóa (định dạng ocop-issuer-key/1).", "The key file (format ocop-issuer-key/1).")) var keyFile: String
        @Option(name: .customLong("valid-from"), help: L("Ký giấy chứng nhận cấp từ ngày này (mặc định ngày tạo khóa).", "Signs certificates issued from this day (default the key's creation day).")) var validFrom: String?
        @Option(name: .customLong("valid-until"), help: L("Ký giấy chứng nhận cấp đến hết ngày này.", "Signs certificates issued through this day.")) var validUntil: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let r = try workbench(actor).recordIssuerKey(file: keyFile, validFrom: try validFrom.map { try readDate($0, field: "key_valid_from") },
                                                            validUntil: try validUntil.map { try readDate($0, field: "key_valid_until") })
                Output.write(language == .vi ? "Đã ghi nhận khóa \(r.kid) của cơ quan \(r.issuerCode): ký giấy chứng nhận cấp từ ngày \(r.validFrom.display(.vi))."
                                             : "Recorded key \(r.kid) of issuer \(r.issuerCode): signs certificates issued from \(r.validFrom.display(.en)).")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: L("Các khóa ký đã ghi nhận.", "The recorded signing keys."))
        @OptionGroup var lang: LanguageOption
        @Option(help: ArgumentHelp(L("Chỉ một cơ quan cấp.", "One issuer only."), valueName: "24|BNNMT")) var issuer: String?
        @Option(help: "table | json") var format: OutputFormat = .table

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.table, .text, .json])
                let bench = try workbench()
                let keys = try bench.issuerKeys(issuer: try issuer.map(readIssuer))
                if format == .json { Output.write(Output.json(keys.map(\.record))); return }
                Output.write(keys.isEmpty ? (language == .vi ? "Chưa có khóa nào." : "No key recorded.") : Self.render(keys, bench.today, language))
            }
        }

        static func render(_ keys: [IssuerKeyView], _ today: CalendarDate, _ language: Language) -> String {
            IssuerKeyCommand.table(keys, today, language)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: L("Xuất danh sách tin cậy (JSON) cho người xác thực, hoặc một khóa công khai (PEM).", "Export the trust list (JSON) for verifiers, or one public key (PEM)."))
        @OptionGroup var lang: LanguageOption
        @Option(name: .customLong("issuer"), help: ArgumentHelp(L("Chỉ các cơ quan này (lặp lại).", "Only these issuers (repeat)."), valueName: "24|BNNMT")) var issuers: [String] = []
        @Option(help: ArgumentHelp(L("Xuất khóa công khai này dạng PEM.", "Export this public key as PEM."), valueName: "kid")) var pem: String?
        @Option(help: ArgumentHelp(L("Tệp để ghi (mặc định đầu ra chuẩn).", "The file to write (default standard output)."), valueName: L("tệp", "file"))) var output: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let bench = try workbench()
                let text: String
                var summary = ""
                if let pem {
                    text = try bench.publicKeyPEM(kid: pem)
                } else {
                    let list = try bench.exportTrustList(issuers: try issuers.map(readIssuer))
                    text = list.json
                    summary = language == .vi ? ": \(list.issuers) cơ quan, \(list.keys) khóa" : ": \(englishCount(list.issuers, "issuer")), \(englishCount(list.keys, "key"))"
                }
                guard let output, output != "-" else { Output.write(text); return }
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    throw AppError.fileUnreadable(path: output, reason: error.localizedDescription)
                }
                Output.write(language == .vi ? "Đã ghi \(output)\(summary)." : "Wrote \(output)\(summary).")
            }
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retire",
            abstract: L("Ngừng dùng một khóa: từ ngày này khóa chỉ còn ký giấy chứng nhận cấp trước đó.", "Retire a key: from this day it signs only certificates issued before it."),
            discussion: L("Khi khóa bị lộ, hãy bỏ khóa khỏi danh sách tin cậy đã phát hành (ngừng dùng không chống được việc ký lùi ngày) và in lại giấy chứng nhận bằng khóa mới.",
                          "When a key is compromised, remove it from the published trust list (retiring does not stop backdating) and reprint the certificates with a new key."))
        @OptionGroup var lang: LanguageOption
        @Argument(help: ArgumentHelp(L("Mã khóa.", "The key id."), valueName: "kid")) var kid: String
        @Option(help: L("Ngày ngừng dùng YYYY-MM-DD (mặc định hôm nay).", "Retirement day YYYY-MM-DD (default today).")) var date: String?

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                let record = try workbench().retireIssuerKey(kid: kid, on: try date.map { try readDate($0) })
                let day = record.retiredOn ?? record.validFrom
                Output.write(language == .vi ? "Khóa \(record.kid) ngừng dùng từ ngày \(day.display(.vi)): chỉ còn ký giấy chứng nhận cấp trước ngày đó."
                                             : "Key \(record.kid) is retired from \(day.display(.en)): it signs only certificates issued before that day.")
            }
        }
    }
}
