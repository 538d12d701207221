import Foundation
import OCOPDomain
import OCOPRubrics
import Postgres

/// Rubric versions in the database. Each distinct content of a product set is kept under its
/// hash; a dossier points at one, so later edits of `scoring/` never change an opened dossier.
public struct RubricStore {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Imports every version of `catalog` whose content hash the database does not have yet.
    /// Returns the ids of the versions written.
    @discardableResult
    public func sync(_ catalog: RubricCatalog) throws -> [RubricVersionID] {
        let known = Dictionary(uniqueKeysWithValues: try connection.query("SELECT id, content_hash FROM rubric_version").map { row in
            (try row.decode(String.self, "id"), try row.decode(String?.self, "content_hash"))
        })
        var written: [RubricVersionID] = []
        for id in catalog.versionIDs {
            let loaded = catalog.versions[id]!
            if let hash = known[id.rawValue], hash == loaded.contentHash { continue }
            try connection.transaction { connection in
                try connection.query("""
                    INSERT INTO rubric_version (id, decree, title, effective_from, has_tables, content_hash)
                    VALUES ($1, $2, $3, $4::date, $5, $6)
                    ON CONFLICT (id) DO UPDATE SET decree = EXCLUDED.decree, title = EXCLUDED.title,
                        effective_from = EXCLUDED.effective_from, has_tables = EXCLUDED.has_tables,
                        content_hash = EXCLUDED.content_hash, imported_at = now()
                    """, [id.rawValue, loaded.version.decree.nfc, loaded.version.title.nfc,
                          Self.isoDate(loaded.version.effectiveFrom), loaded.version.hasTables, loaded.contentHash])
                for set in loaded.sets {
                    let content = String(decoding: RubricHash.canonicalJSON(set), as: UTF8.self)
                    try connection.query("""
                        INSERT INTO rubric_set_snapshot (content_hash, version_id, set_number, title, content)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (content_hash) DO UPDATE SET imported_at = EXCLUDED.imported_at
                        """, loaded.setHashes[set.number] ?? RubricHash.hash(set), id.rawValue, set.number, set.title.nfc, content)
                }
            }
            written.append(id)
        }
        return written
    }

    /// The hash of the latest imported content of a set, to freeze on a new dossier; `nil` for
    /// a version without point tables (a transition-rule dossier under QĐ 148 can be registered,
    /// but scoring it here is refused).
    public func frozenSetHash(version: String, set: Int) throws -> String? {
        guard let row = try connection.optional("SELECT has_tables FROM rubric_version WHERE id = $1", version) else {
            throw StoreError.unknownRubricVersion(version)
        }
        guard try row.decode(Bool.self, "has_tables") else { return nil }
        guard let snapshot = try connection.optional("""
            SELECT content_hash FROM rubric_set_snapshot WHERE version_id = $1 AND set_number = $2
            ORDER BY imported_at DESC, content_hash LIMIT 1
            """, version, set) else {
            throw StoreError.unknownRubricVersion("\(version) / bộ \(set)")
        }
        return try snapshot.decode(String.self, "content_hash")
    }

    /// The product set a dossier is scored against; refuses dossiers under a version without tables.
    public func frozenSet(of dossier: Dossier) throws -> ProductSet {
        guard let hash = dossier.rubricHash else { throw StoreError.rubricWithoutTables(dossier.rubricVersion) }
        return try frozenSet(hash: hash)
    }

    /// The product set exactly as it was frozen.
    public func frozenSet(hash: String) throws -> ProductSet {
        guard let row = try connection.optional("SELECT content FROM rubric_set_snapshot WHERE content_hash = $1", hash) else {
            throw StoreError.unknownRubricVersion(hash)
        }
        let content: String = try row["content"]
        do {
            return try JSONDecoder().decode(ProductSet.self, from: Data(content.utf8))
        } catch {
            throw StoreError.invalid(field: "rubric snapshot", value: String(hash.prefix(12)), reason: LocalizedText(vi: "không đọc được nội dung đã lưu: \(error)", en: "stored content unreadable: \(error)"))
        }
    }

    /// "22/5/2026" or "2026-05-22" → "2026-05-22"; nil when unparseable.
    static func isoDate(_ text: String) -> String? {
        if PostgresDate(iso: text) != nil { return text }
        let parts = text.split(separator: "/")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
            return PostgresDate(year: y, month: m, day: d).description
        }
        return nil
    }
}
