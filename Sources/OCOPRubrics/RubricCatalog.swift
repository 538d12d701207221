import Crypto
import Foundation
import OCOPDomain
import Yams

/// A problem found while loading or validating rubric files; names the file, the set and the code.
public struct RubricIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let set: Int?
    public let code: String?
    public let message: String
    public init(file: String, set: Int? = nil, code: String? = nil, message: String) {
        self.file = file
        self.set = set
        self.code = code
        self.message = message
    }
    public var description: String {
        var where_ = file
        if let set { where_ += " (bộ \(set)" + (code.map { ", mục \($0)" } ?? "") + ")" }
        else if let code { where_ += " (mục \(code))" }
        return "\(where_): \(message)"
    }
}

public enum RubricError: LocalizedFailure, Sendable, Equatable {
    case invalid([RubricIssue])
    case unknownVersion(RubricVersionID, known: [RubricVersionID])
    /// The version is known by name only (e.g. qd148-2023): its point tables are not available.
    case noTables(RubricVersionID)
    case unknownSet(Int, version: RubricVersionID)

    public func message(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .invalid(let issues):
            return ((vi ? ["Bộ tiêu chí không hợp lệ, \(issues.count) lỗi:"] : ["Invalid rubric files, \(englishCount(issues.count, "problem")):"])
                + issues.map { "  - \($0)" }).joined(separator: "\n")
        case .unknownVersion(let id, let known):
            let list = known.map(\.rawValue).joined(separator: ", ")
            return vi ? "Không có phiên bản bộ tiêu chí \(id) (có: \(list))" : "Unknown rubric version \(id) (known: \(list))"
        case .noTables(let id):
            return vi ? "Phiên bản \(id) chỉ có thông tin mô tả, không có bảng điểm: không thể chấm điểm theo phiên bản này"
                : "Version \(id) is metadata only (no point tables): scoring against it is refused"
        case .unknownSet(let n, let version):
            return vi ? "Không có bộ sản phẩm \(n) trong \(version) (1–26)" : "No product set \(n) in \(version) (1–26)"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .invalid, .noTables: .invalidInput
        case .unknownVersion, .unknownSet: .notFound
        }
    }
}

/// One loaded version: metadata, its sets (empty when `hasTables` is false) and content hashes.
public struct LoadedRubricVersion: Sendable {
    public let version: RubricVersion
    public let sets: [ProductSet]
    /// SHA-256 hex of the canonical content of each set, keyed by set number.
    public let setHashes: [Int: String]
    /// SHA-256 hex of the version's canonical content (metadata + every set's hash, in order).
    public let contentHash: String
}

/// All rubric versions under a `scoring/` directory.
public struct RubricCatalog: Sendable {
    public let versions: [RubricVersionID: LoadedRubricVersion]

    public var versionIDs: [RubricVersionID] { versions.keys.sorted() }


    /// Loads and validates every `<dir>/<version>/version.yaml` (+ `set-*.yaml`). Throws every problem at once.
    public static func load(from directory: URL) throws(RubricError) -> RubricCatalog {
        var issues: [RubricIssue] = []
        let versions = RubricLoader.loadAll(from: directory, issues: &issues)
        if !issues.isEmpty { throw .invalid(issues) }
        return RubricCatalog(versions: versions)
    }

    public func version(_ id: RubricVersionID) throws(RubricError) -> LoadedRubricVersion {
        guard let v = versions[id] else { throw .unknownVersion(id, known: versionIDs) }
        return v
    }

    /// The set to score against; refuses versions without point tables.
    public func productSet(_ number: Int, version id: RubricVersionID = .qd26_2026) throws(RubricError) -> ProductSet {
        let v = try version(id)
        guard v.version.hasTables else { throw .noTables(id) }
        guard let set = v.sets.first(where: { $0.number == number }) else { throw .unknownSet(number, version: id) }
        return set
    }
}

/// Canonical content hashing: JSON with sorted keys, no escaped slashes, of the domain model.
public enum RubricHash {
    public static func canonicalJSON<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain model values cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).hexString
    }

    public static func hash(_ set: ProductSet) -> String { sha256Hex(canonicalJSON(set)) }

    public static func hash(_ version: RubricVersion, setHashes: [Int: String]) -> String {
        var data = canonicalJSON(version)
        for key in setHashes.keys.sorted() { data.append(Data("\n\(key):\(setHashes[key]!)".utf8)) }
        return sha256Hex(data)
    }
}
