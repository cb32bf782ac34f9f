import AftercartPlatform

/// The commented example configuration `aftercart init` installs: the
/// sections every install shares, kept here, and one `[[stores]]` entry per
/// registered platform, which its adapter declares
/// (``StorePlatformSchema/initExample``).
///
/// The text is kept in code so the executable needs no resource bundle, and
/// in `config/aftercart.example.toml` (and `config/env.example`) so merchants
/// can read it in the repo; a test asserts they are byte-identical, so edit
/// the `.example` files and paste the parts here and into the adapters
/// (indented four spaces) together.
public struct ExampleConfiguration: Sendable {
    /// The platforms whose entries the example shows, in registration order.
    public var platforms: StorePlatformRegistry

    /// The example for `platforms`.
    public init(platforms: StorePlatformRegistry) {
        self.platforms = platforms
    }

    /// `config/aftercart.toml` as `init` writes it.
    public var toml: String {
        Self.tomlHead + entries.map { $0.toml + "\n" }.joined() + Self.tomlTail
    }

    /// `.env.example` as `init` writes it: the variables the example's
    /// `{ env = … }` secrets name.
    public var environmentExample: String {
        Self.environmentHead + entries.map { $0.environment + "\n" }.joined() + Self.environmentTail
    }

    private var entries: [StoreEntryExample] { platforms.schemas.compactMap(\.initExample) }

    /// The file up to the stores: the database and the stores' introduction
    /// (a literal drops its last line break, hence two blank lines).
    private static let tomlHead = #"""
        # Aftercart configuration.
        #
        # Copy this file to config/aftercart.toml (`aftercart init` does it for you),
        # fill in your stores, then run `aftercart check`. Every problem is printed
        # with its file:line and an example of the right value.
        #
        # Durations are written "30s", "15m", "1h", "7d", "2w" or combined: "1h30m".
        # Secrets are never written here: use { env = "VARIABLE" } (see .env.example)
        # or { file = "path" } (relative to this folder, `chmod 600` required).
        # Inline secrets work but print a warning.

        [database]
        # SQLite for one merchant; PostgreSQL when several workers share the load:
        # url = "postgres://aftercart@127.0.0.1:5432/aftercart"
        # password = { env = "PGPASSWORD" }
        url = "sqlite:data/aftercart.sqlite"

        # --- Stores ------------------------------------------------------------------
        # One [[stores]] block per shop. `name` is yours to choose: it is what
        # `--store NAME` takes and what every synced record is keyed by.


        """#

    /// The file after the stores: delivery, engagement rules and campaigns.
    private static let tomlTail = #"""
        # --- Delivery ----------------------------------------------------------------
        [delivery]
        channel = "file"                   # file | smtp | store | webhook
        file_dir = "data/outbox"           # the file channel writes one .eml per message here
        # channel = "smtp"
        # smtp_url = "smtps://smtp.example.com:465"
        # smtp_user = "postmaster@shop.example"
        # smtp_password = { env = "SMTP_PASSWORD" }
        # from = "Shop <hi@shop.example>"
        # channel = "webhook"
        # webhook_url = "https://hooks.example.com/aftercart"
        # webhook_secret = { env = "DELIVERY_WEBHOOK_SECRET" }

        # --- Engagement rules every campaign obeys ------------------------------------
        [engage]
        max_messages_per_week = 2          # marketing messages per customer; transactional ones are exempt
        quiet_hours = "21:00-09:00"        # in each store's time zone; messages wait, they are never dropped
        negative_review_max_rating = 2     # a review at or below this stops promotions to its author…
        negative_review_suppression = "30d" # …for this long, and raises the support alert below instead
        merchant_email = "support@shop.example"  # where audience = "merchant" alerts go

        # --- Campaigns ---------------------------------------------------------------
        # Triggers: order_placed | shipment_status_changed | delivered | review_posted
        #           | points_expiring | tier_changed | no_repeat_purchase
        # More campaigns live in config/campaigns/*.toml, one per file; `aftercart init`
        # writes order-confirmation, shipping-updates, points-expiring, tier-changed and
        # win-back there. Templates: config/templates/NAME.{subject,text,html}.mustache;
        # a name with no file there uses the built-in template of that name.
        # After each email a campaign writes into the store only what push_back lists:
        # "order_note" (a private order note only staff see; the default) and
        # "customer_tag" (aftercart-<campaign> on the customer; Shopify only, WooCommerce
        # customers have no tags). push_back = [] writes nothing. See README.md.

        # Reviews are asked for honestly: every buyer whose order arrived (no open
        # refund, marketing consent, not yet reviewed) is asked, never only the ones
        # expected to be happy. Any campaign whose template links to a review form
        # ({{review_url}}) is a review request, whatever its name: `aftercart check`
        # refuses rating conditions on it (US FTC rule 16 CFR Part 465).
        [[campaigns]]
        name = "review-request"
        trigger = "delivered"
        delay = "7d"
        template = "review-request"
        push_back = ["order_note"]

        # A thank-you for every review, whatever its rating: the coupon must never
        # depend on the stars (16 CFR Part 465), so no rating condition here.
        [[campaigns]]
        name = "review-thank-you"
        trigger = "review_posted"
        # Ratings decide support alerts (at or below negative_review_max_rating) and
        # loyalty invitations (4 or 5 stars), not who may review or who is rewarded.
        template = "review-thank-you"
        coupon = { kind = "percent", amount = "10", expires_in = "30d", code_prefix = "THANKS" }

        """#

    /// `.env.example` up to the stores' variables (two blank lines, as above).
    private static let environmentHead = #"""
        # Secrets for config/aftercart.toml. Copy to .env, fill in, keep it out of git
        # (`chmod 600 .env`), and load it before running aftercart, e.g.
        #   set -a; . ./.env; set +a
        # `aftercart check` names every variable that is still unset, with the
        # config line that needs it.


        """#

    /// `.env.example` after the stores' variables.
    private static let environmentTail = #"""
        # Only with [delivery] channel = "smtp"
        # SMTP_PASSWORD=

        # Only with a postgres:// [database] url
        # PGPASSWORD=

        """#
}
