import Foundation

/// A benchmark's helper process whose last stdout line is a JSON object.
enum ChildJSON {
    /// Runs `executable` with `arguments` to its end and returns that object.
    static func run(_ executable: URL, _ arguments: [String], name: String) throws -> [String: Any] {
        let child = Process()
        child.executableURL = executable
        child.arguments = arguments
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0,
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw BenchmarkError("\(name) failed (exit \(child.terminationStatus))")
        }
        return object
    }
}
