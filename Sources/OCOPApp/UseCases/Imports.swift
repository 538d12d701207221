import Foundation
import OCOPDomain
import OCOPModels
import OCOPStore

/// Registry imports from CSV files (docs/import.md): all or nothing.
extension Workbench {
    /// Reads `file` and imports its rows of `kind`; returns the number of rows written.
    /// `defaultYear` (else the clock's year) goes into new product codes when the file has no year.
    public func importRegistry(_ kind: ImportKind, file: String, defaultYear: Int? = nil,
                               progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let (header, records) = try CSVFile.read(file)
        try RegistryImport.checkHeader(header, kind: kind, file: file)
        if kind == .recognitions { try syncRubrics() }
        return try RegistryImport(try connection(), actor: actor).run(kind, records: records, file: file,
                                                                      defaultYear: defaultYear ?? today.year, progress: progress)
    }
}
