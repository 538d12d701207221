// ocop-print: the print helper. `ocop` itself does not load cairo, pango and their ~35 shared
// libraries (most commands never print, and loading them cost every command ~8 ms); it hands
// documents to this program instead (OCOPApp's DocumentPrinter).
//
//   ocop-print REQUEST OUTPUT-DIR
//
// REQUEST is a JSON array of PrintJob. Job i's bytes go to OUTPUT-DIR/i; after each certificate
// page and each other job, the running count of units done is printed on its own line. On a
// document error, OUTPUT-DIR/failure.json holds the PrintFailure and the exit status is 65.
import Foundation
import OCOPDocuments
import OCOPModels

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("""
        ocop-print là chương trình in của ocop; hãy dùng lệnh ocop. / ocop-print is ocop's print helper; use ocop.
        usage: ocop-print REQUEST OUTPUT-DIR

        """.utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[2], isDirectory: true)

func fail(_ failure: PrintFailure) -> Never {
    let data = (try? JSONEncoder().encode(failure)) ?? Data()
    try? data.write(to: output.appendingPathComponent("failure.json"))
    exit(65)
}

let jobs: [PrintJob]
do {
    jobs = try JSONDecoder().decode([PrintJob].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
} catch {
    fail(.request(String(describing: error)))
}
do {
    let renderer = try DocumentRenderer()
    var done = 0
    for (index, job) in jobs.enumerated() {
        let before = done
        let data = try renderer.render(job) { units in
            done = before + units
            FileHandle.standardOutput.write(Data("\(done)\n".utf8))
        }
        try data.write(to: output.appendingPathComponent(String(index)))
    }
} catch let error as DocumentError {
    fail(.document(error))
} catch {
    fail(.document(.renderingFailed(String(describing: error))))
}
