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

            Exit codes (each command's --help says which it uses):
              0   done
              1   a run-time failure: a store failed to sync, an action failed
                  to send, the database or a file could not be opened
              2   the config is wrong (file, secret, template, unknown --store):
                  nothing was started
              3   check: a store refused the credentials or could not be reached
              64  the command line is wrong (unknown option, bad value)
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
            ReportCommand.self,
        ]
    )
}
