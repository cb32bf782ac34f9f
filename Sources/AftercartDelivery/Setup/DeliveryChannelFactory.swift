public import AftercartConfig
import AftercartModel
public import AsyncHTTPClient
public import Foundation

/// Builds the channel `[delivery]` names, with its secrets resolved.
public enum DeliveryChannelFactory {
    /// The sender when `[delivery] from` is not set.
    public static let defaultSender = "Aftercart <aftercart@localhost>"

    /// The file channel's folder: `file_dir`, a relative one under `workingDirectory`.
    public static func fileDirectory(_ configuration: DeliveryConfiguration, workingDirectory: URL) -> URL {
        WorkingDirectoryPath.resolve(configuration.fileDirectory, in: workingDirectory)
    }

    /// - Parameters:
    ///   - workingDirectory: where a relative `file_dir` starts.
    ///   - client: the HTTP client the webhook channel posts with (the caller shuts it down).
    ///   - startTLS: for `smtp://` URLs (not a config key yet).
    /// - Throws: ``DeliverySetupError`` naming the missing or unusable key.
    public static func makeChannel(
        _ configuration: DeliveryConfiguration, workingDirectory: URL, client: HTTPClient,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        startTLS: SMTPSettings.StartTLS = .opportunistic
    ) throws(DeliverySetupError) -> any MessageChannel {
        switch configuration.channel {
        case .file:
            return FileChannel(directory: fileDirectory(configuration, workingDirectory: workingDirectory))
        case .smtp:
            guard let url = configuration.smtpURL, ["smtp", "smtps"].contains(url.scheme?.lowercased() ?? "") else {
                throw DeliverySetupError(
                    "[delivery] channel = \"smtp\" needs smtp_url = \"smtp://host:587\" (or smtps://host:465)")
            }
            var password: Secret?
            if let configured = configuration.smtpPassword {
                do {
                    password = try configured.resolve(environment: environment)
                } catch {
                    throw DeliverySetupError("\(error)")
                }
            }
            return SMTPChannel(
                settings: SMTPSettings(url: url, user: configuration.smtpUser, password: password, startTLS: startTLS))
        case .store:
            return StoreChannel()
        case .webhook:
            guard let url = configuration.webhookURL, ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
                throw DeliverySetupError(
                    "[delivery] channel = \"webhook\" needs webhook_url = \"https://hooks.example/aftercart\"")
            }
            var secret: Secret?
            if let configured = configuration.webhookSecret {
                do {
                    secret = try configured.resolve(environment: environment)
                } catch {
                    throw DeliverySetupError("\(error)")
                }
            }
            return WebhookChannel(url: url, secret: secret, client: client)
        }
    }

    /// `[delivery] from`, or ``defaultSender``.
    public static func sender(_ configuration: DeliveryConfiguration) throws(DeliverySetupError) -> MailAddress {
        do {
            return try MailAddress(parsing: configuration.from ?? defaultSender)
        } catch {
            throw DeliverySetupError("[delivery] from: \(error)")
        }
    }
}

/// A `[delivery]` setting the chosen channel cannot work without.
public struct DeliverySetupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
