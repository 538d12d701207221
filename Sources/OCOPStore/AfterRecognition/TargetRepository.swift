import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Provinces' annual targets (chỉ tiêu kế hoạch) and what was achieved: new products recognised
/// at 3★ or more in the year, counted from the register (a product's first certificate).
public struct TargetRepository {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The province with `code` that existed in `year` (on 31 December, else on 1 January): a
    /// code can name two provinces across the 2025 mergers.
    public func province(code: ProvinceCode, year: Int) throws -> (id: Int, name: String) {
        for day in ["\(year)-12-31", "\(year)-01-01"] {
            if let row = try connection.optional("""
                SELECT id, name FROM province WHERE code = $1 AND (valid_from IS NULL OR valid_from <= $2::date)
                  AND (valid_to IS NULL OR valid_to >= $2::date) ORDER BY valid_from DESC NULLS LAST LIMIT 1
                """, code.rawValue, day) {
                return (try row["id"], try row["name"])
            }
        }
        throw StoreError.notFound(.province, "\(code.rawValue) (\(year))")
    }

    /// Records a target. The same values again are already recorded (`recorded == false`); other
    /// values for a year that has a target are a new revision only with `update`.
    public func set(_ target: AnnualTarget, update: Bool, today: CalendarDate, actor: PersonCode) throws -> (view: TargetView, recorded: Bool) {
        let t = try target.validated(today: today)
        return try mapped {
            try connection.transaction { connection in
                let province = try self.province(code: t.provinceCode, year: t.year)
                _ = try connection.query("SELECT 1 FROM province WHERE id = $1 FOR UPDATE", province.id)
                if let latest = try latestRow(provinceID: province.id, year: t.year) {
                    let stored = AnnualTarget(provinceCode: t.provinceCode, year: t.year, products: try latest["products"], basis: try latest["basis"], note: try latest["note"])
                    if stored.sameFacts(as: t) { return (try view(provinceID: province.id, year: t.year)!, false) }
                    guard update else {
                        throw StoreError.rejected(constraint: "annual_target_pkey", field: "update", value: "\(t.provinceCode) \(t.year)", kind: .conflict, reason: LocalizedText(
                            vi: "Tỉnh \(province.name) đã có chỉ tiêu năm \(t.year): \(stored.products) sản phẩm\(stored.basis.map { " (\($0))" } ?? ""). Thêm --update để ghi chỉ tiêu điều chỉnh (bản cũ vẫn được lưu).",
                            en: "\(province.name) already has a \(t.year) target: \(englishCount(stored.products, "product"))\(stored.basis.map { " (\($0))" } ?? ""). Add --update to record the revised target (the old one is kept)."))
                    }
                }
                try connection.query("""
                    INSERT INTO annual_target (province_id, year, revision, products, basis, note, recorded_by)
                    SELECT $1, $2, coalesce(max(revision), 0) + 1, $3, $4, $5, $6 FROM annual_target WHERE province_id = $1 AND year = $2
                    """, [province.id, t.year, t.products, t.basis?.nfc, t.note?.nfc, actor.rawValue])
                return (try view(provinceID: province.id, year: t.year)!, true)
            }
        }
    }

    private func latestRow(provinceID: Int, year: Int) throws -> Row? {
        try connection.optional("""
            SELECT revision, products, basis, note FROM annual_target WHERE province_id = $1 AND year = $2 ORDER BY revision DESC LIMIT 1
            """, provinceID, year)
    }

    /// New products recognised in `year` in the province: products whose first certificate was
    /// issued that year, by the province or by a province merged into it (in the year of a merger
    /// the new province's report covers the old ones).
    public func achieved(provinceID: Int, year: Int) throws -> Int {
        try connection.one("""
            WITH RECURSIVE area AS (
                SELECT $1::int AS id
                UNION SELECT p.id FROM province p JOIN area a ON p.successor_id = a.id AND p.id <> a.id
            )
            SELECT count(*)::int AS n FROM (
                SELECT DISTINCT ON (product_id) product_id, decision_date, province_id
                FROM star_recognition WHERE decision_date IS NOT NULL ORDER BY product_id, decision_date, id
            ) first
            WHERE extract(year FROM first.decision_date) = $2 AND first.province_id IN (SELECT id FROM area)
            """, provinceID, year).decode(Int.self, "n")
    }

    /// The latest target of a province and year with what was achieved, if a target is set.
    public func view(provinceID: Int, year: Int) throws -> TargetView? {
        guard let row = try connection.optional("""
            SELECT p.code, p.name, t.revision, t.products, t.basis, t.note FROM annual_target t JOIN province p ON p.id = t.province_id
            WHERE t.province_id = $1 AND t.year = $2 ORDER BY t.revision DESC LIMIT 1
            """, provinceID, year) else { return nil }
        return TargetView(provinceCode: try row["code"], provinceName: try row["name"], year: year, revision: try row["revision"],
                          products: try row["products"], basis: try row["basis"], note: try row["note"],
                          achieved: try achieved(provinceID: provinceID, year: year))
    }

    /// Every province's latest target per year, optionally of one province code or year.
    public func targets(province: ProvinceCode? = nil, year: Int? = nil) throws -> [TargetView] {
        try connection.query("""
            SELECT DISTINCT t.province_id, t.year, p.code FROM annual_target t JOIN province p ON p.id = t.province_id
            WHERE ($1::text IS NULL OR p.code = $1) AND ($2::int IS NULL OR t.year = $2) ORDER BY p.code, t.year
            """, province?.rawValue, year).compactMap { row in try view(provinceID: try row["province_id"], year: try row["year"]) }
    }

    /// The targets of a province code for a year and the next (the register report's line).
    public func targets(forYear year: Int, provinceCode: ProvinceCode?) throws -> (this: TargetView?, next: TargetView?) {
        let all = try targets(province: provinceCode)
        // Without a province, the report shows a target only when one province has targets.
        let codes = Set(all.map(\.provinceCode))
        guard codes.count == 1 else { return (nil, nil) }
        return (all.last { $0.year == year }, all.last { $0.year == year + 1 })
    }
}
