import Foundation
import OCOPDomain
import OCOPStore

extension Workbench {
    /// Runs `body` with the database recording `day` at `hour`:`minute` (Vietnam time) as "now",
    /// then returns to the workbench's clock: the demo's story happens over months, so each step
    /// is stamped on its own day. Rules still judge against `today`.
    @discardableResult
    func at<T>(_ day: CalendarDate, hour: Int = 9, minute: Int = 0, _ body: () throws -> T) throws -> T {
        let seconds = day.dayNumber * 86400 + (hour - 7) * 3600 + minute * 60
        try Maintenance.setClock(try connection(), to: Date(timeIntervalSince1970: Double(seconds)))
        defer { try? Maintenance.setClock(try connection(), to: clock.fixed) }
        return try body()
    }
}
