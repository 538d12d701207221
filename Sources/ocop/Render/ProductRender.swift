import Foundation
import OCOPDomain
import OCOPModels

/// A product's standing on a date, as lists and records show it.
enum ProductRender {
    /// "4★ — GCN-24-2026-0001, còn hiệu lực đến 16/11/2029", or why there is no current rating.
    static func current(_ s: ProductStanding, _ language: Language) -> String {
        let vi = language == .vi
        if let c = s.current {
            return "\(c.stars)★ — \(c.number), \(c.record.describeState(on: s.asOf, language))" + (c.status == .inRenewalWindow
                ? (vi ? "; đang trong thời hạn nộp đánh giá lại \(c.facts.renewalWindow.describe(.vi))" : "; the re-evaluation window is open \(c.facts.renewalWindow.describe(.en))") : "")
        }
        if let l = s.latest {
            return vi ? "— (không có giấy chứng nhận còn hiệu lực; gần nhất \(l.number), \(l.stars)★, \(l.record.describeState(on: s.asOf, .vi)))"
                : "— (no certificate in force; latest \(l.number), \(l.stars)★, \(l.record.describeState(on: s.asOf, .en)))"
        }
        return vi ? "— (chưa được công nhận)" : "— (never recognised)"
    }

    static func row(_ s: ProductStanding, _ language: Language) -> [String] {
        let p = s.product
        let shown = s.current ?? s.latest
        return [p.code, p.name, String(p.productSet), p.producerName, p.communeName, s.current.map { "\($0.stars)★" } ?? "",
                shown?.number.description ?? "", s.current?.facts.validUntil.display(language) ?? "", shown?.statusText(language) ?? ""]
    }

    static func csvState(_ s: ProductStanding) -> [String] {
        let shown = s.current ?? s.latest
        return [s.current.map { String($0.stars) } ?? "", shown?.number.description ?? "", s.current?.facts.validUntil.iso ?? "",
                shown?.status.rawValue ?? "", s.asOf.iso]
    }

    /// A product in a JSON list: the current certificate (or null) and the latest one when none is current.
    struct JSON: Encodable {
        let standing: ProductStanding
        let language: Language
        init(_ standing: ProductStanding, _ language: Language) {
            self.standing = standing
            self.language = language
        }

        enum Keys: String, CodingKey { case code, name, productSet, producer, registrationNo, commune, stars, asOf, current, latest }
        func encode(to encoder: any Encoder) throws {
            let p = standing.product
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(p.code, forKey: .code); try c.encode(p.name, forKey: .name); try c.encode(p.productSet, forKey: .productSet)
            try c.encode(p.producerName, forKey: .producer); try c.encode(p.producerRegistrationNo, forKey: .registrationNo)
            try c.encode(p.communeName, forKey: .commune); try c.encode(standing.current?.stars, forKey: .stars); try c.encode(standing.asOf, forKey: .asOf)
            try c.encode(standing.current.map { CertificateView.JSON($0, language: language) }, forKey: .current)
            try c.encode(standing.latest.map { CertificateView.JSON($0, language: language) }, forKey: .latest)
        }
    }

    /// `product show --format json`.
    struct DetailJSON: Encodable {
        let detail: ProductDetail
        let standing: ProductStanding
        let language: Language

        enum Keys: String, CodingKey { case product, certificates, dossiers }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(JSON(standing, language), forKey: .product)
            try c.encode(detail.certificates.map { CertificateView.JSON($0, language: language) }, forKey: .certificates)
            try c.encode(detail.dossiers, forKey: .dossiers)
        }
    }
}
