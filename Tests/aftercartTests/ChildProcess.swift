import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with `posix_spawn`, its output in files.
///
/// Not Foundation's `Process`: on Linux its `run()` scans `/proc/self/fd`
/// copying a fixed 256-byte `d_name` out of each directory entry, which
/// reads past readdir's buffer and crashes the test process once it holds
/// about a thousand descriptors (the whole suite's servers and clients
/// running at once do).
enum ChildProcess {
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which the
    /// Glibc module does not import (it is a GNU extension).
    private static let addChdir: AddChdir = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else {
            fatalError("glibc without posix_spawn_file_actions_addchdir_np (needs 2.29+)")
        }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Spawns `executable` in `directory`, stdin from /dev/null, stdout and
    /// stderr written to the two files, and waits for it; returns its exit
    /// status (128 + signal when a signal ended it).
    static func run(
        _ executable: String, arguments: [String], environment: [String: String], directory: String,
        stdout: String, stderr: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard addChdir(&actions, directory) == 0 else {
            throw SpawnError(description: "cannot run \(executable) in \(directory)")
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                posix_spawn(
                    &pid, executable, &actions, nil, UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                    UnsafeMutablePointer(mutating: envpBuffer.baseAddress!))
            }
        }
        guard spawned == 0 else {
            throw SpawnError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw SpawnError(description: "waitpid \(pid): \(String(cString: strerror(errno)))")
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
