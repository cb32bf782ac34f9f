import Foundation

/// Validators for the single tables `[database]`, `[delivery]`, `[engage]`, `[server]`.
enum SectionValidators {
    static func database(_ reader: TableReader) -> DatabaseConfiguration {
        let example = "url = \"sqlite:data/aftercart.sqlite\""
        reader.rejectUnknownKeys(
            allowed: ["url", "password"],
            examples: ["url": example, "password": "password = { env = \"PGPASSWORD\" }"], context: " in [database]")
        var url = DatabaseURL.default
        if let text = reader.string("url", example: example) {
            switch DatabaseURL.parse(text) {
            case .success(let parsed):
                url = parsed
                if parsed.inlinePassword {
                    reader.warning(
                        "url",
                        "\(reader.name("url")) contains a password; keep it in password = { env = … } instead.",
                        example: "password = { env = \"PGPASSWORD\" }")
                }
            case .failure(let failure):
                reader.error(
                    "url", "\(reader.name("url")) \"\(text)\" \(failure).",
                    example: "url = \"postgres://aftercart@127.0.0.1:5432/aftercart\"")
            }
        }
        let password = reader.secret("password", environmentHint: "PGPASSWORD")
        if password != nil, case .sqlite = url {
            reader.error("password", "\(reader.name("password")) is only for postgres:// URLs.", example: example)
        }
        return DatabaseConfiguration(url: url, password: password)
    }

    static func delivery(_ reader: TableReader) -> DeliveryConfiguration {
        let examples = [
            "channel": "channel = \"file\"",
            "file_dir": "file_dir = \"data/outbox\"",
            "smtp_url": "smtp_url = \"smtps://smtp.example.com:465\"",
            "smtp_user": "smtp_user = \"postmaster@shop.example\"",
            "smtp_password": "smtp_password = { env = \"SMTP_PASSWORD\" }",
            "from": "from = \"Shop <hi@shop.example>\"",
            "webhook_url": "webhook_url = \"https://hooks.example.com/aftercart\"",
            "webhook_secret": "webhook_secret = { env = \"DELIVERY_WEBHOOK_SECRET\" }",
        ]
        reader.rejectUnknownKeys(allowed: Array(examples.keys).sorted(), examples: examples, context: " in [delivery]")
        var delivery = DeliveryConfiguration()
        if let channel = reader.choice(
            "channel", allowed: DeliveryConfiguration.Channel.allCases.map(\.rawValue), noun: "a delivery channel",
            example: examples["channel"]!
        ).flatMap(DeliveryConfiguration.Channel.init(rawValue:)) {
            delivery.channel = channel
        }
        delivery.fileDirectory = reader.string("file_dir", example: examples["file_dir"]!) ?? "data/outbox"
        delivery.smtpURL = reader.url("smtp_url", schemes: ["smtp", "smtps"], example: examples["smtp_url"]!)
        delivery.smtpUser = reader.string("smtp_user", example: examples["smtp_user"]!)
        delivery.smtpPassword = reader.secret("smtp_password", environmentHint: "SMTP_PASSWORD")
        delivery.from = reader.string("from", example: examples["from"]!)
        if let from = delivery.from, !from.contains("@") {
            reader.error(
                "from", "\(reader.name("from")) \"\(from)\" holds no email address.", example: examples["from"])
        }
        delivery.webhookURL = reader.url("webhook_url", schemes: ["https", "http"], example: examples["webhook_url"]!)
        delivery.webhookSecret = reader.secret("webhook_secret", environmentHint: "DELIVERY_WEBHOOK_SECRET")

        switch delivery.channel {
        case .smtp:
            if !reader.has("smtp_url") {
                reader.missing("smtp_url", example: examples["smtp_url"]!, why: " (channel is \"smtp\")")
            }
            if !reader.has("from") { reader.missing("from", example: examples["from"]!, why: " (channel is \"smtp\")") }
            if reader.has("smtp_user") != reader.has("smtp_password") {
                reader.error(
                    reader.has("smtp_user") ? "smtp_user" : "smtp_password",
                    "\(reader.label) sets only one of smtp_user and smtp_password; SMTP login needs both.",
                    example: examples["smtp_password"])
            }
        case .webhook:
            if !reader.has("webhook_url") {
                reader.missing("webhook_url", example: examples["webhook_url"]!, why: " (channel is \"webhook\")")
            }
        case .file, .store:
            break
        }
        return delivery
    }

    static func engage(_ reader: TableReader) -> EngageSettings {
        let examples = [
            "max_messages_per_week": "max_messages_per_week = 2",
            "quiet_hours": "quiet_hours = \"21:00-09:00\"",
            "negative_review_max_rating": "negative_review_max_rating = 2",
            "negative_review_suppression": "negative_review_suppression = \"30d\"",
            "merchant_email": "merchant_email = \"support@shop.example\"",
        ]
        reader.rejectUnknownKeys(allowed: Array(examples.keys).sorted(), examples: examples, context: " in [engage]")
        var settings = EngageSettings()
        settings.maxMessagesPerWeek =
            reader.integer("max_messages_per_week", range: 0...100, example: examples["max_messages_per_week"]!) ?? 2
        if let text = reader.string("quiet_hours", example: examples["quiet_hours"]!) {
            if ["off", "none"].contains(text.lowercased()) {
                settings.quietHours = nil
            } else if let hours = QuietHours(text) {
                settings.quietHours = hours
            } else {
                reader.error(
                    "quiet_hours",
                    "\(reader.name("quiet_hours")) \"\(text)\" is not a window like \"21:00-09:00\" (24-hour clock, two different times) or \"off\".",
                    example: examples["quiet_hours"])
            }
        }
        settings.negativeReviewMaxRating =
            reader.integer("negative_review_max_rating", range: 1...4, example: examples["negative_review_max_rating"]!)
            ?? 2
        settings.negativeReviewSuppression =
            reader.duration("negative_review_suppression", example: examples["negative_review_suppression"]!)
            ?? .days(30)
        settings.merchantEmail = reader.string("merchant_email", example: examples["merchant_email"]!)
        if let email = settings.merchantEmail, !email.contains("@") {
            reader.error(
                "merchant_email", "\(reader.name("merchant_email")) \"\(email)\" is not an email address.",
                example: examples["merchant_email"])
        }
        return settings
    }

    static func server(_ reader: TableReader) -> ServerSettings {
        let examples = [
            "host": "host = \"127.0.0.1\"",
            "port": "port = 8080",
            "public_url": "public_url = \"https://aftercart.shop.example\"",
            "privacy_dir": "privacy_dir = \"data/privacy\"",
            "link_secret": "link_secret = { env = \"AFTERCART_LINK_SECRET\" }",
            "admin_token": "admin_token = { env = \"AFTERCART_ADMIN_TOKEN\" }",
            "admin_user": "admin_user = \"admin\"",
            "admin_password": "admin_password = { env = \"AFTERCART_ADMIN_PASSWORD\" }",
        ]
        reader.rejectUnknownKeys(allowed: Array(examples.keys).sorted(), examples: examples, context: " in [server]")
        var settings = ServerSettings()
        settings.host = reader.string("host", example: examples["host"]!) ?? "127.0.0.1"
        settings.port = reader.integer("port", range: 1...65535, example: examples["port"]!) ?? 8080
        settings.publicURL = reader.url("public_url", schemes: ["https", "http"], example: examples["public_url"]!)
        settings.privacyDirectory =
            reader.string("privacy_dir", example: examples["privacy_dir"]!) ?? settings.privacyDirectory
        settings.linkSecret = reader.secret("link_secret", environmentHint: "AFTERCART_LINK_SECRET")
        settings.adminToken = reader.secret("admin_token", environmentHint: "AFTERCART_ADMIN_TOKEN")
        settings.adminUser = reader.string("admin_user", example: examples["admin_user"]!)
        settings.adminPassword = reader.secret("admin_password", environmentHint: "AFTERCART_ADMIN_PASSWORD")
        if let user = settings.adminUser, user.isEmpty || user.contains(":") {
            // Basic auth joins user and password with a colon; an empty name is no name.
            reader.error(
                "admin_user", "\(reader.name("admin_user")) must be a non-empty name without \":\".",
                example: examples["admin_user"])
        }
        if reader.has("admin_user") != reader.has("admin_password") {
            reader.error(
                reader.has("admin_user") ? "admin_user" : "admin_password",
                "\(reader.label) sets only one of admin_user and admin_password; the dashboard's basic sign-in needs both.",
                example: examples["admin_password"])
        }
        return settings
    }
}
