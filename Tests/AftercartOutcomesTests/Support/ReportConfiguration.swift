import AftercartConfig
import Foundation

/// A config with two stores (Tokyo in yen, New York in dollars) and three
/// campaigns, whose folder holds the repository's templates.
enum ReportConfiguration {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static let text = """
        [[stores]]
        name = "tokyo"
        platform = "woocommerce"
        base_url = "https://tokyo.example"
        consumer_key = "ck_test"
        consumer_secret = "cs_test"
        postal_address = "1-2-3 Jingumae, Tokyo"
        contact = "support@shop.example"
        timezone = "Asia/Tokyo"

        [[stores]]
        name = "ny"
        platform = "woocommerce"
        base_url = "https://ny.example"
        consumer_key = "ck_test"
        consumer_secret = "cs_test"
        postal_address = "1-2-3 Jingumae, Tokyo"
        contact = "support@shop.example"
        timezone = "America/New_York"

        [[campaigns]]
        name = "review-request"
        trigger = "delivered"
        delay = "7d"
        template = "review-request"

        [[campaigns]]
        name = "win-back"
        trigger = "no_repeat_purchase"
        delay = "45d"
        template = "win-back"
        coupon = { kind = "percent", amount = "15", expires_in = "30d", code_prefix = "WB" }

        [[campaigns]]
        name = "order-confirmation"
        trigger = "order_placed"
        template = "order-confirmation"
        transactional = true

        """

    /// The configuration, with `extra` TOML appended.
    static func load(_ extra: String = "") throws -> AftercartConfiguration {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aftercart-outcomes-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("config/templates"), to: folder.appendingPathComponent("templates"))
        return try AftercartConfiguration.parse(
            text + extra, file: folder.appendingPathComponent("aftercart.toml").path, directory: folder,
            environment: [:], platforms: .shipped, loadCampaignFiles: false)
    }
}
