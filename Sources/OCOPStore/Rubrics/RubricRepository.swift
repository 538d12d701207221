import Foundation
import OCOPDomain
import Postgres

/// One legal version of the rubric as the store keeps it: metadata, and each product set's
/// canonical content under its hash (computed by the rubric loader).
public struct RubricVersionSnapshot: Sendable {
    public struct Set: Sendable {
        public var number: Int
        public var title: String
        public var contentHash: String
        /// The canonical JSON of the domain's `ProductSet` that was hashed.
        public var content: String
        public init(number: Int, title: String, contentHash: String, content: String) {
            self.number = number
            self.title = title
            self.contentHash = contentHash
            self.content = content
        }
    }

    public var version: RubricVersion
    public var contentHash: String
    public var sets: [Set]

    public init(version: RubricVersion, contentHash: String, sets: [Set]) {
        self.version = version
        self.contentHash = contentHash
        self.sets = sets
    }
}

/// Rubric versions in the database. Each distinct content of a product set is kept under its
/// hash; a dossier points at one, so later edits of `scoring/` never change an opened dossier.
public struct RubricRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Imports every version whose content hash the database does not have yet; returns the ids written.
    @discardableResult
    public func sync(_ versions: [RubricVersionSnapshot]) throws -> [RubricVersionID] {
        let known = Dictionary(uniqueKeysWithValues: try connection.query("SELECT id, content_hash FROM rubric_version").map { row in
            (try row.decode(String.self, "id"), try row.decode(String?.self, "content_hash"))
        })
        var written: [RubricVersionID] = []
        for snapshot in versions {
            let id = snapshot.version.id
            if let hash = known[id.rawValue], hash == snapshot.contentHash { continue }
            try connection.transaction { connection in
                try connection.query("""
                    INSERT INTO rubric_version (id, decree, title, effective_from, has_tables, content_hash)
                    VALUES ($1, $2, $3, $4::date, $5, $6)
                    ON CONFLICT (id) DO UPDATE SET decree = EXCLUDED.decree, title = EXCLUDED.title,
                        effective_from = EXCLUDED.effective_from, has_tables = EXCLUDED.has_tables,
                        content_hash = EXCLUDED.content_hash, imported_at = ocop_now()
                    """, [id.rawValue, snapshot.version.decree.nfc, snapshot.version.title.nfc,
                          Self.isoDate(snapshot.version.effectiveFrom), snapshot.version.hasTables, snapshot.contentHash])
                for set in snapshot.sets {
                    // A content seen again becomes the latest of its set.
                    try connection.query("""
                        INSERT INTO rubric_set_snapshot (content_hash, version_id, set_number, title, content)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (content_hash) DO UPDATE SET imported_at = EXCLUDED.imported_at,
                            import_order = nextval(pg_get_serial_sequence('rubric_set_snapshot', 'import_order'))
                        """, set.contentHash, id.rawValue, set.number, set.title.nfc, set.content)
                }
            }
            written.append(id)
        }
        return written
    }

    /// The hash of the latest imported content of a set, to freeze on a new dossier; `nil` for a
    /// version without point tables (a transition-rule dossier under QĐ 148 can be registered,
    /// but scoring it here is refused).
    public func frozenSetHash(version: String, set: Int) throws -> String? {
        guard let row = try connection.optional("SELECT has_tables FROM rubric_version WHERE id = $1", version) else {
            throw StoreError.notFound(.rubricVersion, version)
        }
        guard try row.decode(Bool.self, "has_tables") else { return nil }
        guard let snapshot = try connection.optional("""
            SELECT content_hash FROM rubric_set_snapshot WHERE version_id = $1 AND set_number = $2
            ORDER BY import_order DESC LIMIT 1
            """, version, set) else {
            throw StoreError.notFound(.rubricVersion, "\(version) / \(set)")
        }
        return try snapshot.decode(String.self, "content_hash")
    }

    /// The product set exactly as it was frozen.
    public func frozenSet(hash: String) throws -> ProductSet {
        guard let row = try connection.optional("SELECT content FROM rubric_set_snapshot WHERE content_hash = $1", hash) else {
            throw StoreError.notFound(.rubricVersion, hash)
        }
        let content: String = try row["content"]
        do {
            return try JSONDecoder().decode(ProductSet.self, from: Data(content.utf8))
        } catch {
            throw StoreError.corruptStoredValue(table: "rubric_set_snapshot", column: "content", value: String(hash.prefix(12)))
        }
    }

    /// "22/5/2026" or "2026-05-22" → "2026-05-22"; nil when unparseable.
    static func isoDate(_ text: String) -> String? {
        (CalendarDate(iso: text) ?? CalendarDate(vietnamese: text))?.iso
    }
}

/// Frozen product sets and their engines, loaded once per hash for one command.
public final class EngineCache {
    private var engines: [String: RatingEngine] = [:]
    private let rubrics: RubricRepository

    public init(_ rubrics: RubricRepository) { self.rubrics = rubrics }

    public func engine(_ hash: String) throws -> RatingEngine {
        if let engine = engines[hash] { return engine }
        let engine = RatingEngine(productSet: try rubrics.frozenSet(hash: hash))
        engines[hash] = engine
        return engine
    }
}
