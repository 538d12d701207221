import ArgumentParser
import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

/// A date typed on the command line (`YYYY-MM-DD`), named by the field it stands for.
func readDate(_ raw: String, field: String = "date") throws -> CalendarDate {
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard let date = CalendarDate(iso: text) else {
        throw DomainError.invalidValue(field: field, value: raw, reason: CalendarDate.problem(parsing: text))
    }
    return date
}

/// "24" (a province code) or "BNNMT" (the Ministry).
func readAuthority(_ raw: String) throws -> IssuingAuthority {
    guard let authority = IssuingAuthority(code: raw) else {
        throw DomainError.invalidValue(field: "authority", value: raw, reason: LocalizedText(
            vi: "mã tỉnh 2 chữ số (vd. 24) cho Chủ tịch UBND cấp tỉnh, hoặc BNNMT cho Bộ Nông nghiệp và Môi trường.",
            en: "a two-digit province code (e.g. 24) for the provincial chair, or BNNMT for the Ministry of Agriculture and Environment."))
    }
    return authority
}

func readDecisionNumber(_ raw: String) throws -> DecisionNumber { try DecisionNumber(parsing: raw) }

func readCertificateNumber(_ raw: String) throws -> CertificateNumber { try CertificateNumber(parsing: raw) }

/// Who signs a decision.
struct SignerOptions: ParsableArguments {
    @Option(name: .customLong("signer-name"), help: L("Họ và tên người ký.", "The signer's full name.")) var name: String
    @Option(name: .customLong("signer-title"), help: L("Chức vụ người ký (vd. PHÓ CHỦ TỊCH, CHỦ TỊCH, BỘ TRƯỞNG).", "The signer's title (e.g. PHÓ CHỦ TỊCH, CHỦ TỊCH, BỘ TRƯỞNG).")) var title: String
    @Option(name: .customLong("signer-prefix"), help: L("Quyền hạn ký khi ký thay (vd. \"KT. CHỦ TỊCH\").", "Signing capacity when signing for the head (e.g. \"KT. CHỦ TỊCH\").")) var prefix: String?

    var signer: DecisionSigner {
        DecisionSigner(prefix: prefix.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }, title: title, name: name)
    }
}

/// `--as-of DATE`: the day a status is computed for (default today from the clock).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(L("Ngày xem tình trạng (YYYY-MM-DD, mặc định hôm nay).", "The day to look at (YYYY-MM-DD, default today)."), valueName: L("ngày", "date")))
    var raw: String?

    func date() throws -> CalendarDate? { try raw.map { try readDate($0, field: "as_of") } }
}
