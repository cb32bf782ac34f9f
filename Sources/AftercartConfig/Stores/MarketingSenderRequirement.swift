extension AftercartConfiguration {
    /// One error per store that runs a marketing campaign but lacks what a
    /// marketing email must show about its sender (``SenderIdentity/missingForMarketing``):
    /// `check` refuses such a config, and the planner plans no marketing
    /// for the store until the keys are set.
    public func marketingSenderProblems(store selected: String? = nil) -> [ConfigurationProblem] {
        stores.filter { selected == nil || $0.name == selected }.compactMap { store in
            let missing = store.sender.missingForMarketing
            let marketing = campaigns(for: store.id).filter(\.isMarketing).map(\.name)
            guard !missing.isEmpty, !marketing.isEmpty else { return nil }
            let keys = missing.joined(separator: " and ")
            return ConfigurationProblem(
                file: store.file, line: store.line,
                message: "store \"\(store.name)\" runs marketing campaigns (\(marketing.joined(separator: ", "))) "
                    + "but sets no \(keys); marketing mail must name the merchant's postal address and a contact "
                    + "(Japan's 特定電子メール法, the US CAN-SPAM Act), so none is planned for it until \(keys) "
                    + "\(missing.count == 1 ? "is" : "are") set.",
                example: missing.map { StoreValidator.commonExamples[$0]! }.joined(separator: "; "))
        }
    }
}

extension CampaignConfiguration {
    /// Whether the campaign writes marketing mail to customers (not an
    /// order-status message, not an alert to the merchant).
    public var isMarketing: Bool { !transactional && audience == .customer }
}
