import ChildProcessTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a spawned child gets from the test process: its three standard
/// descriptors and nothing else, and signals it can act on.
@Suite struct ChildProcessTests {
    @Test func aChildInheritsNoDescriptorBeyondTheStandardThree() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Opened without close-on-exec, as a socket from a library may be.
        let leaky = open(folder.appendingPathComponent("held").path, O_CREAT | O_RDWR, 0o600)
        #expect(leaky > 2)
        defer { close(leaky) }
        let listing = folder.appendingPathComponent("fds").path
        let status = try await ChildProcess.run(
            "/bin/sh", arguments: ["-c", "ls /proc/$$/fd"], environment: [:], directory: folder.path,
            stdout: listing, stderr: "/dev/null")
        #expect(status == 0)
        let descriptors = try String(contentsOfFile: listing, encoding: .utf8).split(separator: "\n").compactMap {
            Int32($0)
        }
        #expect(!descriptors.contains(leaky), "\(descriptors)")
        // The shell's own (dash keeps its script on 10) aside, only 0, 1 and 2.
        #expect(descriptors.filter { $0 > 2 && $0 != 10 }.isEmpty, "\(descriptors)")
    }

    @Test func sigtermEndsAChildEvenThoughTheTestProcessBlocksIt() async throws {
        let child = try ChildProcess.spawn(
            "/bin/sleep", arguments: ["30"], environment: [:], directory: "/", stdout: .discarded, stderr: .discarded)
        child.terminate()
        #expect(try await child.exitStatus(within: .seconds(20)) == 128 + SIGTERM)
    }
}
