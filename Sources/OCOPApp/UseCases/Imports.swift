import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Registry imports from CSV files (docs/import.md): all or nothing.
extension Workbench {
    /// Reads `file` and imports its rows of `kind`: new records are added, lines equal to stored
    /// records are counted, and in `update` mode stored records change to match (each change
    /// reported). `defaultYear` (else the clock's year) goes into new product codes when the file
    /// has no year.
    /// With `dryRun` every line is checked and the outcome reported as if imported, and nothing
    /// is written.
    public func importRegistry(_ kind: ImportKind, file: String, mode: ImportMode = .add, defaultYear: Int? = nil, dryRun: Bool = false,
                               progress: (Int, Int) -> Void = { _, _ in }) throws -> ImportOutcome {
        if dryRun {
            return try rollingBack { try importRegistry(kind, file: file, mode: mode, defaultYear: defaultYear, progress: progress) }
        }
        let (header, records) = try CSVFile.read(file)
        try RegistryImport.checkHeader(header, kind: kind, file: file)
        if kind == .recognitions { try syncRubrics() }
        let year = try defaultYear.map { value throws(DomainError) in try Validate.year(value, today: today) } ?? today.year
        return try RegistryImport(try connection(), actor: actor, today: today).run(kind, records: records, columns: header, file: file,
                                                                                   defaultYear: year, mode: mode, progress: progress)
    }
}
