import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// The tamper-evident record (docs/audit.md).
extension Workbench {
    /// Recomputes every audit chain; the report names the first broken row of each chain.
    public func verifyAudit(printed: PrintedAuditHead? = nil) throws -> AuditReport {
        try AuditRepository(try connection()).verify(printed: printed)
    }

    /// The current audit head, printed on minutes and decisions.
    public func auditHead() throws -> AuditHead {
        try AuditRepository(try connection()).head()
    }
}
