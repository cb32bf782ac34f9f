public import Foundation

/// How workers name themselves as lease holders, and whether such a
/// holder still runs: `host:pid`, or `host:pid:tag` when one process needs
/// names of its own (each delivery executor). Only the host and the pid
/// tell whether the holder is alive.
public enum LeaseOwner {
    /// `false` only for an owner on this host whose process is gone; any
    /// other owner (another host, another format, a running pid) counts as
    /// alive, and its leases are left to expire.
    public static let isLocalProcessAlive: @Sendable (String) -> Bool = { owner in
        guard let pid = processID(of: owner, onHost: ProcessInfo.processInfo.hostName) else { return true }
        // EPERM: the pid runs under another user, so it is alive.
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// The pid of `owner` when it names a process on `host`, else `nil`.
    ///
    /// The host is matched as a whole prefix rather than split at a colon:
    /// the tag after the pid may itself look like a number.
    public static func processID(of owner: String, onHost host: String) -> pid_t? {
        guard !host.isEmpty, owner.hasPrefix(host + ":") else { return nil }
        let rest = owner.dropFirst(host.count + 1)
        guard let pid = pid_t(rest.prefix { $0 != ":" }), pid > 0 else { return nil }
        return pid
    }
}
