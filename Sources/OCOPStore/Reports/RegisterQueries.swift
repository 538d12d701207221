import Foundation
import OCOPDomain
import OCOPModels
import Postgres

/// Read queries over the register.
public struct RegisterQueries {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Recognitions of `years` by year and stars, and the kinds of their producers.
    public func summary(years: [Int]) throws -> RegisterSummary {
        let byYear = try connection.query("""
            SELECT year, stars, count(*)::int AS n FROM star_recognition
            WHERE year = ANY ($1::int[]) GROUP BY year, stars ORDER BY year, stars
            """, PostgresIntArray(years)).map { row in
            RegisterSummary.YearStars(year: try row["year"], stars: try row["stars"], count: try row["n"])
        }
        let kinds = try connection.query("""
            SELECT kind, count(*)::int AS n FROM producer p
            WHERE EXISTS (SELECT 1 FROM product pr JOIN star_recognition s ON s.product_id = pr.id
                          WHERE pr.producer_id = p.id AND s.year = ANY ($1::int[]))
            GROUP BY kind ORDER BY count(*) DESC, kind
            """, PostgresIntArray(years)).map { row in
            RegisterSummary.KindCount(kind: try StoreError.decode(ProducerKind.self, try row["kind"], table: "producer", column: "kind"), count: try row["n"])
        }
        return RegisterSummary(byYearAndStars: byYear, producersByKind: kinds)
    }
}
