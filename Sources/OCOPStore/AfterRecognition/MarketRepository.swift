import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Outlets and listings (docs/after-recognition.md). Listings are facts that only grow: the end
/// of a listing is recorded, never a deletion; a new certificate on the shelf is a new mark.
/// Whether a listing must withdraw the OCOP mark is computed on the day asked about.
public struct MarketRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: Outlets

    static let outletColumns = "o.id AS outlet_id, o.code AS outlet_code, o.kind AS outlet_kind, o.name AS outlet_name, o.chain, o.address AS outlet_address, o.country, o.importer, o.note AS outlet_note"

    static func decodeOutlet(_ row: Row) throws -> OutletView {
        let code: String = try row["outlet_code"], kind: String = try row["outlet_kind"], country: String? = try row["country"]
        guard let outletCode = OutletCode(normalizing: code) else { throw StoreError.corruptStoredValue(table: "outlet", column: "code", value: code) }
        return OutletView(
            id: try row["outlet_id"], code: outletCode, kind: try StoreError.decode(OutletKind.self, kind, table: "outlet", column: "kind"),
            name: try row["outlet_name"], chain: try row["chain"], address: try row["outlet_address"],
            country: try country.map { raw in
                guard let c = CountryCode(normalizing: raw) else { throw StoreError.corruptStoredValue(table: "outlet", column: "country", value: raw) }
                return c
            }, importer: try row["importer"], note: try row["outlet_note"])
    }

    /// Records an outlet (its draft checked by the domain first); a code already used is a conflict.
    public func addOutlet(_ draft: OutletDraft, actor: PersonCode) throws -> OutletView {
        let d = try draft.validated()
        return try mapped {
            try connection.transaction { connection in
                if try connection.optional("SELECT 1 FROM outlet WHERE code = $1", d.code.rawValue) != nil {
                    throw StoreError.rejected(constraint: "outlet_code_key", field: "outlet", value: d.code.rawValue, kind: .conflict, reason: LocalizedText(
                        vi: "Mã kênh phân phối \(d.code) đã có.", en: "The outlet code \(d.code) is already recorded."))
                }
                let id = try connection.one("""
                    INSERT INTO outlet (code, kind, name, chain, address, country, importer, note, created_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                    """, [d.code.rawValue, d.kind.rawValue, d.name.nfc, d.chain?.nfc, d.address?.nfc, d.country?.rawValue, d.importer?.nfc,
                          d.note?.nfc, actor.rawValue]).decode(Int.self, "id")
                return try outlet(id: id)
            }
        }
    }

    public func outlets(kind: OutletKind? = nil) throws -> [OutletView] {
        try connection.query("SELECT \(Self.outletColumns) FROM outlet o WHERE ($1::text IS NULL OR o.kind = $1) ORDER BY o.kind, o.code",
                             kind?.rawValue).map(Self.decodeOutlet)
    }

    public func outlet(_ code: OutletCode) throws -> OutletView {
        guard let row = try connection.optional("SELECT \(Self.outletColumns) FROM outlet o WHERE o.code = $1", code.rawValue) else {
            throw StoreError.notFound(.outlet, code.rawValue)
        }
        return try Self.decodeOutlet(row)
    }

    func outlet(id: Int) throws -> OutletView {
        try Self.decodeOutlet(try connection.one("SELECT \(Self.outletColumns) FROM outlet o WHERE o.id = $1", id))
    }

    // MARK: Listings

    static let listingSelect = """
        SELECT l.id, l.product_id, pr.code AS product_code, pr.name AS product_name, p.name AS producer_name,
               l.listed_on::text AS listed_on, l.ended_on::text AS ended_on, l.ocop_mark, l.contract_no, l.document, l.end_reason,
               \(outletColumns)
        FROM product_listing l
        JOIN product pr ON pr.id = l.product_id
        JOIN producer p ON p.id = pr.producer_id
        JOIN outlet o ON o.id = l.outlet_id
        """

    /// The marks of some listings, with their certificates' dated facts.
    private func marks(listingIDs: [Int]) throws -> [Int: [ListingMark]] {
        guard !listingIDs.isEmpty else { return [:] }
        let rows = try connection.query("""
            SELECT m.listing_id, m.since::text AS since, s.cert_issuer, s.cert_year, s.cert_serial, s.stars,
                   s.decision_date::text AS issued_on, s.valid_until::text AS valid_until, s.revoked_at::text AS revoked_on,
                   s.superseded_on::text AS superseded_on, s.extended_until::text AS extended_until
            FROM listing_mark m JOIN star_recognition s ON s.id = m.certificate_id
            WHERE m.listing_id = ANY ($1::bigint[]) ORDER BY m.listing_id, m.since
            """, PostgresIntArray(listingIDs))
        var out: [Int: [ListingMark]] = [:]
        for row in rows {
            out[try row["listing_id"], default: []].append(ListingMark(since: try Stored.requiredDate(row, "since", table: "listing_mark"),
                                                                         certificate: try Self.decodeRecord(row)))
        }
        return out
    }

    /// A certificate's number, stars and dated facts from a row of `star_recognition` columns.
    static func decodeRecord(_ row: Row) throws -> CertificateRecord {
        let number = try Stored.certificateNumber(issuer: try row["cert_issuer"], year: try row["cert_year"], serial: try row["cert_serial"])
        let facts = CertificateFacts(
            issuedOn: try Stored.requiredDate(row, "issued_on", table: "star_recognition"),
            validUntil: try Stored.requiredDate(row, "valid_until", table: "star_recognition"),
            revokedOn: try Stored.date(row, "revoked_on", table: "star_recognition"),
            supersededOn: try Stored.date(row, "superseded_on", table: "star_recognition"),
            extendedUntil: try Stored.date(row, "extended_until", table: "star_recognition"))
        return CertificateRecord(number: number, stars: try row["stars"], issuer: number.issuer, facts: facts)
    }

    private func decodeListings(_ rows: QueryResult, asOf: CalendarDate) throws -> [ListingView] {
        let base = try rows.map { row -> (Int, ListingView) in
            let id: Int = try row["id"]
            let facts = ListingFacts(listedOn: try Stored.requiredDate(row, "listed_on", table: "product_listing"),
                                     endedOn: try Stored.date(row, "ended_on", table: "product_listing"), ocopMark: try row["ocop_mark"])
            return (id, ListingView(id: id, productID: try row["product_id"], productCode: try row["product_code"], productName: try row["product_name"],
                                    producerName: try row["producer_name"], outlet: try Self.decodeOutlet(row), facts: facts,
                                    contractNo: try row["contract_no"], document: try row["document"], endReason: try row["end_reason"], asOf: asOf))
        }
        let marks = try self.marks(listingIDs: base.map(\.0))
        let certificates = try self.certificates(productIDs: Array(Set(base.map(\.1.productID))))
        return base.map { id, view in
            var view = view
            view.facts = ListingFacts(listedOn: view.facts.listedOn, endedOn: view.facts.endedOn, ocopMark: view.facts.ocopMark, marks: marks[id] ?? [])
            view.productCertificates = (certificates[view.productID] ?? []).map(\.record)
            return view
        }
    }

    /// Listings, optionally of one product or at one outlet, seen on `asOf`.
    public func listings(productID: Int? = nil, outletID: Int? = nil, asOf: CalendarDate) throws -> [ListingView] {
        try decodeListings(try connection.query(Self.listingSelect + """
             WHERE ($1::bigint IS NULL OR l.product_id = $1) AND ($2::bigint IS NULL OR l.outlet_id = $2)
             ORDER BY pr.code, l.listed_on, o.code, l.id
            """, productID, outletID), asOf: asOf)
    }

    public func listing(id: Int, asOf: CalendarDate) throws -> ListingView {
        guard let view = try decodeListings(try connection.query(Self.listingSelect + " WHERE l.id = $1", id), asOf: asOf).first else {
            throw StoreError.notFound(.listing, String(id))
        }
        return view
    }

    /// The certificates of some products as the rules see them, with their ids, by product.
    private func certificates(productIDs: [Int]) throws -> [Int: [(id: Int, record: CertificateRecord)]] {
        guard !productIDs.isEmpty else { return [:] }
        var out: [Int: [(id: Int, record: CertificateRecord)]] = [:]
        for row in try connection.query("""
            SELECT s.id, s.product_id, s.cert_issuer, s.cert_year, s.cert_serial, s.stars, s.decision_date::text AS issued_on,
                   s.valid_until::text AS valid_until, s.revoked_at::text AS revoked_on, s.superseded_on::text AS superseded_on,
                   s.extended_until::text AS extended_until
            FROM star_recognition s WHERE s.product_id = ANY ($1::bigint[]) AND s.decision_date IS NOT NULL ORDER BY s.decision_date, s.id
            """, PostgresIntArray(productIDs)) {
            out[try row["product_id"], default: []].append((try row.decode(Int.self, "id"), try Self.decodeRecord(row)))
        }
        return out
    }

    /// One product's certificates as the rules see them, with their ids.
    private func certificates(productID: Int) throws -> [(id: Int, record: CertificateRecord)] {
        try certificates(productIDs: [productID])[productID] ?? []
    }

    /// Records a listing. An OCOP listing carries the certificate in force on its first day
    /// (`ListingRules`), under a lock on the product so a concurrent revocation is seen.
    public func addListing(_ request: ListingRequest, today: CalendarDate, actor: PersonCode) throws -> ListingView {
        let contract = try Validate.optionalText(request.contractNo, field: "contract_no", limit: FieldLimit.reference)
        let document = try Validate.optionalText(request.document, field: "document", limit: FieldLimit.name)
        try ListingRules.notAfter(request.listedOn, today: today, field: "listed_on")
        if !request.ocopMark, let chosen = request.certificate {
            throw StoreError.invalid(field: "certificate", value: chosen.description, reason: LocalizedText(
                vi: "điểm bán không dùng nhãn OCOP thì không mang giấy chứng nhận.", en: "a listing without the OCOP mark carries no certificate."))
        }
        return try mapped {
            try connection.transaction { connection in
                let product = try ProductRepository(connection).product(request.product)
                _ = try connection.query("SELECT 1 FROM product WHERE id = $1 FOR UPDATE", product.id)
                let outlet = try self.outlet(request.outlet)
                var mark: (id: Int, record: CertificateRecord)?
                if request.ocopMark {
                    let all = try certificates(productID: product.id)
                    let record = try ListingRules.markForNewListing(listedOn: request.listedOn, certificates: all.map(\.record),
                                                                    chosen: request.certificate, product: product.code)
                    mark = all.first { $0.record.number == record.number }
                }
                if let other = try connection.optional("""
                    SELECT id, listed_on::text AS listed_on FROM product_listing
                    WHERE product_id = $1 AND outlet_id = $2 AND period && daterange($3::date, NULL, '[]') LIMIT 1
                    """, product.id, outlet.id, request.listedOn.iso) {
                    let id: Int = try other["id"]
                    throw StoreError.rejected(constraint: "product_listing_no_overlap", field: "listed_on", value: request.listedOn.iso, kind: .conflict,
                                              reason: LocalizedText(
                        vi: "Sản phẩm \(product.code) đã được ghi bán tại \(outlet.code) (điểm bán #\(id) từ ngày \(try Stored.requiredDate(other, "listed_on", table: "product_listing").display(.vi))); ghi ngày kết thúc điểm bán đó trước (ocop listing end \(id)).",
                        en: "Product \(product.code) is already listed at \(outlet.code) (listing #\(id) from \(try Stored.requiredDate(other, "listed_on", table: "product_listing").display(.en))); record its end first (ocop listing end \(id))."))
                }
                let id = try connection.one("""
                    INSERT INTO product_listing (product_id, outlet_id, listed_on, ocop_mark, contract_no, document, created_by)
                    VALUES ($1, $2, $3::date, $4, $5, $6, $7) RETURNING id
                    """, [product.id, outlet.id, request.listedOn.iso, request.ocopMark, contract?.nfc, document?.nfc, actor.rawValue]).decode(Int.self, "id")
                if let mark {
                    try connection.query("""
                        INSERT INTO listing_mark (listing_id, product_id, certificate_id, since, recorded_by) VALUES ($1, $2, $3, $4::date, $5)
                        """, [id, product.id, mark.id, request.listedOn.iso, actor.rawValue])
                }
                return try listing(id: id, asOf: today)
            }
        }
    }

    /// Records the last day of a listing.
    public func endListing(id: Int, on endedOn: CalendarDate, reason: String?, today: CalendarDate, actor: PersonCode) throws -> ListingView {
        let reasonText = try Validate.optionalText(reason, field: "reason", limit: FieldLimit.note, multiline: true)
        return try mapped {
            try connection.transaction { connection in
                guard try connection.optional("SELECT 1 FROM product_listing WHERE id = $1 FOR UPDATE", id) != nil else {
                    throw StoreError.notFound(.listing, String(id))
                }
                let current = try listing(id: id, asOf: today)
                do { try ListingRules.checkEnd(current.facts, endedOn: endedOn, today: today) } catch {
                    if current.facts.endedOn != nil {
                        throw StoreError.rejected(constraint: "product_listing_guard", field: "listing", value: String(id), kind: .conflict, reason: LocalizedText(
                            vi: "Điểm bán #\(id) đã kết thúc ngày \(current.facts.endedOn!.display(.vi)).", en: "Listing #\(id) already ended on \(current.facts.endedOn!.display(.en))."))
                    }
                    throw error
                }
                try connection.query("""
                    UPDATE product_listing SET ended_on = $2::date, end_reason = $3, ended_at = ocop_now(), ended_by = $4 WHERE id = $1
                    """, [id, endedOn.iso, reasonText?.nfc, actor.rawValue])
                return try listing(id: id, asOf: today)
            }
        }
    }

    /// Records that a listing carries another certificate's mark from `since` (the product's
    /// new certificate after an upgrade or re-evaluation).
    public func remark(id: Int, since: CalendarDate, certificate: CertificateNumber?, today: CalendarDate, actor: PersonCode) throws -> ListingView {
        try mapped {
            try connection.transaction { connection in
                guard let row = try connection.optional("SELECT product_id FROM product_listing WHERE id = $1 FOR UPDATE", id) else {
                    throw StoreError.notFound(.listing, String(id))
                }
                let productID: Int = try row["product_id"]
                let current = try listing(id: id, asOf: today)
                let all = try certificates(productID: productID)
                let record = try ListingRules.checkRemark(current.facts, since: since, certificates: all.map(\.record), chosen: certificate,
                                                          product: current.productCode, today: today)
                guard let chosen = all.first(where: { $0.record.number == record.number }) else {
                    throw StoreError.notFound(.certificate, record.number.description)
                }
                try connection.query("""
                    INSERT INTO listing_mark (listing_id, product_id, certificate_id, since, recorded_by) VALUES ($1, $2, $3, $4::date, $5)
                    """, [id, productID, chosen.id, since.iso, actor.rawValue])
                return try listing(id: id, asOf: today)
            }
        }
    }
}
