import Foundation
import OCOPApp
import OCOPDomain
import OCOPModels

extension DossierRender {
    /// What `dossier show` adds after recognition: the product's listings as evidence for the
    /// distribution criterion, the changes an upgrade claims, the stored self-assessment.
    static func afterRecognition(_ d: Dossier, bench: Workbench, _ language: Language) throws -> String {
        let vi = language == .vi
        var lines: [String] = []
        if let evidence = try bench.distributionEvidence(dossier: d.code) {
            lines += [""] + MarketRender.evidence(evidence.criterion, evidence.listings, language)
        }
        let claims = try bench.claims(dossier: d.code)
        if !claims.isEmpty {
            lines += ["", vi ? "Thay đổi so với sản phẩm đã được công nhận (Điều 7.5):" : "Changes against the recognised product (Art. 7.5):"]
            for c in claims {
                let evidence = c.claim.evidence.isEmpty ? "" : (vi ? " — minh chứng: " : " — evidence: ") + c.claim.evidence.joined(separator: "; ")
                lines.append("  \(c.position). \(c.claim.criterion) (\(c.criterionTitle)) → \(c.claim.claimedPoints): \(c.claim.change)\(evidence)")
            }
        }
        if let s = try bench.selfAssessment(dossier: d.code) {
            lines += ["", vi ? "Phiếu tự đánh giá (Mẫu 02 phần III): \(s.total) điểm, phiên bản \(s.version)\(s.source.map { ", tệp \($0)" } ?? "")."
                             : "Self-assessment (Mẫu 02 Part III): \(englishCount(s.total, "point")), version \(s.version)\(s.source.map { ", file \($0)" } ?? "")."]
        }
        return lines.joined(separator: "\n")
    }
}
