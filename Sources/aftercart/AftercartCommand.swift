import ArgumentParser

/// `aftercart`: sync a store's orders, customers, coupons, loyalty and
/// reviews into one model and act on them after the purchase.
@main
struct AftercartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftercart",
        abstract: "Post-purchase engagement for WooCommerce and Shopify stores.",
        discussion: """
            Aftercart reads orders, customers, coupons, loyalty balances and reviews from each \
            configured store into one database, decides who should hear what after a purchase, \
            and pushes the result back. Start with 'aftercart init', then 'aftercart check'.
            """,
        subcommands: [
            InitCommand.self,
            CheckCommand.self,
            SyncCommand.self,
            SendCommand.self,
            StatusCommand.self,
            ExportCommand.self,
            RunCommand.self,
            DemoCommand.self,
            ServeCommand.self,
            PlanCommand.self,
            UnsubscribeCommand.self,
            ForgetCommand.self,
        ]
    )
}
