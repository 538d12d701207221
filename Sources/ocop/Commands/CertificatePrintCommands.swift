import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// `ocop certificate print | verify | status-list`: printed certificates with a signed QR code,
/// their verification, and the issuer's revocation list (docs/printing.md, docs/credentials.md).
extension CertificateCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: L("In giấy chứng nhận (PDF, một trang, mã QR có chữ ký số của cơ quan cấp).", "Print certificates (PDF, one page each, with the issuer's signed QR code)."),
            discussion: L("""
                Nêu các số giấy chứng nhận, hoặc --decision để in mọi giấy chứng nhận của một quyết định công nhận: vào một tệp PDF \
                (--output) hoặc mỗi giấy một tệp trong một thư mục (--split). Mã QR mang mọi thông tin in trên giấy và chỉ số trong \
                danh sách trạng thái, ký bằng khóa của cơ quan cấp (ocop issuer key create); lần in đầu cấp chỉ số này và giữ nguyên \
                cho các lần in lại. In lại cùng dữ liệu cho cùng một tệp (từng byte). Khung, màu, cỡ mã QR, hình ảnh theo cấu hình in \
                (ocop issuer set).
                """, """
                Give certificate numbers, or --decision to print every certificate of a recognition decision: into one PDF \
                (--output) or one file each in a folder (--split). The QR code carries every printed field and a status-list \
                index, signed with the issuer's key (ocop issuer key create); the first print gives the index, reprints keep it. \
                The same data prints the same bytes. Frame, colour, QR size and artwork follow the printing configuration \
                (ocop issuer set).
                """))
        @OptionGroup var lang: LanguageOption
        @OptionGroup var actor: ActorOption
        @Argument(help: L("Số giấy chứng nhận, vd. GCN-24-2026-0001.", "Certificate numbers, e.g. GCN-24-2026-0001.")) var numbers: [String] = []
        @Option(help: L("In mọi giấy chứng nhận của quyết định này (vd. 1523/QĐ-UBND).", "Print every certificate of this decision (e.g. 1523/QĐ-UBND).")) var decision: String?
        @Option(help: ArgumentHelp(L("Cơ quan ban hành khi có nhiều quyết định cùng số.", "The issuer, when several decisions share the number."), valueName: "24|BNNMT")) var authority: String?
        @Option(help: L("Năm, khi có nhiều quyết định cùng số.", "The year, when several decisions share the number.")) var year: Int?
        @OptionGroup var output: PDFOutputOption
        @Option(help: ArgumentHelp(L("Mỗi giấy chứng nhận một tệp <số>.pdf trong thư mục này.", "One file <number>.pdf per certificate in this folder."), valueName: L("thư-mục", "folder"))) var split: String?
        @OptionGroup var key: KeyFileOption

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                guard (decision == nil) != numbers.isEmpty else {
                    throw UsageError(message: LocalizedText(vi: "Nêu số giấy chứng nhận hoặc --decision (không cả hai).",
                                                            en: "Give certificate numbers or --decision (not both)."))
                }
                guard split == nil || output.path == nil else {
                    throw UsageError(message: LocalizedText(vi: "Chọn --output hoặc --split, không cả hai.", en: "Choose --output or --split, not both."))
                }
                try output.check()
                let bench = try workbench(actor)
                let renderer = try documentPrinter()
                var documents: [CertificateDocument] = []
                var defaultName = ""
                var title = ""
                if let raw = decision {
                    let decision = try bench.decision(try readDecisionNumber(raw), authority: try authority.map(readAuthority), year: year)
                    title = "\(language == .vi ? "Giấy chứng nhận" : "Certificates") \(decision.number)"
                    let progress = ProgressReporter(title: title, minimum: 2)
                    let batch = try bench.certificateBatch(decision, language: language, keyFile: key.path) { done, total in
                        progress.update(done, 2 * total)
                    }
                    documents = batch.documents
                    defaultName = "GCN-\(PDFFile.name(decision.number.description))-\(decision.decidedOn.year).pdf"
                    try emit(documents, renderer: renderer, defaultName: defaultName, language, finish: progress.finish) { done in
                        progress.update(documents.count + done, 2 * documents.count)
                    }
                    return
                }
                for raw in numbers {
                    documents.append(try bench.certificateDocument(try readCertificateNumber(raw), language: language, qr: .signed(keyFile: key.path)))
                }
                defaultName = documents.count == 1 ? "\(documents[0].certificateNumber).pdf" : "GCN-\(documents.count).pdf"
                try emit(documents, renderer: renderer, defaultName: defaultName, language, finish: {}) { _ in }
            }
        }

        /// One PDF, or one file per certificate with `--split`; `finish` ends the progress bar
        /// before anything is said.
        func emit(_ documents: [CertificateDocument], renderer: DocumentPrinter, defaultName: String, _ language: Language,
                  finish: () -> Void, progress: (Int) -> Void) throws {
            guard let split else {
                let pdf = try renderer.pdf(certificates: documents, progress: progress)
                finish()
                try output.write(pdf, defaultName: defaultName, language)
                return
            }
            let folder = URL(fileURLWithPath: split, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw AppError.fileUnreadable(path: split, reason: error.localizedDescription)
            }
            // One run of the print helper for all of them; one PDF each.
            let pdfs = try renderer.render(documents.map { .certificates([$0]) }, progress: progress)
            var lines: [String] = []
            for (document, pdf) in zip(documents, pdfs) {
                let path = folder.appendingPathComponent("\(document.certificateNumber).pdf")
                do { try pdf.write(to: path, options: .atomic) } catch {
                    throw AppError.fileUnreadable(path: path.path, reason: error.localizedDescription)
                }
                lines.append(PDFFile.written((split as NSString).appendingPathComponent(path.lastPathComponent), pdf, language))
            }
            finish()
            Output.write(lines.joined(separator: "\n"))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: L("Xác thực mã QR của giấy chứng nhận: chữ ký, khóa, hiệu lực, thu hồi; in các thông tin để đối chiếu với bản giấy.",
                        "Verify a certificate's QR code: signature, key, validity, revocation; prints the fields to compare with the paper."),
            discussion: L("""
                TEXT là nội dung mã QR (OC1:… hoặc HTTPS://…), tệp chứa nội dung đó (vd. kết quả của zbarimg), hoặc - để đọc từ đầu \
                vào chuẩn. Không có --trust: dùng các khóa đã ghi nhận trong sổ, và tình trạng thu hồi, thay thế theo sổ. Có --trust \
                (danh sách tin cậy của ocop issuer key export): xác thực ngoại tuyến, không đọc sổ; thêm --status-list (tệp của ocop \
                certificate status-list) để kiểm tra thu hồi. Mã thoát 0 khi hợp lệ, 65 khi bị từ chối (kèm lý do).
                """, """
                TEXT is the QR text (OC1:… or HTTPS://…), a file holding it (e.g. zbarimg's output), or - for standard input. \
                Without --trust: the register's recorded keys, and revocation and supersession from the register. With --trust \
                (the trust list of ocop issuer key export): offline, the register is not read; add --status-list (a file of ocop \
                certificate status-list) to check revocation. Exit 0 when accepted, 65 when refused (with the reason).
                """))
        @OptionGroup var lang: LanguageOption
        @Argument(help: ArgumentHelp(L("Nội dung mã QR, tệp, hoặc -.", "The QR text, a file, or -."), valueName: "TEXT|FILE")) var input: String
        @Option(help: ArgumentHelp(L("Tệp danh sách tin cậy (JSON): xác thực ngoại tuyến.", "A trust list file (JSON): verify offline."), valueName: L("tệp", "file"))) var trust: String?
        @Option(name: .customLong("status-list"), help: ArgumentHelp(L("Tệp danh sách trạng thái đã ký (lặp lại).", "A signed status list file (repeat)."), valueName: L("tệp", "file"))) var statusLists: [String] = []
        @Option(help: L("Ngày kiểm tra hiệu lực YYYY-MM-DD (mặc định hôm nay).", "The day to check validity on, YYYY-MM-DD (default today).")) var on: String?
        @Option(help: "text | json") var format: OutputFormat = .text

        func run() throws {
            let language = lang.language
            try runReporting(language) {
                try require(format, in: [.text, .json])
                let text = try Self.qrText(input)
                let trustList = try trust.map { Array(try InputFile.data($0, limit: 1 << 20)) }
                let lists = try statusLists.map { try InputFile.text($0, limit: 4 << 20) }
                let bench = try workbench()
                let result = try bench.verifyCertificate(VerificationRequest(text: text, trustList: trustList, statusLists: lists,
                                                                             on: try on.map { try readDate($0, field: "on") }))
                Output.write(format == .json ? VerifyRender.json(result, language) : VerifyRender.text(result, language))
                if let failure = result.failures.first {
                    for other in result.failures.dropFirst() { Output.warn(other.message(language)) }
                    throw failure
                }
            }
        }

        /// The QR text from an argument, a file or standard input; zbarimg's "QR-Code:" prefix is dropped.
        static func qrText(_ input: String) throws -> String {
            var raw = input
            if input == "-" {
                raw = String(decoding: FileHandle.standardInput.readDataToEndOfFile().prefix(64 * 1024), as: UTF8.self)
            } else if FileManager.default.fileExists(atPath: input) || (input.contains("/") && !input.hasPrefix("OC") && !input.lowercased().hasPrefix("http")) {
                // An existing file, or something that looks like a path: read it (a missing file is said so).
                raw = try InputFile.text(input, limit: 64 * 1024)
            }
            let line = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
            return line.hasPrefix("QR-Code:") ? String(line.dropFirst("QR-Code:".count)) : line
        }
    }

    struct StatusList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-list",
            abstract: L("Công bố danh sách thu hồi của cơ quan cấp (W3C Bitstring Status List, đã ký).", "Publish the issuer's revocation list (W3C Bitstring Status List, signed)."),
            discussion: L("""
                Một bit cho mỗi giấy chứng nhận đã in (ít nhất 131.072 bit, nén GZIP, base64url): bit bật khi giấy chứng nhận đã bị \
                thu hồi hoặc đã được thay thế vào ngày công bố. Tệp là một JWS (vc+jwt, EdDSA) ký bằng khóa của cơ quan cấp còn dùng \
                được vào ngày đó; đăng tại địa chỉ status_list của cấu hình in để người xác thực tải về.
                """, """
                One bit per printed certificate (at least 131,072 bits, GZIP, base64url): set when the certificate was revoked or \
                superseded by the publication day. The file is a JWS (vc+jwt, EdDSA) signed with the issuer's key in service that \
                day; publish it at the printing configuration's status_list address for verifiers to fetch.
                """))
        @OptionGroup var lang: LanguageOption
        @Option(help: ArgumentHelp(L("Cơ quan cấp: mã tỉnh hoặc BNNMT.", "The issuer: a province code or BNNMT."), valueName: "24|BNNMT")) var issuer: String
        @Option(help: L("Ngày công bố YYYY-MM-DD (mặc định hôm nay).", "Publication day YYYY-MM-DD (default today).")) var date: String?
        @Option(help: ArgumentHelp(L("Tệp để ghi (mặc định status-list-<mã>.jwt); - ghi ra đầu ra chuẩn.", "The file to write (default status-list-<code>.jwt); - writes to standard output."), valueName: L("tệp", "file"))) var output: String?
        @OptionGroup var key: KeyFileOption

        func run() throws {
            let language = lang.language
            let vi = language == .vi
            try runReporting(language) {
                let authority = try readIssuer(issuer)
                let list = try workbench().publishStatusList(issuer: authority, on: try date.map { try readDate($0) }, keyFile: key.path)
                if output == "-" { Output.write(list.jws); return }
                let path = output ?? "status-list-\(list.issuer).jwt"
                do { try Data((list.jws + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    throw AppError.fileUnreadable(path: path, reason: error.localizedDescription)
                }
                let ended = list.ended.map(\.description).joined(separator: ", ")
                Output.write(vi
                    ? "Đã ghi \(path): danh sách trạng thái của \(list.issuer) ngày \(list.date.display(.vi)), \(list.size) mục, \(list.indexes) chỉ số đã cấp, \(list.ended.count) giấy chứng nhận đã bị thu hồi hoặc thay thế\(ended.isEmpty ? "" : " (\(ended))"); ký bằng khóa \(list.kid). Đăng tại: \(list.id)"
                    : "Wrote \(path): status list of \(list.issuer) on \(list.date.display(.en)), \(list.size) entries, \(englishCount(list.indexes, "index", "indexes")) given, \(englishCount(list.ended.count, "certificate")) revoked or superseded\(ended.isEmpty ? "" : " (\(ended))"); signed with key \(list.kid). Publish at: \(list.id)")
            }
        }
    }
}

/// "24" or "BNNMT": an issuing authority, named by the field `issuer`.
func readIssuer(_ raw: String) throws -> IssuingAuthority {
    guard let authority = IssuingAuthority(code: raw) else {
        throw DomainError.invalidValue(field: "issuer", value: raw, reason: LocalizedText(
            vi: "mã tỉnh 2 chữ số (vd. 24) hoặc BNNMT.", en: "a two-digit province code (e.g. 24) or BNNMT."))
    }
    return authority
}

/// A verification for a person: the verdict, the signed fields, what was checked.
enum VerifyRender {
    static func text(_ v: CertificateVerification, _ language: Language) -> String {
        let vi = language == .vi
        var lines = [vi ? "Giấy chứng nhận \(v.certificateNumber): chữ ký hợp lệ (khóa \(v.kid) của \(v.issuerName))."
                        : "Certificate \(v.certificateNumber): the signature is valid (key \(v.kid) of \(v.issuerName))."]
        if let address = v.address { lines.append((vi ? "Địa chỉ trong mã QR (không được ký): " : "Address in the QR code (not signed): ") + address) }
        lines.append("")
        let width = v.fields.map { $0.label(language).count }.max() ?? 0
        for field in v.fields {
            let label = field.label(language)
            lines.append(label + ":" + String(repeating: " ", count: width - label.count + 2) + field.value(language))
        }
        lines.append("")
        let status: String
        switch v.status {
        case .register:
            status = (vi ? "theo sổ giấy chứng nhận: " : "per the register: ") + (v.registerStatus?.label(language) ?? "")
        case .statusList(let day):
            status = vi ? "theo danh sách trạng thái công bố ngày \(day.display(.vi))" : "per the status list published \(day.display(.en))"
        case .notChecked:
            status = vi ? "chưa kiểm tra thu hồi (không có danh sách trạng thái)" : "revocation not checked (no status list)"
        case .notInRegister:
            status = vi ? "sổ giấy chứng nhận này không có số \(v.certificateNumber)" : "this register has no certificate \(v.certificateNumber)"
        }
        lines.append((vi ? "Kiểm tra ngày \(v.checkedOn.display(.vi)): " : "Checked on \(v.checkedOn.display(.en)): ") + status + ".")
        lines.append(v.isAccepted
            ? (vi ? "Kết luận: HỢP LỆ. Hãy đối chiếu các thông tin trên với bản giấy." : "Verdict: VALID. Compare the fields above with the paper.")
            : (vi ? "Kết luận: KHÔNG HỢP LỆ." : "Verdict: NOT VALID."))
        return Output.terminalSafe(lines.joined(separator: "\n"))
    }

    struct JSON: Encodable {
        var accepted: Bool
        var certificate: String
        var kid: String
        var issuer: String
        var issuerName: String
        var issuerKind: String
        var address: String?
        var checkedOn: String
        var status: String
        var registerStatus: String?
        var fields: [String: String]
        var failures: [String]
    }

    static func json(_ v: CertificateVerification, _ language: Language) -> String {
        let status: String
        switch v.status {
        case .register: status = "register"
        case .statusList(let day): status = "status_list:\(day.iso)"
        case .notChecked: status = "not_checked"
        case .notInRegister: status = "not_in_register"
        }
        return Output.json(JSON(
            accepted: v.isAccepted, certificate: v.certificateNumber, kid: v.kid, issuer: v.issuerCode, issuerName: v.issuerName,
            issuerKind: v.issuerKind, address: v.address, checkedOn: v.checkedOn.iso, status: status, registerStatus: v.registerStatus?.rawValue,
            fields: Dictionary(v.fields.map { ($0.name, $0.value(language)) }, uniquingKeysWith: { a, _ in a }),
            failures: v.failures.map { $0.message(language) }))
    }
}
