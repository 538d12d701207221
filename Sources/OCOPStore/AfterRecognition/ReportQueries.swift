import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// The read queries of the reports (`ocop report …`): plain facts out of the register, the
/// dossiers, the council results and the decisions; every status is judged by the domain's one
/// rule on the day asked about.
public struct ReportQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    // MARK: The register on a day

    /// Every product holding a certificate in force on `asOf`, with what the register counts it
    /// by. The province is the product's commune's, followed through the 2025 mergers to the
    /// province that existed on `asOf`.
    public func registerEntries(asOf: CalendarDate, provinceCode: ProvinceCode? = nil) throws -> [RegisterEntry] {
        let rows = try connection.query("""
            SELECT pr.id AS product_id, pr.code AS product_code, pr.name AS product_name, pr.product_set, p.id AS producer_id, p.kind,
                   c.name AS commune_name, c.former_district, c.province_id,
                   s.cert_issuer, s.cert_year, s.cert_serial, s.stars, s.decision_date::text AS issued_on, s.valid_until::text AS valid_until,
                   s.revoked_at::text AS revoked_on, s.superseded_on::text AS superseded_on, s.extended_until::text AS extended_until
            FROM star_recognition s
            JOIN product pr ON pr.id = s.product_id JOIN producer p ON p.id = pr.producer_id JOIN commune c ON c.id = pr.commune_id
            WHERE s.decision_date IS NOT NULL AND s.decision_date <= $1::date
            ORDER BY pr.code, s.decision_date, s.id
            """, asOf.iso)
        let provinces = try provinceChain()
        var byProduct: [Int: (row: Row, records: [CertificateRecord])] = [:]
        var order: [Int] = []
        for row in rows {
            let id: Int = try row["product_id"]
            if byProduct[id] == nil { order.append(id); byProduct[id] = (row, []) }
            byProduct[id]!.records.append(try MarketRepository.decodeRecord(row))
        }
        var entries: [RegisterEntry] = []
        for id in order {
            let (row, records) = byProduct[id]!
            guard let current = CertificateRecord.current(among: records, on: asOf) else { continue }
            let province = provinces.resolve(try row["province_id"], on: asOf)
            if let provinceCode, province.code != provinceCode.rawValue { continue }
            let district: String? = try row["former_district"]
            let commune: String = try row["commune_name"]
            entries.append(RegisterEntry(
                productID: id, productCode: try row["product_code"], productName: try row["product_name"], productSet: try row["product_set"],
                producerID: try row["producer_id"], producerKind: try StoreError.decode(ProducerKind.self, try row["kind"], table: "producer", column: "kind"),
                commune: district.map { "\(commune) (\($0))" } ?? commune, province: province.name, certificate: current))
        }
        return entries
    }

    /// Provinces with their periods and successors.
    struct ProvinceChain {
        struct Unit { var code: String; var name: String; var validTo: CalendarDate?; var successor: Int? }
        var units: [Int: Unit]

        /// The province `id` became by `date` (itself when it still existed then).
        func resolve(_ id: Int, on date: CalendarDate) -> (code: String, name: String) {
            var current = id
            var seen: Set<Int> = []
            while seen.insert(current).inserted, let unit = units[current], let validTo = unit.validTo, validTo < date, let next = unit.successor, units[next] != nil {
                current = next
            }
            let unit = units[current]
            return (unit?.code ?? "", unit?.name ?? "")
        }
    }

    func provinceChain() throws -> ProvinceChain {
        var units: [Int: ProvinceChain.Unit] = [:]
        for row in try connection.query("SELECT id, code, name, valid_to::text AS valid_to, successor_id FROM province") {
            units[try row["id"]] = ProvinceChain.Unit(code: try row["code"], name: try row["name"],
                                                      validTo: try Stored.date(row, "valid_to", table: "province"), successor: try row["successor_id"])
        }
        return ProvinceChain(units: units)
    }

    // MARK: Rounds

    /// The dossiers of a round with their latest council result (the province's own council
    /// when it scored them), the certificate issued on them, and where each ended up.
    public func roundDossiers(year: Int, round: Int) throws -> (dossiers: [RoundDossier], setTotals: [Int: (sum: Int, count: Int, dossiers: Int)]) {
        let rows = try connection.query("""
            SELECT d.code, pr.code AS product_code, pr.name AS product_name, p.name AS producer_name, pr.product_set, d.kind, d.status,
                   d.target_stars, b.stars AS basis_stars, r.total_sum, r.sheet_count, r.stars AS council_stars, r.proposed_central,
                   cert.stars AS certificate_stars, cert.certificate_no,
                   EXISTS (SELECT 1 FROM decision_entry e WHERE e.dossier_id = d.id AND e.outcome = 'not_granted') AS not_granted,
                   EXISTS (SELECT 1 FROM council_result x WHERE x.dossier_id = d.id AND x.proposed_central) AS ever_proposed
            FROM dossier d
            JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
            LEFT JOIN star_recognition b ON b.id = d.basis_certificate_id
            LEFT JOIN LATERAL (
                SELECT x.total_sum, x.sheet_count, x.stars, x.proposed_central FROM council_result x
                JOIN council_session s ON s.id = x.session_id JOIN council c ON c.id = s.council_id
                WHERE x.dossier_id = d.id ORDER BY (c.level = 'provincial') DESC, s.held_on DESC, s.id DESC LIMIT 1
            ) r ON true
            LEFT JOIN LATERAL (
                SELECT s.stars, s.certificate_no FROM decision_entry e JOIN star_recognition s ON s.id = e.certificate_id
                WHERE e.dossier_id = d.id AND e.outcome = 'recognised' LIMIT 1
            ) cert ON true
            WHERE d.year = $1 AND d.round = $2
            ORDER BY d.code
            """, year, round)
        var totals: [Int: (sum: Int, count: Int, dossiers: Int)] = [:]
        let dossiers = try rows.map { row -> RoundDossier in
            let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
            let kind = try StoreError.decode(DossierKind.self, try row["kind"], table: "dossier", column: "kind")
            let sum: Int? = try row["total_sum"], count: Int? = try row["sheet_count"]
            let average = sum.flatMap { s in count.flatMap { $0 > 0 ? ExactMean(sum: s, count: $0) : nil } }
            let set: Int = try row["product_set"]
            if let sum, let count, count > 0 {
                let t = totals[set] ?? (0, 0, 0)
                totals[set] = (t.sum + sum, t.count + count, t.dossiers + 1)
            }
            let notGranted: Bool = try row["not_granted"], proposed: Bool = try row["ever_proposed"]
            let outcome: RoundOutcome
            switch status {
            case .withdrawn: outcome = .withdrawn
            case .recognised: outcome = .recognised
            case .notRecognised: outcome = notGranted ? .upgradeNotGranted : .notRecognised
            case .proposedCentral, .centralReview: outcome = .withMinistry
            case .awaitingDecision: outcome = proposed ? .withMinistry : .awaitingDecision
            default: outcome = .inProgress
            }
            return RoundDossier(code: try DossierRepository.code(try row["code"]), productCode: try row["product_code"], productName: try row["product_name"],
                                producerName: try row["producer_name"], productSet: set, kind: kind, status: status, average: average,
                                councilStars: try row["council_stars"], certificateStars: try row["certificate_stars"], certificate: try row["certificate_no"],
                                basisStars: try row["basis_stars"], targetStars: try row["target_stars"], outcome: outcome)
        }
        return (dossiers, totals)
    }

    // MARK: Upgrades

    /// Every upgrade: upgrade dossiers (with their result and decision) and, in an imported
    /// register, certificates that replaced one with fewer stars; by date.
    public func upgrades(year: Int? = nil) throws -> [UpgradeRecord] {
        let dossiers = try connection.query("""
            SELECT d.code, pr.code AS product_code, pr.name AS product_name, p.name AS producer_name, d.filed_on::text AS filed_on, d.status,
                   d.target_stars, b.stars AS basis_stars, r.total_sum, r.sheet_count, r.stars AS result_stars,
                   cert.stars AS granted_stars, cert.certificate_no, dec.number AS decision_number, dec.symbol AS decision_symbol,
                   dec.decided_on::text AS decided_on, dec.outcome
            FROM dossier d
            JOIN product pr ON pr.id = d.product_id JOIN producer p ON p.id = pr.producer_id
            LEFT JOIN star_recognition b ON b.id = d.basis_certificate_id
            LEFT JOIN LATERAL (
                SELECT x.total_sum, x.sheet_count, x.stars FROM council_result x JOIN council_session s ON s.id = x.session_id
                WHERE x.dossier_id = d.id ORDER BY s.held_on DESC, s.id DESC LIMIT 1
            ) r ON true
            LEFT JOIN LATERAL (
                SELECT s.stars, s.certificate_no FROM decision_entry e JOIN star_recognition s ON s.id = e.certificate_id
                WHERE e.dossier_id = d.id AND e.outcome = 'recognised' LIMIT 1
            ) cert ON true
            LEFT JOIN LATERAL (
                SELECT k.number, k.symbol, k.decided_on, e.outcome FROM decision_entry e JOIN decision k ON k.id = e.decision_id
                WHERE e.dossier_id = d.id AND e.outcome IN ('recognised', 'not_granted') ORDER BY k.decided_on DESC LIMIT 1
            ) dec ON true
            WHERE d.kind = 'nang_hang' AND ($1::int IS NULL OR extract(year FROM d.filed_on) = $1)
            ORDER BY d.filed_on, d.code
            """, year).map { row -> UpgradeRecord in
            let status = try StoreError.decode(DossierStatus.self, try row["status"], table: "dossier", column: "status")
            let sum: Int? = try row["total_sum"], count: Int? = try row["sheet_count"]
            let decisionNumber: Int? = try row["decision_number"], symbol: String? = try row["decision_symbol"], decisionOutcome: String? = try row["outcome"]
            let outcome: UpgradeRecord.Outcome
            switch status {
            case .recognised: outcome = .granted
            case .withdrawn: outcome = .withdrawn
            case .notRecognised: outcome = decisionOutcome == "not_granted" ? .notGranted : .notRecognised
            default: outcome = .pending
            }
            let basis: Int? = try row["basis_stars"]
            return UpgradeRecord(
                productCode: try row["product_code"], productName: try row["product_name"], producerName: try row["producer_name"],
                dossier: try DossierRepository.code(try row["code"]), date: try Stored.requiredDate(row, "filed_on", table: "dossier"),
                fromStars: basis ?? 3, targetStars: try row["target_stars"], resultStars: try row["result_stars"],
                average: sum.flatMap { s in count.flatMap { $0 > 0 ? ExactMean(sum: s, count: $0) : nil } },
                grantedStars: try row["granted_stars"], certificate: try row["certificate_no"],
                decision: try decisionNumber.flatMap { n in try symbol.map { try Stored.decisionNumber(number: n, symbol: $0).description } },
                decidedOn: try Stored.date(row, "decided_on", table: "decision"), outcome: outcome)
        }
        let register = try connection.query("""
            SELECT pr.code AS product_code, pr.name AS product_name, p.name AS producer_name, o.stars AS from_stars, n.stars AS to_stars,
                   n.certificate_no, n.decision_no, n.decision_date::text AS decided_on
            FROM star_recognition o JOIN star_recognition n ON n.id = o.superseded_by
            JOIN product pr ON pr.id = n.product_id JOIN producer p ON p.id = pr.producer_id
            WHERE n.stars > o.stars AND n.dossier_id IS NULL AND ($1::int IS NULL OR extract(year FROM n.decision_date) = $1)
            """, year).map { row -> UpgradeRecord in
            let decided = try Stored.requiredDate(row, "decided_on", table: "star_recognition")
            return UpgradeRecord(productCode: try row["product_code"], productName: try row["product_name"], producerName: try row["producer_name"],
                                 dossier: nil, date: decided, fromStars: try row["from_stars"], targetStars: nil, resultStars: nil, average: nil,
                                 grantedStars: try row["to_stars"], certificate: try row["certificate_no"], decision: try row["decision_no"],
                                 decidedOn: decided, outcome: .granted)
        }
        return (dossiers + register).sorted { ($0.date, $0.productCode) < ($1.date, $1.productCode) }
    }

    // MARK: A product's timeline

    /// A council's result on one of a product's dossiers.
    public struct CouncilOutcome: Sendable, Hashable {
        public var dossier: DossierCode
        public var session: String
        public var heldOn: CalendarDate
        public var central: Bool
        public var average: ExactMean
        public var stars: Int?
    }

    /// An upgrade a decision did not grant.
    public struct RefusedUpgrade: Sendable, Hashable {
        public var dossier: DossierCode
        public var decision: DecisionNumber
        public var decidedOn: CalendarDate
        public var stars: Int
    }

    /// Every council result on the product's dossiers, by session date.
    public func councilOutcomes(productID: Int) throws -> [CouncilOutcome] {
        try connection.query("""
            SELECT d.code, s.code AS session, s.held_on::text AS held_on, c.level, r.total_sum, r.sheet_count, r.stars
            FROM council_result r JOIN council_session s ON s.id = r.session_id JOIN council c ON c.id = s.council_id
            JOIN dossier d ON d.id = r.dossier_id WHERE d.product_id = $1 ORDER BY s.held_on, s.id
            """, productID).map { row in
            let level: String = try row["level"]
            return CouncilOutcome(dossier: try DossierRepository.code(try row["code"]), session: try row["session"],
                                  heldOn: try Stored.requiredDate(row, "held_on", table: "council_session"), central: level == "central",
                                  average: ExactMean(sum: try row["total_sum"], count: max(1, try row["sheet_count"])), stars: try row["stars"])
        }
    }

    /// The product's upgrades that decisions did not grant.
    public func refusedUpgrades(productID: Int) throws -> [RefusedUpgrade] {
        try connection.query("""
            SELECT d.code, k.number, k.symbol, k.decided_on::text AS decided_on, e.stars FROM decision_entry e
            JOIN decision k ON k.id = e.decision_id JOIN dossier d ON d.id = e.dossier_id
            WHERE d.product_id = $1 AND e.outcome = 'not_granted' ORDER BY k.decided_on
            """, productID).map { row in
            RefusedUpgrade(dossier: try DossierRepository.code(try row["code"]),
                           decision: try Stored.decisionNumber(number: try row["number"], symbol: try row["symbol"]),
                           decidedOn: try Stored.requiredDate(row, "decided_on", table: "decision"), stars: try row["stars"])
        }
    }
}
