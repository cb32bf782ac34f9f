import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts programs with `posix_spawn` and waits for them without holding a
/// thread.
///
/// Not Foundation's `Process`: on Linux its `run()` scans `/proc/self/fd`
/// copying a fixed 256-byte `d_name` out of each directory entry, which
/// reads past readdir's buffer and crashes the test process once it holds
/// about a thousand descriptors (the whole suite's servers and clients
/// running at once do). And no blocking `waitpid` or `waitUntilExit`: a
/// test that parks a thread of the shared pool while its child talks to an
/// emulator in this process (whose handlers need that pool) can deadlock
/// the whole run once every pool thread is parked that way.
public enum ChildProcess {
    /// A child that could not be started, or did not end in time.
    public struct SpawnError: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Where a child's stdout or stderr goes.
    public enum Output: Sendable {
        /// Sent to /dev/null.
        case discarded
        /// Written to the file at this path (created or truncated).
        case file(String)
        /// A pipe the test reads (``SpawnedChild/output``).
        case pipe
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

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+): the child
    /// closes every descriptor from 3 up. Without it a child inherits this
    /// process's sockets (an emulator's accepted connection, a test server's
    /// listener), and a long-lived daemon keeps them open: a client waiting
    /// for a server's close never sees end of file.
    private static let addCloseFrom: AddCloseFrom = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("glibc without posix_spawn_file_actions_addclosefrom_np (needs 2.34+)")
        }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's `pipe2`, for the same reason: it sets close-on-exec in the
    /// same step, where `pipe` and then `fcntl` leave a gap another
    /// thread's spawn can fall into.
    private static let pipe2: Pipe2 = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pipe2") else { fatalError("glibc without pipe2") }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    /// Runs `executable` in `directory` to its end, stdout and stderr in the
    /// two files, and returns its exit status (128 + signal when a signal
    /// ended it). A child still running after `limit` is a hang, not a slow
    /// machine: it is killed and ``SpawnError`` names it, so a stuck test
    /// fails with a reason instead of stalling the run.
    public static func run(
        _ executable: String, arguments: [String], environment: [String: String], directory: String,
        stdout: String, stderr: String, limit: Duration = .seconds(900)
    ) async throws -> Int32 {
        let child = try spawn(
            executable, arguments: arguments, environment: environment, directory: directory,
            stdout: .file(stdout), stderr: .file(stderr))
        return try await child.exitStatus(within: limit)
    }

    /// Starts `executable` in `directory`, stdin from /dev/null, and returns
    /// at once.
    public static func spawn(
        _ executable: String, arguments: [String], environment: [String: String], directory: String,
        stdout: Output, stderr: Output
    ) throws -> SpawnedChild {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        for (descriptor, output) in [(Int32(1), stdout), (2, stderr)] {
            switch output {
            case .discarded:
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .pipe:
                guard pipeEnds[0] < 0 else { throw SpawnError(description: "only one output can be a pipe") }
                // Close-on-exec, so a child spawned meanwhile by another test
                // does not inherit the write end and keep the pipe open.
                guard pipe2(&pipeEnds, O_CLOEXEC) == 0 else {
                    throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
                }
                posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], descriptor)
            }
        }
        guard addChdir(&actions, directory) == 0, addCloseFrom(&actions, 3) == 0 else {
            throw SpawnError(description: "cannot run \(executable) in \(directory)")
        }

        // The test process blocks some signals (SIGTERM among them, for its
        // own handlers) and children inherit the mask: start them with none
        // blocked and default dispositions, as a shell would.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid = pid_t()
        let spawned = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                posix_spawn(
                    &pid, executable, &actions, &attributes, UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                    UnsafeMutablePointer(mutating: envpBuffer.baseAddress!))
            }
        }
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        guard spawned == 0 else {
            if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
            throw SpawnError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }
        let output = pipeEnds[0] >= 0 ? FileHandle(fileDescriptor: pipeEnds[0], closeOnDealloc: true) : nil
        return SpawnedChild(pid: pid, name: executable, output: output)
    }
}
