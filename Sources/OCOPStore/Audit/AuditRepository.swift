import Crypto
import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// The append-only chains of migration 0009 (docs/audit.md): recomputes every chain outside
/// the database and names the first row that does not match, and computes the head people
/// print on minutes and decisions.
public struct AuditRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// How each chained table names a row in a message.
    static func key(_ table: String) -> String {
        switch table {
        case "score_answer": "'sheet ' || (t.sheet_id)::text || ', criterion ' || t.criterion"
        case "council_result": "'session ' || (t.session_id)::text || ', dossier ' || (t.dossier_id)::text"
        case "decision_entry": "'decision ' || (t.decision_id)::text || ', row ' || (t.position)::text"
        case "post_audit_finding": "'inspection ' || (t.audit_id)::text || ', finding ' || (t.position)::text"
        case "certificate_revocation", "certificate_status_entry": "'certificate ' || (t.certificate_id)::text"
        case "listing_mark": "'listing ' || (t.listing_id)::text || ', since ' || (t.since)::text"
        case "upgrade_claim": "'dossier ' || (t.dossier_id)::text || ', criterion ' || t.criterion"
        case "self_assessment_answer": "'self-assessment ' || (t.assessment_id)::text || ', criterion ' || t.criterion"
        case "annual_target": "'province ' || (t.province_id)::text || ', ' || (t.year)::text || ' revision ' || (t.revision)::text"
        case "issuer_key": "'key ' || t.kid"
        default: "'id ' || (t.id)::text"
        }
    }

    /// The chains as recorded: name, length and head.
    public func heads() throws -> [AuditChainHead] {
        try connection.query("SELECT name, seq, encode(head, 'hex') AS head FROM audit_chain ORDER BY name").map { row in
            AuditChainHead(table: try row.decode(String.self, "name"), rows: try row.decode(Int.self, "seq"),
                           head: try row.decode(String.self, "head"))
        }
    }

    /// One hash over every chain's head: SHA-256 of "table:rows:head\n" lines in table order.
    public func head() throws -> AuditHead {
        let chains = try heads()
        return AuditHead(hash: Self.combined(chains), chains: chains)
    }

    /// Recomputes every chain from the rows and compares with the stored hashes and heads.
    /// With `printed` (a head as printed on paper, with the chain lengths it covered), also
    /// recomputes the head those rows gave at the time and says whether it still matches.
    public func verify(printed: PrintedAuditHead? = nil) throws -> AuditReport {
        var checked: [AuditChainHead] = []
        var breaks: [AuditBreak] = []
        var then: [AuditChainHead] = []
        let recordedHeads = try heads()
        if let printed, printed.rows.count != recordedHeads.count {
            throw StoreError.invalid(field: "printed", value: printed.text, reason: LocalizedText(
                vi: "mã in trên giấy phải có \(recordedHeads.count) số dòng sau dấu @.", en: "a printed head has \(recordedHeads.count) row counts after the @."))
        }
        for (index, recorded) in recordedHeads.enumerated() {
            let wanted = printed?.rows[index]
            if wanted == 0 { then.append(AuditChainHead(table: recorded.table, rows: 0, head: "")) }
            let table = recorded.table
            guard table.allSatisfy({ $0.isLetter || $0 == "_" }) else { continue }
            var previous = Data()
            var expectedSeq = 1
            var count = 0
            var broken: AuditBreak?
            let rows = try connection.query("""
                SELECT t.chain_seq, encode(t.chain_hash, 'hex') AS chain_hash, ocop_chain_payload($1, to_jsonb(t)) AS payload,
                       \(Self.key(table)) AS row_key
                FROM \(table) t ORDER BY t.chain_seq
                """, table)
            for row in rows {
                count += 1
                let seq = try row.decode(Int.self, "chain_seq")
                let stored = try row.decode(String.self, "chain_hash")
                let rowKey = try row.decode(String.self, "row_key")
                if seq != expectedSeq {
                    broken = AuditBreak(table: table, position: expectedSeq, row: rowKey, kind: seq > expectedSeq ? .missing : .duplicated)
                    break
                }
                var hasher = SHA256()
                hasher.update(data: previous)
                hasher.update(data: Data(try row.decode(String.self, "payload").utf8))
                let computed = Data(hasher.finalize())
                if computed.hexString != stored {
                    broken = AuditBreak(table: table, position: seq, row: rowKey, kind: .altered)
                    break
                }
                previous = computed
                if seq == wanted { then.append(AuditChainHead(table: table, rows: seq, head: computed.hexString)) }
                expectedSeq += 1
            }
            if broken == nil, count != recorded.rows || previous.hexString != recorded.head {
                broken = AuditBreak(table: table, position: count + 1, row: nil, kind: count < recorded.rows ? .missing : .headMismatch)
            }
            if let broken { breaks.append(broken) }
            checked.append(AuditChainHead(table: table, rows: count, head: previous.hexString))
        }
        var printedMatches: Bool?
        if let printed {
            printedMatches = then.count == recordedHeads.count && Self.combined(then) == printed.hash
        }
        return AuditReport(chains: checked, breaks: breaks, head: try head(), printedMatches: printedMatches)
    }

    static func combined(_ chains: [AuditChainHead]) -> String {
        let text = chains.map { "\($0.table):\($0.rows):\($0.head)\n" }.joined()
        return Data(SHA256.hash(data: Data(text.utf8))).hexString
    }
}
