import AftercartModel
import Foundation

/// Turns the main file and the campaign files into an
/// ``AftercartConfiguration``, collecting every problem on the way.
struct ConfigurationLoader {
    static let rootKeys = ["database", "stores", "delivery", "campaigns", "engage", "server", "report"]
    static let rootExamples = [
        "database": "[database]",
        "stores": "[[stores]]",
        "delivery": "[delivery]",
        "campaigns": "[[campaigns]]",
        "engage": "[engage]",
        "server": "[server]",
        "report": "[report]",
    ]

    let displayPath: String
    let directory: URL
    let platforms: StorePlatformRegistry
    let loadCampaignFiles: Bool
    let diagnostics = Diagnostics()

    init(displayPath: String, directory: URL, platforms: StorePlatformRegistry, loadCampaignFiles: Bool) {
        self.displayPath = displayPath
        self.directory = directory
        self.platforms = platforms
        self.loadCampaignFiles = loadCampaignFiles
    }

    /// `nil` when the text is not TOML; otherwise a configuration that is
    /// valid exactly when `diagnostics.errors` is empty.
    func load(text: String) -> AftercartConfiguration? {
        let file = SourceFile(displayPath: displayPath, directory: directory, text: text)
        guard let root = parse(text, file: file) else { return nil }
        let reader = TableReader(values: root, path: .root, label: "", file: file, diagnostics: diagnostics)
        reader.rejectUnknownKeys(allowed: Self.rootKeys, examples: Self.rootExamples, context: " at the top level")

        var configuration = AftercartConfiguration(file: displayPath, directory: directory)
        if let database = reader.table("database", example: "[database]") {
            configuration.database = SectionValidators.database(database)
        }
        configuration.stores = readStores(reader)
        if let delivery = reader.table("delivery", example: "[delivery]") {
            configuration.delivery = SectionValidators.delivery(delivery)
        }
        if let engage = reader.table("engage", example: "[engage]") {
            configuration.engage = SectionValidators.engage(engage)
        }
        if let server = reader.table("server", example: "[server]") {
            configuration.server = SectionValidators.server(server)
        }
        if let report = reader.table("report", example: "[report]") {
            configuration.report = SectionValidators.report(report)
        }

        var campaigns: [(CampaignConfiguration, TableReader)] = readCampaignArray(reader)
        if loadCampaignFiles { campaigns += readCampaignFiles() }
        configuration.campaigns = campaigns.map(\.0)
        checkCampaigns(campaigns, configuration: configuration)
        return configuration
    }

    private func parse(_ text: String, file: SourceFile) -> [String: ConfigValue]? {
        do {
            return try TOMLDocument.parse(text)
        } catch {
            diagnostics.add(
                ConfigurationProblem(
                    file: file.displayPath, line: error.line, column: error.column,
                    message: "TOML syntax error: \(error.message).", example: Self.syntaxExample(for: error.message)))
            return nil
        }
    }

    /// A hint matched to the parser's complaint; toml++ messages name the construct.
    static func syntaxExample(for message: String) -> String {
        let lowered = message.lowercased()
        if lowered.contains("redefine") {
            return
                "each key once per table, each [table] header once; repeat [[stores]] / [[campaigns]] for more entries"
        }
        if lowered.contains("string") { return "name = \"tokyo-woo\"  (closed on the same line)" }
        if lowered.contains("inline table") { return "coupon = { kind = \"percent\", amount = \"10\" }  (on one line)" }
        if lowered.contains("header") { return "[[stores]]" }
        return "key = \"value\""
    }

    private func readStores(_ root: TableReader) -> [StoreConfiguration] {
        guard let value = root.values["stores"] else {
            root.warning(
                nil, "no [[stores]] are configured; nothing will be synced.",
                example: (platforms.schemas.first?.example ?? "[[stores]]").replacingOccurrences(of: "\n", with: "; "))
            return []
        }
        guard let entries = arrayOfTables(value, key: "stores", in: root) else { return [] }
        let validator = StoreValidator(registry: platforms)
        var stores: [StoreConfiguration] = []
        var seen: [String: Int] = [:]
        for (index, table) in entries.enumerated() {
            let path = root.path.appending("stores").appending(index: index)
            let reader = TableReader(
                values: table, path: path, label: "stores[\(index)]", file: root.file, diagnostics: diagnostics)
            if let name = table["name"]?.string {
                if let first = seen[name] {
                    let firstLine = root.file.locator.nearestLine(
                        for: root.path.appending("stores").appending(index: first).appending("name"))
                    reader.error(
                        "name",
                        "stores[\(index)].name \"\(name)\" is already used by stores[\(first)]\(firstLine.map { " (line \($0))" } ?? ""); store names must be unique.",
                        example: "name = \"\(name)-2\"")
                } else {
                    seen[name] = index
                }
            }
            if let store = validator.validate(reader) { stores.append(store) }
        }
        return stores
    }

    /// A `[[key]]` array's tables, or `nil` after reporting the wrong shape.
    private func arrayOfTables(_ value: ConfigValue, key: String, in reader: TableReader) -> [[String: ConfigValue]]? {
        let example = "[[\(key)]]"
        guard let items = value.array else {
            reader.error(
                key,
                "\(reader.name(key)) must be a list of tables: write each entry under its own [[\(key)]] header (double brackets), not [\(key)].",
                example: example)
            return nil
        }
        var tables: [[String: ConfigValue]] = []
        for (index, item) in items.enumerated() {
            guard let table = item.table else {
                diagnostics.error(
                    reader.file, reader.path.appending(key).appending(index: index),
                    "\(reader.name(key))[\(index)] must be a table, not \(item.typeName).", example: example)
                continue
            }
            tables.append(table)
        }
        return tables
    }

    private func readCampaignArray(_ root: TableReader) -> [(CampaignConfiguration, TableReader)] {
        guard let value = root.values["campaigns"], let entries = arrayOfTables(value, key: "campaigns", in: root)
        else { return [] }
        let validator = CampaignValidator()
        var campaigns: [(CampaignConfiguration, TableReader)] = []
        for (index, table) in entries.enumerated() {
            let reader = TableReader(
                values: table, path: root.path.appending("campaigns").appending(index: index),
                label: "campaigns[\(index)]", file: root.file, diagnostics: diagnostics)
            if let campaign = validator.validate(reader) { campaigns.append((campaign, reader)) }
        }
        return campaigns
    }

    /// `campaigns/*.toml` next to the config, by file name. Each holds one
    /// campaign (its name defaults to the file's) or `[[campaigns]]`.
    private func readCampaignFiles() -> [(CampaignConfiguration, TableReader)] {
        let folder = directory.appendingPathComponent("campaigns", isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var campaigns: [(CampaignConfiguration, TableReader)] = []
        let base = SourceFile(displayPath: displayPath, directory: directory, text: "")
        for name in names.sorted() where name.hasSuffix(".toml") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let display = base.display("campaigns/\(name)")
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.add(
                    ConfigurationProblem(file: display, line: nil, message: "cannot be read as UTF-8 text."))
                continue
            }
            let file = SourceFile(displayPath: display, directory: directory, text: text)
            guard let root = parse(text, file: file) else { continue }
            let reader = TableReader(values: root, path: .root, label: "", file: file, diagnostics: diagnostics)
            if root["campaigns"] != nil {
                reader.rejectUnknownKeys(
                    allowed: ["campaigns"],
                    context: " in a campaign file that uses [[campaigns]] (put campaign keys under the header)")
                campaigns += readCampaignArray(reader)
            } else if let campaign = CampaignValidator().validate(
                reader, defaultName: String(name.dropLast(".toml".count)))
            {
                campaigns.append((campaign, reader))
            }
        }
        return campaigns
    }

    private func checkCampaigns(
        _ campaigns: [(CampaignConfiguration, TableReader)], configuration: AftercartConfiguration
    ) {
        var seen: [String: CampaignConfiguration] = [:]
        let storeNames = configuration.stores.map(\.name)
        let templates = templateNames(in: configuration.templatesDirectory)
        for (campaign, reader) in campaigns {
            if let first = seen[campaign.name] {
                reader.error(
                    "name",
                    "campaign name \"\(campaign.name)\" is already used (\(first.file):\(first.line ?? 0)); names must be unique because they key every planned action.",
                    example: "name = \"\(campaign.name)-2\"")
            } else {
                seen[campaign.name] = campaign
            }
            for store in campaign.stores ?? [] where !storeNames.contains(store.rawValue) {
                reader.error(
                    "stores",
                    "\(reader.name("stores")) names \"\(store)\", which is not a configured store\(Suggestions.didYouMean(store.rawValue, in: storeNames)).",
                    example: "stores = [\"\(storeNames.first ?? "tokyo-woo")\"]")
            }
            if campaign.audience == .merchant, configuration.engage.merchantEmail == nil {
                reader.warning(
                    "audience",
                    "\(reader.name("audience")) is \"merchant\" but [engage] merchant_email is not set; the alert has no recipient.",
                    example: "merchant_email = \"support@shop.example\"")
            }
            checkTemplate(campaign.template, reader: reader, files: templates)
        }
    }

    /// A template is a file in `templates/` or, failing that, a shipped one
    /// (``ShippedFiles``); a name that is neither would stop `plan` and
    /// `run`, so it is an error here, with the nearest name that exists.
    private func checkTemplate(_ name: String, reader: TableReader, files: Set<String>) {
        guard !files.contains(name) else { return }
        let folder = SourceFile(displayPath: displayPath, directory: directory, text: "").display("templates/")
        if ShippedFiles.templateNames.contains(name) {
            reader.warning(
                "template",
                "\(reader.name("template")) \"\(name)\" has no file in \(folder), so the built-in template of that name is used; 'aftercart init' writes it out for editing.",
                example: "aftercart init")
            return
        }
        let known = files.union(ShippedFiles.templateNames)
        reader.error(
            "template",
            "\(reader.name("template")) \"\(name)\" is neither a file in \(folder) nor a built-in template, so plan and run would refuse to start\(Suggestions.didYouMean(name, in: known)).",
            example: "template = \"\(Suggestions.closest(to: name, in: known) ?? "review-request")\"")
    }

    /// Template names (file names without extensions); none without a templates folder.
    private func templateNames(in folder: URL) -> Set<String> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        // Template files only: a locale's folder (`ja-JP/`) is no template.
        return Set(
            names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".mustache") }.map {
                String($0.split(separator: ".").first ?? "")
            })
    }
}
