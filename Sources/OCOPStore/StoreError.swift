import OCOPDomain
import Postgres

/// Failures of the store, phrased for a council secretary or a producer.
public enum StoreError: LocalizedFailure {
    case duplicateRegistration(registrationNo: String, existingName: String)
    case duplicateProduct(name: String, producer: String)
    case duplicateProductCode(String)
    case unknownCommune(String)
    case unknownProvince(String)
    case unknownProducer(String)
    case unknownProduct(String)
    case unknownDossier(String)
    case unknownRubricVersion(String)
    case rubricWithoutTables(String)
    case openDossierExists(product: String, dossier: String)
    case invalid(field: String, value: String, reason: LocalizedText)
    case importFailed(file: String, problems: [ImportProblem])
    case database(PostgresError)

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case let .duplicateRegistration(number, name):
            return vi ? "Mã số thuế/đăng ký \(number) đã được đăng ký cho \(name)." : "Registration/tax number \(number) is already registered to \(name)."
        case let .duplicateProduct(name, producer):
            return vi ? "Chủ thể \(producer) đã có sản phẩm tên \"\(name)\"." : "Producer \(producer) already has a product named \"\(name)\"."
        case let .duplicateProductCode(code):
            return vi ? "Mã sản phẩm \(code) đã tồn tại." : "Product code \(code) already exists."
        case let .unknownCommune(code):
            return vi ? "Không có xã/phường mã \(code)." : "No commune with code \(code)."
        case let .unknownProvince(code):
            return vi ? "Không có tỉnh/thành phố mã \(code)." : "No province with code \(code)."
        case let .unknownProducer(ref):
            return vi ? "Không tìm thấy chủ thể \(ref) (dùng mã số thuế/đăng ký hoặc số id)." : "No producer \(ref) (use the registration/tax number or the id)."
        case let .unknownProduct(ref):
            return vi ? "Không tìm thấy sản phẩm \(ref) (dùng mã sản phẩm hoặc số id)." : "No product \(ref) (use the product code or the id)."
        case let .unknownDossier(code):
            return vi ? "Không tìm thấy hồ sơ \(code)." : "No dossier \(code)."
        case let .unknownRubricVersion(id):
            return vi ? "Không có phiên bản bộ tiêu chí \(id)." : "No rubric version \(id)."
        case let .rubricWithoutTables(id):
            return vi ? "Phiên bản bộ tiêu chí \(id) không có bảng điểm trong chương trình: không thể chấm theo phiên bản này." : "Rubric version \(id) has no point tables here: it cannot be scored against."
        case let .openDossierExists(product, dossier):
            return vi ? "Sản phẩm \(product) đã có hồ sơ \(dossier) đang xử lý trong kỳ này." : "Product \(product) already has dossier \(dossier) open in this round."
        case let .invalid(field, value, reason):
            return vi ? "Giá trị \"\(value)\" của \(field) không hợp lệ: \(reason(.vi))" : "Invalid \(field) \"\(value)\": \(reason(.en))"
        case let .importFailed(file, problems):
            let header = vi
                ? "Không nhập được \(file): \(problems.count) lỗi, không có dòng nào được ghi."
                : "Nothing imported from \(file): \(problems.count) problem(s), no row was written."
            return ([header] + problems.map { "  " + $0.message(language) }).joined(separator: "\n")
        case let .database(error):
            return (vi ? "Lỗi cơ sở dữ liệu: " : "Database error: ") + error.description
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .unknownProducer, .unknownProduct, .unknownDossier: 66
        case .database: 69
        default: 65
        }
    }
}

/// One bad line of an imported file.
public struct ImportProblem: Sendable, Equatable {
    public let line: Int
    public let reason: LocalizedText

    public init(line: Int, reason: LocalizedText) {
        self.line = line
        self.reason = reason
    }

    public func message(_ language: Language) -> String {
        (language == .vi ? "dòng \(line): " : "line \(line): ") + reason(language)
    }
}
