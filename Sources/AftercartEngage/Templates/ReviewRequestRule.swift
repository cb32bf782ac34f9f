public import AftercartConfig
import Foundation

/// The honest-reviews rule, decided by what a campaign's messages do: a
/// customer campaign whose template (in any locale a store uses, the
/// merchant's copy or the shipped one) links to a review form asks for
/// reviews, whatever it is called, so it must reach every eligible buyer:
/// no rating condition (review gating, 16 CFR Part 465) and no
/// `transactional` (asking for a review is not an order-status message).
///
/// It needs both campaigns and templates, so it runs after both are known:
/// in `check` and whenever a command loads the config.
public enum ReviewRequestRule {
    /// Where a campaign's template links to a review form.
    public struct ReviewLink: Sendable, Hashable {
        /// The template's name.
        public var template: String
        /// The file (or "the built-in <locale> template") that does it.
        public var file: String
        /// The variable that carries the link (`review_url`).
        public var variable: String
    }

    /// The first place where `campaign`'s template links to a review form,
    /// in English or any locale a store of `configuration` uses; `nil` when
    /// none does. A template that does not compile is left to
    /// ``TemplateLibrary/problems(for:)``.
    public static func reviewLink(of campaign: CampaignConfiguration, in configuration: AftercartConfiguration)
        -> ReviewLink?
    {
        let root = configuration.templatesDirectory
        for locale in TemplateLibrary.locales(of: configuration) {
            guard
                let loaded = try? MessageTemplate.load(name: campaign.template, folder: root, locale: locale),
                let part = loaded.partsLinkingToReviews.first
            else { continue }
            let folder = locale == MessageLocale.english ? root : root.appendingPathComponent(locale)
            let file =
                MessageTemplate.hasFiles(campaign.template, in: folder)
                ? folder.appendingPathComponent("\(campaign.template).\(part).mustache").path
                : "the built-in \(locale) template's \(part) part"
            return ReviewLink(template: campaign.template, file: file, variable: "review_url")
        }
        return nil
    }

    /// Every campaign of `configuration` that breaks the rule, with its
    /// file:line, the template and variable that make it a review request,
    /// and the fix.
    public static func problems(for configuration: AftercartConfiguration) -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        for campaign in configuration.campaigns where campaign.audience == .customer {
            let ratingKeys = campaign.conditions.ratingKeysInUse
            guard !ratingKeys.isEmpty || campaign.transactional,
                let link = reviewLink(of: campaign, in: configuration)
            else { continue }
            let asks =
                "campaign \"\(campaign.name)\" asks for reviews: its template \"\(link.template)\" links to a review form ({{\(link.variable)}} in \(link.file))"
            for key in ratingKeys {
                problems.append(
                    ConfigurationProblem(
                        file: campaign.file, line: campaign.line,
                        message:
                            "\(asks), so conditions.\(key) is not allowed: a review request must go to every eligible buyer, not only to those expected to be happy; selecting by rating is review gating, banned by the FTC rule 16 CFR Part 465. Remove the rating condition, or the review link from the template.",
                        example: "conditions = {}  # every delivered order without an open refund is asked"))
            }
            if campaign.transactional {
                problems.append(
                    ConfigurationProblem(
                        file: campaign.file, line: campaign.line,
                        message:
                            "\(asks), so it is not an order-status message: it needs marketing consent. Remove transactional = true, or the review link from the template.",
                        example: "transactional = false"))
            }
        }
        return problems
    }
}
