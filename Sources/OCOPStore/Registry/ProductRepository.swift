import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Products, with their code `T-X-STT-YYYY` from a per-commune serial.
public struct ProductRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Adds a product after checking every field; `today` bounds the year of its code.
    @discardableResult
    public func add(_ draft: ProductDraft, today: CalendarDate, actor: PersonCode) throws -> Product {
        let draft = try draft.validated(today: today)
        let owner = try ProducerRepository(connection).producer(draft.producerRef)
        let communeCode = draft.communeCode ?? owner.communeCode
        let name = draft.name
        let communeID = try UnitRepository(connection).communeID(communeCode)
        return try connection.transaction { connection in
            // The owner's kind is read again under a share lock: a concurrent edit to a kind that
            // may not own this set waits, then sees the product.
            let kind = try connection.one("SELECT kind FROM producer WHERE id = $1 FOR SHARE", owner.id).decode(String.self, "kind")
            if let current = ProducerKind(rawValue: kind), !current.mayOwn(productSet: draft.productSet) {
                throw current.ownershipRefusal(productSet: draft.productSet)
            }
            let commune = try connection.one("""
                SELECT c.code, p.code AS province_code FROM commune c JOIN province p ON p.id = c.province_id WHERE c.id = $1
                """, communeID)
            let code: String
            if let given = draft.code {
                code = given
            } else {
                // The row lock of this upsert serialises concurrent assignments in one commune.
                let serial = try connection.one("""
                    INSERT INTO commune_product_serial (commune_id, last_serial) VALUES ($1, 1)
                    ON CONFLICT (commune_id) DO UPDATE SET last_serial = commune_product_serial.last_serial + 1
                    RETURNING last_serial
                    """, communeID).decode(Int.self, "last_serial")
                code = ProductCode(provinceCode: try commune.decode(String.self, "province_code"), communeCode: communeCode, serial: serial, year: draft.year).description
            }
            let id: Int
            do {
                id = try connection.transaction { connection in
                    try connection.one("""
                        INSERT INTO product (code, name, producer_id, product_set, commune_id, illustrative, created_by)
                        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                        """, code, name, owner.id, draft.productSet, communeID, draft.illustrative, actor.rawValue).decode(Int.self, "id")
                }
            } catch let error as PostgresError where error.serverError?.constraint == "product_producer_name_key" {
                throw StoreError.duplicateProduct(name: name, producer: owner.name)
            } catch let error as PostgresError where error.serverError?.constraint == "product_code_key" {
                throw StoreError.duplicateProductCode(code)
            }
            return try product(id: id)
        }
    }

    /// Changes a product's set, commune or demo flag (imports in update mode). The set is
    /// frozen once a dossier has been opened on it.
    public func update(productID id: Int, productSet: Int, communeCode: String, illustrative: Bool) throws {
try Validate.productSet(productSet)
        let current = try product(id: id)
        if current.productSet != productSet {
            let owner = try ProducerRepository(connection).producer(id: current.producerID)
            guard owner.kind.mayOwn(productSet: productSet) else { throw owner.kind.ownershipRefusal(productSet: productSet) }
            if let dossier = try connection.optional("SELECT code FROM dossier WHERE product_id = $1 ORDER BY id LIMIT 1", id)?.text(0) {
                throw StoreError.invalid(field: "product_set", value: String(productSet), reason: LocalizedText(
                    vi: "sản phẩm đã có hồ sơ \(dossier) đánh giá theo bộ \(current.productSet); không đổi bộ được.",
                    en: "the product already has dossier \(dossier) evaluated on set \(current.productSet); its set cannot change."))
            }
        }
        let communeID = try UnitRepository(connection).communeID(communeCode)
        try connection.query("UPDATE product SET product_set = $2, commune_id = $3, illustrative = $4 WHERE id = $1", id, productSet, communeID, illustrative)
    }

    /// Whether a product is marked as illustrative (demo) data.
    public func isIllustrative(productID id: Int) throws -> Bool {
        try connection.one("SELECT illustrative FROM product WHERE id = $1", id).decode(Bool.self, "illustrative")
    }

    static let select = """
        SELECT pr.id, pr.code, pr.name, pr.producer_id, p.name AS producer_name, p.registration_no, pr.product_set,
               c.code AS commune_code, c.name AS commune_name
        FROM product pr
        JOIN producer p ON p.id = pr.producer_id
        JOIN commune c ON c.id = pr.commune_id
        """

    static func decode(_ row: Row) throws -> Product {
        Product(
            id: try row["id"], code: try row["code"], name: try row["name"], producerID: try row["producer_id"],
            producerName: try row["producer_name"], producerRegistrationNo: try row["registration_no"],
            productSet: try row["product_set"], communeCode: try row["commune_code"], communeName: try row["commune_name"],
            stars: nil, starsValidUntil: nil)
    }

    /// Each product with its standing on `asOf` (default: the database's today): the certificate
    /// in force, by the one rule of `CertificateRecord`, so an expired star is never current.
    public func standings(_ products: [Product], asOf: CalendarDate? = nil) throws -> [ProductStanding] {
        let day = try asOf ?? Stored.today(connection)
        let certificates = try CertificateRepository(connection).certificates(productIDs: products.map(\.id), asOf: day)
        return products.map { ProductStanding(product: $0, certificates: certificates[$0.id] ?? [], on: day) }
    }

    private func current(_ products: [Product], asOf: CalendarDate?) throws -> [Product] {
        try standings(products, asOf: asOf).map(\.product)
    }

    public func product(id: Int, asOf: CalendarDate? = nil) throws -> Product {
        guard let row = try connection.optional(Self.select + " WHERE pr.id = $1", id) else { throw StoreError.notFound(.product, String(id)) }
        return try current([try Self.decode(row)], asOf: asOf)[0]
    }

    /// By product code, else by numeric id.
    public func product(_ reference: String, asOf: CalendarDate? = nil) throws -> Product {
        let key = reference.trimmingCharacters(in: .whitespaces)
        if let row = try connection.optional(Self.select + " WHERE pr.code = $1", key) { return try current([try Self.decode(row)], asOf: asOf)[0] }
        if let id = Int(key), let row = try connection.optional(Self.select + " WHERE pr.id = $1", id) {
            return try current([try Self.decode(row)], asOf: asOf)[0]
        }
        throw StoreError.notFound(.product, reference)
    }

    /// A product by its producer and exact name (imports of history).
    public func product(named name: String, producerRegistrationNo: String) throws -> Product? {
        guard let row = try connection.optional(Self.select + " WHERE pr.name = $1 AND p.registration_no = $2", name.nfc, producerRegistrationNo) else {
            return nil
        }
        return try current([try Self.decode(row)], asOf: nil)[0]
    }

    public func products(producerID: Int? = nil, productSet: Int? = nil, search: String? = nil, asOf: CalendarDate? = nil) throws -> [Product] {
        let term = SearchTerm(search)
        return try current(try connection.query(Self.select + """
             WHERE ($1::bigint IS NULL OR pr.producer_id = $1) AND ($2::int IS NULL OR pr.product_set = $2)
               AND ($3::text IS NULL OR pr.code = $3 OR \(SearchTerm.nameMatches("pr.name", pattern: 4, folded: 5)))
             ORDER BY pr.code
            """, producerID, productSet, term?.exact, term?.pattern, term?.folded).map(Self.decode), asOf: asOf)
    }
}
