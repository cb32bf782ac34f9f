public import Foundation

/// `[database]`.
public struct DatabaseConfiguration: Sendable, Hashable {
    /// Where the data lives (default `sqlite:data/aftercart.sqlite`).
    public var url: DatabaseURL
    /// The PostgreSQL password, kept out of the URL.
    public var password: ConfiguredSecret?

    /// Creates a database configuration.
    public init(url: DatabaseURL = .default, password: ConfiguredSecret? = nil) {
        self.url = url
        self.password = password
    }
}

/// `[delivery]`: how messages leave.
public struct DeliveryConfiguration: Sendable, Hashable {
    /// The channel for emails.
    public enum Channel: String, Sendable, Hashable, CaseIterable {
        /// `.eml` files in `file_dir` (the default; nothing leaves the machine).
        case file
        /// An SMTP server (`smtp_url`).
        case smtp
        /// The store's own notifications, through the connector.
        case store
        /// A JSON POST to `webhook_url`.
        case webhook
    }

    /// The channel (default `file`).
    public var channel: Channel
    /// Folder for the file channel (default `data/outbox`, relative to the working directory).
    public var fileDirectory: String
    /// `smtp://` or `smtps://` server.
    public var smtpURL: URL?
    /// SMTP user name.
    public var smtpUser: String?
    /// SMTP password.
    public var smtpPassword: ConfiguredSecret?
    /// The sender, `Shop <hi@shop.example>`.
    public var from: String?
    /// Endpoint of the webhook channel.
    public var webhookURL: URL?
    /// Key to sign webhook deliveries with (HMAC-SHA256), if set.
    public var webhookSecret: ConfiguredSecret?

    /// Creates a delivery configuration.
    public init(
        channel: Channel = .file, fileDirectory: String = "data/outbox", smtpURL: URL? = nil,
        smtpUser: String? = nil, smtpPassword: ConfiguredSecret? = nil, from: String? = nil,
        webhookURL: URL? = nil, webhookSecret: ConfiguredSecret? = nil
    ) {
        self.channel = channel
        self.fileDirectory = fileDirectory
        self.smtpURL = smtpURL
        self.smtpUser = smtpUser
        self.smtpPassword = smtpPassword
        self.from = from
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
    }
}

/// `[engage]`: the suppression settings every campaign obeys.
public struct EngageSettings: Sendable, Hashable {
    /// Marketing messages per customer per 7 days (default 2; transactional exempt).
    public var maxMessagesPerWeek: Int
    /// When marketing waits, in each store's time zone (default 21:00–09:00);
    /// `nil` when `quiet_hours = "off"`.
    public var quietHours: QuietHours?
    /// A review at or below this rating is negative (default 2).
    public var negativeReviewMaxRating: Int
    /// How long a negative review suppresses promotions (default 30 days).
    public var negativeReviewSuppression: ConfigDuration
    /// Where merchant-audience campaigns (support alerts) go.
    public var merchantEmail: String?

    /// Creates engage settings.
    public init(
        maxMessagesPerWeek: Int = 2, quietHours: QuietHours? = .default, negativeReviewMaxRating: Int = 2,
        negativeReviewSuppression: ConfigDuration = .days(30), merchantEmail: String? = nil
    ) {
        self.maxMessagesPerWeek = maxMessagesPerWeek
        self.quietHours = quietHours
        self.negativeReviewMaxRating = negativeReviewMaxRating
        self.negativeReviewSuppression = negativeReviewSuppression
        self.merchantEmail = merchantEmail
    }
}

/// `[server]`: the HTTP server of `aftercart run` and `serve`.
public struct ServerSettings: Sendable, Hashable {
    /// Interface to listen on (default `127.0.0.1`).
    public var host: String
    /// Port (default 8080); `serve --port` overrides it.
    public var port: Int
    /// The address stores reach the webhooks at, when behind a proxy.
    public var publicURL: URL?
    /// Where answers to platforms' data requests (Shopify `customers/data_request`)
    /// are written, relative to the working directory unless absolute (default `data/privacy`).
    public var privacyDirectory: String
    /// What unsubscribe and order-status links are sealed under, when the
    /// merchant wants to hold it (to rotate every link at once); without it
    /// the install keeps its own key in the database.
    public var linkSecret: ConfiguredSecret?
    /// `admin_token`: the bearer token that opens `/dashboard`.
    public var adminToken: ConfiguredSecret?
    /// `admin_user`: the HTTP basic user name that opens `/dashboard` (with ``adminPassword``).
    public var adminUser: String?
    /// `admin_password`: the HTTP basic password that opens `/dashboard`.
    public var adminPassword: ConfiguredSecret?

    /// Creates server settings.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: URL? = nil, privacyDirectory: String = "data/privacy",
        adminToken: ConfiguredSecret? = nil, adminUser: String? = nil, adminPassword: ConfiguredSecret? = nil
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.privacyDirectory = privacyDirectory
        self.adminToken = adminToken
        self.adminUser = adminUser
        self.adminPassword = adminPassword
    }

    /// Whether `/dashboard` is served: only behind an admin token or a
    /// basic-auth user and password, never to the public.
    public var dashboardEnabled: Bool {
        adminToken != nil || (adminUser != nil && adminPassword != nil)
    }
}
