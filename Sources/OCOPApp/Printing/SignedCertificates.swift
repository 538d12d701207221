import Foundation
import OCOPCredentials
import OCOPDomain
import OCOPModels
import OCOPStore

/// A decision's certificates, ready to print, and the signed texts their QR codes carry.
public struct CertificateBatch: Sendable {
    public var decision: DecisionView
    public var documents: [CertificateDocument]
}

/// A status list signed for publication.
public struct PublishedStatusList: Sendable, Hashable {
    public var issuer: String
    /// The compact JWS (`vc+jwt`) to publish at `id`.
    public var jws: String
    public var id: String
    public var kid: String
    public var date: CalendarDate
    /// Entries in the list (at least 131,072) and indexes given so far.
    public var size: Int
    public var indexes: Int
    /// The certificates whose bit is set: revoked or superseded by `date`.
    public var ended: [CertificateNumber]
}

extension IssuerArtwork {
    /// The configured files (the seal's diameter defaults to 36 mm).
    init(_ files: ArtworkFiles) {
        self.init(nationalEmblem: files.nationalEmblem, ocopMark: files.ocopMark, seal: files.seal, signature: files.signature,
                  sealDiameter: files.sealDiameter ?? 36)
    }
}

/// Signing certificates and publishing status lists (docs/credentials.md, docs/printing.md).
extension Workbench {
    /// The artwork an issuer ("24", "BNNMT") configured for its documents.
    public func issuerArtwork(_ code: String) throws -> IssuerArtwork {
        try printingConfiguration().profile(code).artwork.map(IssuerArtwork.init) ?? IssuerArtwork()
    }

    /// Every certificate a recognition decision issued, signed, in the decision's order;
    /// `progress` is told how many are done of how many.
    public func certificateBatch(_ decision: DecisionView, language: Language = .vi, keyFile: String? = nil,
                                 progress: (Int, Int) -> Void = { _, _ in }) throws -> CertificateBatch {
        let numbers = decision.recognised.compactMap(\.certificate)
        guard !numbers.isEmpty else {
            throw StoreError.invalid(field: "number", value: decision.number.description, reason: LocalizedText(
                vi: "quyết định này không cấp giấy chứng nhận nào.", en: "this decision issues no certificate."))
        }
        let repository = CertificateRepository(try connection())
        var documents: [CertificateDocument] = []
        for (index, number) in numbers.enumerated() {
            let c = try repository.certificate(number, asOf: today)
            documents.append(try certificateDocument(c, decision: decision, language: language, qr: .signed(keyFile: keyFile)))
            progress(index + 1, numbers.count)
        }
        return CertificateBatch(decision: decision, documents: documents)
    }

    /// The QR texts of certificate `number` (signing it, and giving it its status-list index the
    /// first time): the compact `OC1:` form and, when an address is configured, the URL form.
    public func signedCertificateTexts(_ number: CertificateNumber, keyFile: String? = nil) throws -> (compact: String, url: String?) {
        let c = try certificate(number).certificate
        guard let decisionID = try CertificateRepository(try connection()).decisionID(certificateID: c.id) else { throw StoreError.noDecisionRecord(certificate: number.description) }
        let signed = try signedCertificate(c, decision: try DecisionRepository(try connection()).decision(id: decisionID, asOf: today), keyFile: keyFile)
        return (signed.compactText, signed.urlText)
    }

    /// Signs every printed field of `c` plus its status-list index with the issuer's key.
    func signedCertificate(_ c: CertificateView, decision: DecisionView, keyFile: String?) throws -> SignedCertificate {
        let issuer = c.number.issuer.code
        let key = try signingKey(issuer: issuer, on: c.facts.issuedOn, keyFile: keyFile)
        let profile = try printingConfiguration().profile(issuer)
        let index = try CredentialRepository(try connection()).assignStatusIndex(certificateID: c.id, today: today, actor: actor)
        guard let productCode = ProductCode(parsing: c.productCode), let productSet = ProductSetNumber(c.productSet) else {
            throw StoreError.corruptStoredValue(table: "product", column: "code", value: c.productCode)
        }
        let payload = CertificatePayload(
            certificateNumber: c.number.description, issuerCode: try IssuerCode(issuer), issuerName: try issuerName(issuer),
            productName: c.productName.nfc, productCode: productCode, productSet: productSet, producerName: c.producerName.nfc,
            producerAddress: (c.producerAddress ?? c.communeName).nfc, evaluationYear: c.evaluationYear,
            evaluationRound: decision.roundNumber ?? 1, stars: c.stars, score: c.exactScore.flatMap(CertificateScore.init),
            place: decision.place.nfc, issueDate: c.facts.issuedOn, signerPrefix: decision.signer.prefix?.nfc ?? "",
            signerTitle: decision.signer.title.nfc, signerName: decision.signer.name.nfc, decisionNumber: decision.number.description,
            decisionDate: decision.decidedOn, validUntil: c.facts.validUntil, statusListIndex: index)
        let address = try profile.verificationAddress.map { try VerificationAddress($0) }
        return try SignedCertificate.issue(payload, with: key, address: address)
    }

    // MARK: Status lists

    /// The issuer's W3C Bitstring Status List on `date` (default today), signed with a key in
    /// service that day: the bit of every printed certificate revoked or superseded by then is set.
    public func publishStatusList(issuer: IssuingAuthority, on date: CalendarDate? = nil, keyFile: String? = nil) throws -> PublishedStatusList {
        let day = date ?? today
        let code = issuer.code
        let entries = try CredentialRepository(try connection()).statusEntries(issuerCode: code)
        let needed = (entries.map(\.index).max() ?? -1) + 1
        var list = try StatusList(size: max(StatusList.minimumSize, (needed + 7) / 8 * 8))
        let ended = entries.filter { $0.isEnded(on: day) }
        for entry in ended { try list.set(entry.index) }
        let key = try signingKey(issuer: code, on: day, keyFile: keyFile)
        let profile = try printingConfiguration().profile(code)
        let id = profile.statusList ?? "urn:ocop:status-list:\(code)"
        let issuerURL = profile.statusList.flatMap(PrintingConfiguration.webAddress).flatMap { url in url.host.map { "https://\($0)" } }
            ?? "urn:ocop:issuer:\(code)"
        let credential = StatusListCredential(id: id, issuer: issuerURL, validFrom: day, list: list)
        return PublishedStatusList(issuer: code, jws: try credential.signed(with: key), id: id, kid: key.kid, date: day, size: list.size,
                                   indexes: entries.count, ended: ended.map(\.certificate))
    }
}
