import Foundation
import OCOPDomain
import OCOPStore

/// The one error type of the application layer: files, configuration, confirmations.
public enum AppError: LocalizedFailure, Equatable {
    case fileNotFound(String)
    case notAFile(String)
    case fileUnreadable(path: String, reason: String)
    case fileTooLarge(path: String, limit: Int)
    case notUTF8(path: String, line: Int, byte: Int)
    case emptyFile(String)
    case invalidClock(String)
    /// A chore that applies to the embedded database only, asked while a server is configured.
    case embeddedOnly(action: String, target: String)
    case psqlMissing
    /// A destructive step that needs an explicit confirmation.
    case confirmationNeeded(LocalizedText)
    /// The demo refuses to load over existing data without a reset.
    case databaseHasData
    /// Nothing to plan from: no council sheets for the product or dossier.
    case noCouncilScores(product: String)
    case noCouncilScoresForDossier(String)
    /// `plan --self-assessment` on a dossier that has none stored.
    case noSelfAssessment(String)
    /// `dossier diff` before the council scored the dossier.
    case notScoredYet(String)
    /// `dossier diff` of a first evaluation: there is no recognised product to compare with.
    case nothingRecognisedToCompare(String)
    /// The demo's story needs a clock on or after this day (its decisions are dated up to it).
    case demoNeedsLaterClock(CalendarDate)
    /// An official's own login decides who acts; `--as`/`OCOP_USER` cannot name someone else.
    case identityFromLogin(login: String, named: String)
    /// A restore into a configured server needs an empty database.
    case restoreNeedsEmptyDatabase(String)
    /// pg_dump or pg_restore failed; their own words.
    case toolFailed(tool: String, message: String)
    case unexpected(String)

    public var kind: ErrorKind {
        switch self {
        case .fileNotFound: .notFound
        case .notAFile: .invalidInput
        case .fileUnreadable, .psqlMissing: .unavailable
        case .fileTooLarge, .notUTF8, .emptyFile, .confirmationNeeded, .databaseHasData, .embeddedOnly: .invalidInput
        case .invalidClock, .demoNeedsLaterClock: .configuration
        case .noCouncilScores, .noCouncilScoresForDossier, .noSelfAssessment, .notScoredYet: .notFound
        case .restoreNeedsEmptyDatabase: .conflict
        case .identityFromLogin, .nothingRecognisedToCompare: .invalidInput
        case .toolFailed: .unavailable
        case .unexpected: .internal
        }
    }

    public var fields: [String] {
        switch self {
        case .confirmationNeeded: ["yes"]
        case .databaseHasData: ["reset"]
        case .identityFromLogin: ["actor"]
        case .noCouncilScores, .noCouncilScoresForDossier: ["sheet"]
        default: []
        }
    }

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .fileNotFound(let path): return vi ? "Không tìm thấy tệp \(path)." : "File not found: \(path)."
        case .notAFile(let path): return vi ? "\(path) là một thư mục, không phải tệp." : "\(path) is a folder, not a file."
        case let .fileUnreadable(path, reason): return vi ? "Không đọc được tệp \(path): \(reason)." : "Cannot read \(path): \(reason)."
        case let .fileTooLarge(path, limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB"
            return vi ? "Tệp \(path) quá lớn (giới hạn \(size))." : "\(path) is too large (the limit is \(size))."
        case let .notUTF8(path, line, byte):
            return vi ? "Tệp \(path) không phải UTF-8 (dòng \(line), byte thứ \(byte)). Hãy lưu lại dưới dạng UTF-8 (CSV UTF-8)."
                : "\(path) is not UTF-8 (line \(line), byte \(byte)). Save it as UTF-8 (CSV UTF-8)."
        case .emptyFile(let path): return vi ? "Tệp \(path) trống." : "\(path) is empty."
        case .invalidClock(let value):
            return vi ? "OCOP_CLOCK = \"\(value)\" không hợp lệ: dùng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SS+07:00."
                : "OCOP_CLOCK = \"\(value)\" is not valid: use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00."
        case let .embeddedOnly(action, target):
            return vi ? "Thao tác \(action) chỉ dùng cho cơ sở dữ liệu nội bộ; đang cấu hình máy chủ \(target) (OCOP_DATABASE_URL/DATABASE_URL/PG*)."
                : "\(action) is for the embedded database only; a server is configured: \(target) (OCOP_DATABASE_URL/DATABASE_URL/PG*)."
        case .psqlMissing: return vi ? "Không tìm thấy psql: cài gói postgresql-client." : "psql not found: install postgresql-client."
        case .confirmationNeeded(let what): return what(language)
        case .databaseHasData:
            return vi ? "Cơ sở dữ liệu đã có dữ liệu: muốn xóa và nạp lại dữ liệu mẫu thì yêu cầu đặt lại."
                : "The database already holds data: ask for a reset to delete it and load the demo again."
        case .noCouncilScores(let product):
            return vi ? "Sản phẩm \(product) chưa có phiếu chấm của Hội đồng; hãy lập kế hoạch từ một phiếu tự đánh giá."
                : "Product \(product) has no council sheets yet; plan from a self-assessment sheet."
        case .noCouncilScoresForDossier(let dossier):
            return vi ? "Hồ sơ \(dossier) chưa có phiếu chấm của Hội đồng; hãy lập kế hoạch từ một phiếu tự đánh giá."
                : "Dossier \(dossier) has no council sheets yet; plan from a self-assessment sheet."
        case .noSelfAssessment(let dossier):
            return vi ? "Hồ sơ \(dossier) chưa có phiếu tự đánh giá (ocop dossier self-assess \(dossier) --sheet TỆP)."
                : "Dossier \(dossier) has no self-assessment yet (ocop dossier self-assess \(dossier) --sheet FILE)."
        case .notScoredYet(let dossier):
            return vi ? "Hồ sơ \(dossier) chưa được Hội đồng chấm; so sánh có sau khi Hội đồng chấm."
                : "Dossier \(dossier) has not been scored by a council yet; the comparison comes after the council."
        case .nothingRecognisedToCompare(let dossier):
            return vi ? "Hồ sơ \(dossier) là hồ sơ đánh giá lần đầu: không có sản phẩm đã được công nhận để so sánh (chỉ hồ sơ nâng hạng hoặc đánh giá lại)."
                : "Dossier \(dossier) is a first evaluation: there is no recognised product to compare with (only upgrades and re-evaluations)."
        case .demoNeedsLaterClock(let day):
            return vi ? "Câu chuyện của dữ liệu mẫu có quyết định đến ngày \(day.display(.vi)); đồng hồ đang trước ngày đó. Đặt OCOP_CLOCK=2026-12-04 (hoặc muộn hơn)."
                : "The demo's story has decisions up to \(day.display(.en)); the clock is before that day. Set OCOP_CLOCK=2026-12-04 (or later)."
        case let .identityFromLogin(login, named):
            return vi ? "Tài khoản cơ sở dữ liệu đang dùng là của \(login); không thể làm thay \(named). Mỗi người dùng tài khoản của chính mình (phiếu giấy: dùng --entered-by)."
                : "The database login in use is \(login)'s; it cannot act as \(named). Everyone uses their own login (paper sheets: --entered-by)."
        case .restoreNeedsEmptyDatabase(let target):
            return vi ? "Cơ sở dữ liệu \(target) không trống: chỉ khôi phục vào một cơ sở dữ liệu trống (tạo mới rồi đặt OCOP_DATABASE_URL)."
                : "The database \(target) is not empty: restore only into an empty database (create one and point OCOP_DATABASE_URL at it)."
        case let .toolFailed(tool, message):
            return vi ? "\(tool) không chạy được:\n\(message)" : "\(tool) failed:\n\(message)"
        case .unexpected(let text): return (vi ? "Lỗi không lường trước: " : "Unexpected error: ") + text
        }
    }
}

/// Any error as something a person can be told, with its kind: what each front end reports.
public func explain(_ error: any Error) -> any LocalizedFailure {
    if let failure = error as? any LocalizedFailure { return failure }
    if let failure = StoreError.converting(error) { return failure }
    return AppError.unexpected(String(describing: error))
}
