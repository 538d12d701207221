import Foundation
import OCOPDomain
import Postgres

/// Administrative units, producers and products.
public struct RegistryStore {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: Administrative units

    /// The unit with `code` valid on `date` (YYYY-MM-DD); without a date, the current one,
    /// else the most recent. Codes are reused across the 1/7/2025 reorganisation.
    static let unitResolution = """
        ORDER BY (CASE WHEN $2::date IS NULL THEN valid_to IS NULL
                       ELSE coalesce(valid_from, '-infinity') <= $2::date AND coalesce(valid_to, 'infinity') >= $2::date END) DESC,
                 valid_from DESC NULLS LAST
        LIMIT 1
        """

    public func provinceID(_ code: String, at date: String? = nil) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM province WHERE code = $1 " + Self.unitResolution, code, date) else {
            throw StoreError.unknownProvince(code)
        }
        return try row.decode(Int.self, "id")
    }

    public func communeID(_ code: String, at date: String? = nil) throws -> Int {
        guard let row = try connection.optional("SELECT id FROM commune WHERE code = $1 " + Self.unitResolution, code, date) else {
            throw StoreError.unknownCommune(code)
        }
        return try row.decode(Int.self, "id")
    }

    /// Inserts or updates a province, keyed by (code, valid_from). Successors are linked by
    /// `linkSuccessors()` once every row is in.
    public func upsert(_ province: Province) throws {
        try mapErrors {
            try connection.query("""
                INSERT INTO province (code, name, kind, valid_from, valid_to)
                VALUES ($1, $2, $3, $4::date, $5::date)
                ON CONFLICT (code, coalesce(valid_from, '-infinity'::date)) DO UPDATE
                    SET name = EXCLUDED.name, kind = EXCLUDED.kind, valid_to = EXCLUDED.valid_to
                """, province.code, province.name.nfc, province.kind, province.validFrom, province.validTo)
        }
    }

    /// Points a closed province at the unit with `successorCode` that started after it closed.
    public func linkSuccessor(code: String, validFrom: String?, successorCode: String) throws {
        try mapErrors {
            let own = try connection.one("""
                SELECT id, valid_to::text FROM province WHERE code = $1 AND coalesce(valid_from, '-infinity') = coalesce($2::date, '-infinity')
                """, code, validFrom)
            let validTo: String? = try own["valid_to"]
            let successor = try connection.optional("""
                SELECT id FROM province WHERE code = $1 AND id <> $2
                ORDER BY (coalesce(valid_from, '-infinity') > coalesce($3::date, '-infinity')) DESC, valid_from DESC NULLS LAST LIMIT 1
                """, successorCode, try own.decode(Int.self, "id"), validTo)
            guard let successor else { throw StoreError.unknownProvince(successorCode) }
            try connection.query("UPDATE province SET successor_id = $2 WHERE id = $1", try own.decode(Int.self, "id"), try successor.decode(Int.self, "id"))
        }
    }

    /// Inserts or updates a commune, keyed by (code, valid_from); its province is the one with
    /// `provinceCode` valid when the commune was.
    public func upsert(_ commune: Commune) throws {
        let provinceID = try self.provinceID(commune.provinceCode, at: commune.validFrom ?? commune.validTo)
        try mapErrors(commune: commune.code) {
            try connection.query("""
                INSERT INTO commune (code, name, kind, province_id, valid_from, valid_to, former_district)
                VALUES ($1, $2, $3, $4, $5::date, $6::date, $7)
                ON CONFLICT (code, coalesce(valid_from, '-infinity'::date)) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                    province_id = EXCLUDED.province_id, valid_to = EXCLUDED.valid_to, former_district = EXCLUDED.former_district
                """, [commune.code, commune.name.nfc, commune.kind, provinceID, commune.validFrom, commune.validTo, commune.formerDistrict?.nfc])
        }
    }

    public func communes(province: String? = nil) throws -> [Commune] {
        try connection.query("""
            SELECT c.code, c.name, c.kind, p.code AS province_code, c.valid_from::text, c.valid_to::text, c.former_district
            FROM commune c JOIN province p ON p.id = c.province_id
            WHERE ($1::text IS NULL OR p.code = $1) ORDER BY p.code, c.code, c.valid_from NULLS FIRST
            """, province).map { row in
            Commune(code: try row["code"], name: try row["name"], kind: try row["kind"], provinceCode: try row["province_code"],
                    validFrom: try row["valid_from"], validTo: try row["valid_to"], formerDistrict: try row["former_district"])
        }
    }

    // MARK: Producers

    @discardableResult
    public func addProducer(_ draft: ProducerDraft, actor: String) throws -> Producer {
        let registration = draft.registrationNo.trimmingCharacters(in: .whitespaces)
        guard !registration.isEmpty else {
            throw StoreError.invalid(field: "registration_no", value: draft.registrationNo, reason: LocalizedText(vi: "không được để trống.", en: "must not be empty."))
        }
        if let email = draft.email, !email.isEmpty, !email.contains("@") {
            throw StoreError.invalid(field: "email", value: email, reason: LocalizedText(vi: "không phải địa chỉ thư điện tử.", en: "is not an e-mail address."))
        }
        if draft.kind == .association {
            // Only the tourism group admits associations (Art. 2.3); checked again on products.
        }
        let communeID = try self.communeID(draft.communeCode)
        // The insert runs in its own (sub)transaction so that, inside an import, the lookup of the
        // existing owner in `mapErrors` runs after the rollback and not in an aborted transaction.
        let id: Int = try mapErrors(registration: registration, commune: draft.communeCode) {
            try connection.transaction { connection in try connection.one("""
                INSERT INTO producer (registration_no, name, kind, commune_id, address, phone, email, representative,
                    representative_female, representative_ethnic_minority, representative_disabled, illustrative, created_by, updated_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
                RETURNING id
                """, [registration, draft.name.nfc.trimmingCharacters(in: .whitespaces), draft.kind.rawValue, communeID,
                      draft.address?.nfc, draft.phone, draft.email, draft.representative.name?.nfc,
                      draft.representative.female, draft.representative.ethnicMinority, draft.representative.disabled,
                      draft.illustrative, actor.nfc]).decode(Int.self, "id") }
        }
        return try producer(id: id)
    }

    /// Fields to change; `nil` leaves a field as it is.
    public struct ProducerChanges: Sendable {
        public var name: String?
        public var kind: ProducerKind?
        public var communeCode: String?
        public var address: String?
        public var phone: String?
        public var email: String?
        public var representativeName: String?
        public var female: Bool?
        public var ethnicMinority: Bool?
        public var disabled: Bool?

        public init(name: String? = nil, kind: ProducerKind? = nil, communeCode: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil, representativeName: String? = nil, female: Bool? = nil, ethnicMinority: Bool? = nil, disabled: Bool? = nil) {
            self.name = name
            self.kind = kind
            self.communeCode = communeCode
            self.address = address
            self.phone = phone
            self.email = email
            self.representativeName = representativeName
            self.female = female
            self.ethnicMinority = ethnicMinority
            self.disabled = disabled
        }
    }

    @discardableResult
    public func editProducer(_ reference: String, _ changes: ProducerChanges, actor: String) throws -> Producer {
        let current = try producer(reference)
        if let email = changes.email, !email.isEmpty, !email.contains("@") {
            throw StoreError.invalid(field: "email", value: email, reason: LocalizedText(vi: "không phải địa chỉ thư điện tử.", en: "is not an e-mail address."))
        }
        let communeID: Int? = try changes.communeCode.map { try self.communeID($0) }
        try mapErrors(registration: current.registrationNo, commune: changes.communeCode ?? current.communeCode) {
            try connection.query("""
                UPDATE producer SET
                    name = coalesce($2, name), kind = coalesce($3, kind), commune_id = coalesce($4, commune_id),
                    address = coalesce($5, address), phone = coalesce($6, phone), email = coalesce($7, email),
                    representative = coalesce($8, representative),
                    representative_female = coalesce($9, representative_female),
                    representative_ethnic_minority = coalesce($10, representative_ethnic_minority),
                    representative_disabled = coalesce($11, representative_disabled),
                    updated_at = now(), updated_by = $12
                WHERE id = $1
                """, [current.id, changes.name?.nfc, changes.kind?.rawValue, communeID, changes.address?.nfc, changes.phone,
                      changes.email, changes.representativeName?.nfc, changes.female, changes.ethnicMinority, changes.disabled, actor.nfc])
        }
        return try producer(id: current.id)
    }

    private static let producerSelect = """
        SELECT p.id, p.registration_no, p.name, p.kind, c.code AS commune_code, c.name AS commune_name, pv.code AS province_code,
               p.address, p.phone, p.email, p.representative, p.representative_female,
               p.representative_ethnic_minority, p.representative_disabled,
               (SELECT count(*) FROM product pr WHERE pr.producer_id = p.id) AS product_count
        FROM producer p JOIN commune c ON c.id = p.commune_id JOIN province pv ON pv.id = c.province_id
        """

    private func decodeProducer(_ row: Row) throws -> Producer {
        Producer(
            id: try row["id"], registrationNo: try row["registration_no"], name: try row["name"],
            kind: ProducerKind(rawValue: try row["kind"]) ?? .household,
            communeCode: try row["commune_code"], communeName: try row["commune_name"], provinceCode: try row["province_code"],
            address: try row["address"], phone: try row["phone"], email: try row["email"],
            representative: Representative(name: try row["representative"], female: try row["representative_female"],
                                           ethnicMinority: try row["representative_ethnic_minority"], disabled: try row["representative_disabled"]),
            productCount: try row["product_count"]
        )
    }

    public func producer(id: Int) throws -> Producer {
        guard let row = try connection.optional(Self.producerSelect + " WHERE p.id = $1", id) else {
            throw StoreError.unknownProducer(String(id))
        }
        return try decodeProducer(row)
    }

    /// By registration/tax number, else by numeric id.
    public func producer(_ reference: String) throws -> Producer {
        let key = reference.trimmingCharacters(in: .whitespaces)
        if let row = try connection.optional(Self.producerSelect + " WHERE p.registration_no = $1", key) {
            return try decodeProducer(row)
        }
        if let id = Int(key), let row = try connection.optional(Self.producerSelect + " WHERE p.id = $1", id) {
            return try decodeProducer(row)
        }
        throw StoreError.unknownProducer(reference)
    }

    public func producers(commune: String? = nil, kind: ProducerKind? = nil, search: String? = nil) throws -> [Producer] {
        try connection.query(Self.producerSelect + """
             WHERE ($1::text IS NULL OR c.code = $1) AND ($2::text IS NULL OR p.kind = $2)
               AND ($3::text IS NULL OR p.name ILIKE '%' || $3 || '%' OR p.registration_no = $3)
             ORDER BY p.name, p.id
            """, commune, kind?.rawValue, search?.nfc).map(decodeProducer)
    }

    // MARK: Products

    @discardableResult
    public func addProduct(_ draft: ProductDraft, actor: String) throws -> Product {
        guard (1...26).contains(draft.productSet) else {
            throw StoreError.invalid(field: "product_set", value: String(draft.productSet), reason: LocalizedText(vi: "bộ sản phẩm phải từ 1 đến 26 (Phụ lục I).", en: "the product set must be 1 to 26 (Phụ lục I)."))
        }
        let owner = try producer(draft.producerRef)
        if owner.kind == .association && draft.productSet != 26 {
            throw StoreError.invalid(field: "product_set", value: String(draft.productSet), reason: LocalizedText(vi: "hội, hiệp hội, trung tâm điều hành chỉ là chủ thể của sản phẩm du lịch (bộ 26).", en: "associations and tourism centres may only own tourism products (set 26)."))
        }
        let communeCode = draft.communeCode ?? owner.communeCode
        let name = draft.name.nfc.trimmingCharacters(in: .whitespaces)
        let communeID = try self.communeID(communeCode)
        return try connection.transaction { connection in
            let commune = try connection.one("""
                SELECT c.code, p.code AS province_code FROM commune c JOIN province p ON p.id = c.province_id WHERE c.id = $1
                """, communeID)
            let code: String
            if let given = draft.code?.trimmingCharacters(in: .whitespaces), !given.isEmpty {
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
            let id: Int = try mapErrors(product: name, producer: owner.name, code: code) {
                try connection.one("""
                    INSERT INTO product (code, name, producer_id, product_set, commune_id, illustrative, created_by)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                    """, code, name, owner.id, draft.productSet, communeID, draft.illustrative, actor.nfc).decode(Int.self, "id")
            }
            return try product(id: id)
        }
    }

    private static let productSelect = """
        SELECT pr.id, pr.code, pr.name, pr.producer_id, p.name AS producer_name, p.registration_no, pr.product_set,
               c.code AS commune_code, c.name AS commune_name, sr.stars, sr.valid_until::text AS valid_until
        FROM product pr
        JOIN producer p ON p.id = pr.producer_id
        JOIN commune c ON c.id = pr.commune_id
        LEFT JOIN LATERAL (
            SELECT stars, valid_until FROM star_recognition s
            WHERE s.product_id = pr.id AND s.revoked_at IS NULL
            ORDER BY s.decision_date DESC NULLS LAST, s.id DESC LIMIT 1
        ) sr ON true
        """

    private func decodeProduct(_ row: Row) throws -> Product {
        Product(
            id: try row["id"], code: try row["code"], name: try row["name"], producerID: try row["producer_id"],
            producerName: try row["producer_name"], producerRegistrationNo: try row["registration_no"],
            productSet: try row["product_set"], communeCode: try row["commune_code"], communeName: try row["commune_name"],
            stars: try row["stars"], starsValidUntil: try row["valid_until"]
        )
    }

    public func product(id: Int) throws -> Product {
        guard let row = try connection.optional(Self.productSelect + " WHERE pr.id = $1", id) else {
            throw StoreError.unknownProduct(String(id))
        }
        return try decodeProduct(row)
    }

    /// By product code, else by numeric id.
    public func product(_ reference: String) throws -> Product {
        let key = reference.trimmingCharacters(in: .whitespaces)
        if let row = try connection.optional(Self.productSelect + " WHERE pr.code = $1", key) {
            return try decodeProduct(row)
        }
        if let id = Int(key), let row = try connection.optional(Self.productSelect + " WHERE pr.id = $1", id) {
            return try decodeProduct(row)
        }
        throw StoreError.unknownProduct(reference)
    }

    /// A product by its producer and exact name (used by imports of history).
    public func product(named name: String, producerRegistrationNo: String) throws -> Product? {
        try connection.optional(Self.productSelect + " WHERE pr.name = $1 AND p.registration_no = $2", name.nfc, producerRegistrationNo)
            .map(decodeProduct)
    }

    public func products(producer: String? = nil, productSet: Int? = nil, search: String? = nil) throws -> [Product] {
        let producerID: Int? = try producer.map { try self.producer($0).id }
        return try connection.query(Self.productSelect + """
             WHERE ($1::bigint IS NULL OR pr.producer_id = $1) AND ($2::int IS NULL OR pr.product_set = $2)
               AND ($3::text IS NULL OR pr.name ILIKE '%' || $3 || '%' OR pr.code = $3)
             ORDER BY pr.code
            """, producerID, productSet, search?.nfc).map(decodeProduct)
    }

    // MARK: Star history

    public struct Recognition: Sendable, Codable, Hashable {
        public var stars: Int
        public var score: Decimal?
        public var year: Int
        public var decisionNo: String?
        public var decisionDate: String?
        public var validUntil: String?
        public var rubricVersion: String
        public var provinceCode: String
        public var revokedAt: String?
        public var revocationReason: String?

        public init(stars: Int, score: Decimal? = nil, year: Int, decisionNo: String? = nil, decisionDate: String? = nil, validUntil: String? = nil, rubricVersion: String, provinceCode: String, revokedAt: String? = nil, revocationReason: String? = nil) {
            self.stars = stars
            self.score = score
            self.year = year
            self.decisionNo = decisionNo
            self.decisionDate = decisionDate
            self.validUntil = validUntil
            self.rubricVersion = rubricVersion
            self.provinceCode = provinceCode
            self.revokedAt = revokedAt
            self.revocationReason = revocationReason
        }
    }

    /// Records a recognition; `validUntil` defaults to 36 months after the decision (Art. 4.3).
    public func recordRecognition(productID: Int, _ recognition: Recognition, illustrative: Bool, actor: String) throws {
        // The province that decided, as it was on the decision date (old certificates keep their old province).
        let provinceID = try self.provinceID(recognition.provinceCode, at: recognition.decisionDate)
        try mapErrors {
            try connection.query("""
                INSERT INTO star_recognition (product_id, stars, score, year, decision_no, decision_date, valid_until,
                    rubric_version, province_id, illustrative, created_by)
                VALUES ($1, $2, $3, $4, $5, $6::date,
                    coalesce($7::date, ($6::date + interval '36 months')::date), $8, $9, $10, $11)
                """, [productID, recognition.stars, recognition.score, recognition.year, recognition.decisionNo?.nfc,
                      recognition.decisionDate, recognition.validUntil, recognition.rubricVersion, provinceID,
                      illustrative, actor.nfc])
        }
    }

    public func recognitions(productID: Int) throws -> [Recognition] {
        try connection.query("""
            SELECT s.stars, s.score, s.year, s.decision_no, s.decision_date::text, s.valid_until::text, s.rubric_version,
                   p.code AS province_code, s.revoked_at::text, s.revocation_reason
            FROM star_recognition s JOIN province p ON p.id = s.province_id
            WHERE s.product_id = $1 ORDER BY s.decision_date NULLS FIRST, s.id
            """, productID).map { row in
            Recognition(stars: try row["stars"], score: try row["score"], year: try row["year"], decisionNo: try row["decision_no"],
                        decisionDate: try row["decision_date"], validUntil: try row["valid_until"], rubricVersion: try row["rubric_version"],
                        provinceCode: try row["province_code"], revokedAt: try row["revoked_at"], revocationReason: try row["revocation_reason"])
        }
    }

    // MARK: Error mapping

    private func mapErrors<T>(registration: String? = nil, commune: String? = nil, product: String? = nil, producer: String? = nil, code: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError {
            guard let server = error.serverError else { throw StoreError.database(error) }
            switch server.constraint {
            case "producer_registration_no_key":
                let existing = (try? connection.optional("SELECT name FROM producer WHERE registration_no = $1", registration ?? ""))??
                    .text(0) ?? "?"
                throw StoreError.duplicateRegistration(registrationNo: registration ?? "?", existingName: existing)
            case "producer_commune_id_fkey", "product_commune_id_fkey":
                throw StoreError.unknownCommune(commune ?? "?")
            case "product_producer_name_key":
                throw StoreError.duplicateProduct(name: product ?? "?", producer: producer ?? "?")
            case "product_code_key":
                throw StoreError.duplicateProductCode(code ?? "?")
            case "commune_province_id_fkey", "star_recognition_province_id_fkey", "province_successor_id_fkey":
                throw StoreError.unknownProvince(server.detail ?? "?")
            case "star_recognition_rubric_version_fkey":
                throw StoreError.unknownRubricVersion(server.detail ?? "?")
            default:
                if server.sqlState == "22007" || server.sqlState == "22008" {
                    throw StoreError.invalid(field: "date", value: server.message, reason: LocalizedText(vi: "ngày phải có dạng YYYY-MM-DD.", en: "dates are YYYY-MM-DD."))
                }
                throw StoreError.database(error)
            }
        }
    }
}
