import Foundation
import OCOPDomain

/// An outlet as recorded.
public struct OutletView: Sendable, Hashable, Codable {
    public var id: Int
    public var code: OutletCode
    public var kind: OutletKind
    public var name: String
    public var chain: String?
    public var address: String?
    public var country: CountryCode?
    public var importer: String?
    public var note: String?

    public init(id: Int, code: OutletCode, kind: OutletKind, name: String, chain: String?, address: String?, country: CountryCode?,
                importer: String?, note: String?) {
        self.id = id
        self.code = code
        self.kind = kind
        self.name = name
        self.chain = chain
        self.address = address
        self.country = country
        self.importer = importer
        self.note = note
    }

    /// "Aeon · AEON Mall Long Biên", "Nhật Bản (JP) · Công ty …".
    public var display: String {
        var parts: [String] = []
        if let chain, !name.localizedCaseInsensitiveContains(chain) { parts.append(chain) }
        parts.append(name)
        if let country { parts.append(country.rawValue) }
        return parts.joined(separator: " · ")
    }
}

/// One listing and how it stands on `asOf`.
public struct ListingView: Sendable, Hashable {
    public var id: Int
    public var productID: Int
    public var productCode: String
    public var productName: String
    public var producerName: String
    public var outlet: OutletView
    public var facts: ListingFacts
    public var contractNo: String?
    public var document: String?
    public var endReason: String?
    public var asOf: CalendarDate
    /// The listed product's certificates: which one is in force when the mark must come off.
    public var productCertificates: [CertificateRecord]

    public init(id: Int, productID: Int, productCode: String, productName: String, producerName: String, outlet: OutletView, facts: ListingFacts,
                contractNo: String?, document: String?, endReason: String?, asOf: CalendarDate, productCertificates: [CertificateRecord] = []) {
        self.id = id
        self.productID = productID
        self.productCode = productCode
        self.productName = productName
        self.producerName = producerName
        self.outlet = outlet
        self.facts = facts
        self.contractNo = contractNo
        self.document = document
        self.endReason = endReason
        self.asOf = asOf
        self.productCertificates = productCertificates
    }

    public var status: ListingStatus { facts.status(on: asOf) }
    public var mark: ListingMark? { facts.mark(on: asOf) }
    public var mustWithdrawSince: CalendarDate? { facts.mustWithdrawSince(on: asOf) }
    /// The product's certificate in force on the day, when the listing must withdraw a mark of
    /// another one (superseded by an upgrade or re-evaluation): the mark to put on instead.
    public var replacementCertificate: CertificateRecord? {
        guard status == .mustWithdraw, let current = CertificateRecord.current(among: productCertificates, on: asOf),
              current.number != mark?.certificate.number else { return nil }
        return current
    }

    /// "; giấy chứng nhận còn hiệu lực của sản phẩm: GCN-24-2026-0006, 3★", after why a mark must come off.
    public static func replacementNote(_ certificate: CertificateRecord) -> LocalizedText {
        LocalizedText(vi: "; giấy chứng nhận còn hiệu lực của sản phẩm: \(certificate.number), \(certificate.stars)★",
                      en: "; the product's certificate in force: \(certificate.number), \(certificate.stars)★")
    }

    public func on(_ date: CalendarDate) -> ListingView {
        var copy = self
        copy.asOf = date
        return copy
    }

    /// The status with the facts that explain it: "Phải gỡ nhãn OCOP (GCN-24-2020-0012 hết hiệu
    /// lực sau ngày 24/7/2023)".
    public func statusText(_ language: Language) -> String {
        let vi = language == .vi
        let label = status.label(language)
        switch status {
        case .listedOCOP:
            return label + (mark.map { " (\($0.certificate.number), \($0.certificate.stars)★)" } ?? "")
        case .mustWithdraw:
            guard let mark else { return label }
            let replacement = replacementCertificate.map { Self.replacementNote($0)(language) } ?? ""
            return label + " (\(mark.certificate.number) \(mark.certificate.describeState(on: asOf, language))\(replacement))"
        case .ended:
            return label + (facts.endedOn.map { vi ? " sau ngày \($0.display(.vi))" : " after \($0.display(.en))" } ?? "")
        case .notYetListed:
            return label + (vi ? " (từ ngày \(facts.listedOn.display(.vi)))" : " (from \(facts.listedOn.display(.en)))")
        case .listed:
            return label
        }
    }

    /// The JSON contract of `ocop listing list --format json`: every key present, nulls written.
    public struct JSON: Encodable, Sendable {
        let view: ListingView
        let language: Language

        public init(_ view: ListingView, language: Language) {
            self.view = view
            self.language = language
        }

        enum Keys: String, CodingKey {
            case id, productCode, product, producer, outlet, outletKind, outletName, chain, country, importer, listedOn, endedOn, ocopMark,
                 certificate, certificateStars, contractNo, document, endReason, asOf, status, statusText, mustWithdrawSince,
                 replacementCertificate, replacementStars
        }

        public func encode(to encoder: any Encoder) throws {
            let v = view
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(v.id, forKey: .id); try c.encode(v.productCode, forKey: .productCode); try c.encode(v.productName, forKey: .product)
            try c.encode(v.producerName, forKey: .producer); try c.encode(v.outlet.code.rawValue, forKey: .outlet)
            try c.encode(v.outlet.kind.rawValue, forKey: .outletKind); try c.encode(v.outlet.name, forKey: .outletName)
            try c.encode(v.outlet.chain, forKey: .chain); try c.encode(v.outlet.country?.rawValue, forKey: .country)
            try c.encode(v.outlet.importer, forKey: .importer); try c.encode(v.facts.listedOn, forKey: .listedOn)
            try c.encode(v.facts.endedOn, forKey: .endedOn); try c.encode(v.facts.ocopMark, forKey: .ocopMark)
            try c.encode(v.mark?.certificate.number.description, forKey: .certificate); try c.encode(v.mark?.certificate.stars, forKey: .certificateStars)
            try c.encode(v.contractNo, forKey: .contractNo); try c.encode(v.document, forKey: .document); try c.encode(v.endReason, forKey: .endReason)
            try c.encode(v.asOf, forKey: .asOf); try c.encode(v.status.rawValue, forKey: .status)
            try c.encode(v.statusText(language), forKey: .statusText); try c.encode(v.mustWithdrawSince, forKey: .mustWithdrawSince)
            try c.encode(v.replacementCertificate?.number.description, forKey: .replacementCertificate)
            try c.encode(v.replacementCertificate?.stars, forKey: .replacementStars)
        }
    }
}

/// A claim as recorded on a dossier.
public struct ClaimView: Sendable, Hashable, Codable {
    public var position: Int
    public var claim: UpgradeClaim
    public var criterionTitle: String
    public var recordedBy: String

    public init(position: Int, claim: UpgradeClaim, criterionTitle: String, recordedBy: String) {
        self.position = position
        self.claim = claim
        self.criterionTitle = criterionTitle
        self.recordedBy = recordedBy
    }
}

/// A producer's self-assessment as recorded (the latest version counts).
public struct SelfAssessmentView: Sendable, Hashable, Codable {
    public var dossier: DossierCode
    public var version: Int
    public var total: Int
    public var sheet: ScoreSheet
    public var rubricVersion: String
    public var rubricHash: String
    public var source: String?
    public var submittedAt: Date
    public var submittedBy: String

    public init(dossier: DossierCode, version: Int, total: Int, sheet: ScoreSheet, rubricVersion: String, rubricHash: String, source: String?,
                submittedAt: Date, submittedBy: String) {
        self.dossier = dossier
        self.version = version
        self.total = total
        self.sheet = sheet
        self.rubricVersion = rubricVersion
        self.rubricHash = rubricHash
        self.source = source
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
    }
}

/// `ocop dossier diff`: an upgrade or re-evaluation dossier against its recognition.
public struct DossierDiffView: Sendable, Hashable, Codable {
    public var dossier: Dossier
    /// The certificate the dossier rests on.
    public var basis: CertificateSummary?
    /// The council session whose sheets are "now".
    public var session: SessionCode
    public var heldOn: CalendarDate
    /// The session that scored the recognition, when the workbench recorded it.
    public var recognitionSession: SessionCode?
    public var diff: UpgradeDiff

    public init(dossier: Dossier, basis: CertificateSummary?, session: SessionCode, heldOn: CalendarDate, recognitionSession: SessionCode?, diff: UpgradeDiff) {
        self.dossier = dossier
        self.basis = basis
        self.session = session
        self.heldOn = heldOn
        self.recognitionSession = recognitionSession
        self.diff = diff
    }
}

/// A province's target for a year and what was achieved (`ocop target list`).
public struct TargetView: Sendable, Hashable, Codable {
    public var provinceCode: String
    public var provinceName: String
    public var year: Int
    public var revision: Int
    public var products: Int
    public var basis: String?
    public var note: String?
    /// New products recognised at 3★ or more in the year (a product's first certificate).
    public var achieved: Int

    public init(provinceCode: String, provinceName: String, year: Int, revision: Int, products: Int, basis: String?, note: String?, achieved: Int) {
        self.provinceCode = provinceCode
        self.provinceName = provinceName
        self.year = year
        self.revision = revision
        self.products = products
        self.basis = basis
        self.note = note
        self.achieved = achieved
    }

    public var attainment: TargetAttainment { TargetAttainment(achieved: achieved, target: products) }
}

/// One event of a product's life after (and on the way to) recognition.
public struct ProductEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case recognised, upgraded, reEvaluated = "re_evaluated", recognisedAgain = "recognised_again"
        case expired, superseded, revoked, extended
        case dossierFiled = "dossier_filed", councilResult = "council_result", upgradeNotGranted = "upgrade_not_granted"
        case notRecognised = "not_recognised", withdrawn
        case postAudit = "post_audit"
        case listed, listingEnded = "listing_ended", markRenewed = "mark_renewed", mustWithdraw = "must_withdraw"

        public var label: LocalizedText {
            switch self {
            case .recognised: LocalizedText(vi: "Công nhận", en: "Recognised")
            case .upgraded: LocalizedText(vi: "Nâng hạng", en: "Upgraded")
            case .reEvaluated: LocalizedText(vi: "Đánh giá lại", en: "Re-evaluated")
            case .recognisedAgain: LocalizedText(vi: "Công nhận lại", en: "Recognised again")
            case .expired: LocalizedText(vi: "Hết hiệu lực", en: "Expired")
            case .superseded: LocalizedText(vi: "Được thay thế", en: "Superseded")
            case .revoked: LocalizedText(vi: "Thu hồi", en: "Revoked")
            case .extended: LocalizedText(vi: "Gia hạn (Điều 12.3)", en: "Extended (Art. 12.3)")
            case .dossierFiled: LocalizedText(vi: "Nộp hồ sơ", en: "Dossier filed")
            case .councilResult: LocalizedText(vi: "Hội đồng chấm", en: "Council result")
            case .upgradeNotGranted: LocalizedText(vi: "Không công nhận nâng hạng", en: "Upgrade not granted")
            case .notRecognised: LocalizedText(vi: "Không đạt", en: "Not recognised")
            case .withdrawn: LocalizedText(vi: "Rút hồ sơ", en: "Withdrawn")
            case .postAudit: LocalizedText(vi: "Hậu kiểm", en: "Post-audit")
            case .listed: LocalizedText(vi: "Bắt đầu bán", en: "Listed")
            case .listingEnded: LocalizedText(vi: "Kết thúc bán", en: "Listing ended")
            case .markRenewed: LocalizedText(vi: "Cập nhật nhãn OCOP", en: "OCOP mark updated")
            case .mustWithdraw: LocalizedText(vi: "Phải gỡ nhãn OCOP", en: "Must withdraw the OCOP mark")
            }
        }
    }

    public var date: CalendarDate
    public var kind: Kind
    /// The certificate, dossier, decision, outlet … the event is about.
    public var reference: String?
    public var stars: Int?
    /// Stars before an upgrade (3 in 3★→4★).
    public var fromStars: Int?
    public var detail: LocalizedText

    public init(date: CalendarDate, kind: Kind, reference: String?, stars: Int? = nil, fromStars: Int? = nil, detail: LocalizedText) {
        self.date = date
        self.kind = kind
        self.reference = reference
        self.stars = stars
        self.fromStars = fromStars
        self.detail = detail
    }
}

/// `ocop product history`: a product's timeline, oldest first.
public struct ProductHistoryView: Sendable, Hashable {
    public var product: Product
    public var standing: ProductStanding
    public var events: [ProductEvent]
    public var asOf: CalendarDate

    public init(product: Product, standing: ProductStanding, events: [ProductEvent], asOf: CalendarDate) {
        self.product = product
        self.standing = standing
        self.events = events
        self.asOf = asOf
    }
}

/// A listing to record: a product at an outlet from a day, with or without the OCOP mark.
public struct ListingRequest: Sendable, Hashable {
    public var product: String
    public var outlet: OutletCode
    public var listedOn: CalendarDate
    public var ocopMark: Bool
    /// The certificate the mark carries (default: the product's certificate in force that day).
    public var certificate: CertificateNumber?
    public var contractNo: String?
    public var document: String?

    public init(product: String, outlet: OutletCode, listedOn: CalendarDate, ocopMark: Bool = true, certificate: CertificateNumber? = nil,
                contractNo: String? = nil, document: String? = nil) {
        self.product = product
        self.outlet = outlet
        self.listedOn = listedOn
        self.ocopMark = ocopMark
        self.certificate = certificate
        self.contractNo = contractNo
        self.document = document
    }
}
