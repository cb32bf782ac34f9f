import Testing

@testable import AftercartConfig

@Suite struct LineLocatorTests {
    let text = """
        # comment with [brackets] and key = "value"
        title = "x"
        [database]
        url = "sqlite:x"

        [[stores]]
        name = "a"
        loyalty = { source = "customer_meta", points_key = "_p" }
        [stores.extra]
        deep.key = 1

        [[stores]]
        name = "b"  # trailing comment
        notes = \"\"\"
        multi [[not a header]]
        line = "no key"
        \"\"\"
        list = [
          "one",
          { inner = 2 },
        ]
        "quoted.key" = true
        after = 'literal # not a comment'
        """

    @Test func findsKeysTablesAndArrayElements() {
        let locator = TOMLLineLocator(text: text)
        func line(_ path: ConfigPath) -> Int? { locator.line(of: path) }
        let stores = ConfigPath.root.appending("stores")
        #expect(line(.root.appending("title")) == 2)
        #expect(line(.root.appending("database")) == 3)
        #expect(line(.root.appending("database").appending("url")) == 4)
        #expect(line(stores.appending(index: 0)) == 6)
        #expect(line(stores.appending(index: 0).appending("name")) == 7)
        #expect(line(stores.appending(index: 0).appending("loyalty").appending("points_key")) == 8)
        #expect(line(stores.appending(index: 0).appending("extra")) == 9)
        #expect(line(stores.appending(index: 0).appending("extra").appending("deep").appending("key")) == 10)
        #expect(line(stores.appending(index: 1)) == 12)
        #expect(line(stores.appending(index: 1).appending("name")) == 13)
        #expect(line(stores.appending(index: 1).appending("notes")) == 14)
        #expect(line(stores.appending(index: 1).appending("line")) == nil)
        #expect(line(stores.appending(index: 1).appending("list").appending(index: 1)) == 20)
        #expect(line(stores.appending(index: 1).appending("list").appending(index: 1).appending("inner")) == 20)
        #expect(line(stores.appending(index: 1).appending("quoted.key")) == 22)
        #expect(line(stores.appending(index: 1).appending("after")) == 23)
    }

    @Test func missingKeysFallBackToTheirTableHeader() {
        let locator = TOMLLineLocator(text: text)
        let missing = ConfigPath.root.appending("stores").appending(index: 1).appending("platform")
        #expect(locator.nearestLine(for: missing) == 12)
    }

    @Test func pathsPrintLikeMessagesNameThem() {
        let path = ConfigPath.root.appending("stores").appending(index: 1).appending("a.b").appending("platform")
        #expect(path.description == "stores[1].\"a.b\".platform")
    }
}
