/// A Markdown table printed as rows arrive, so a long run shows progress.
struct BenchmarkTable {
    var columns: [String]

    func header() {
        print("| " + columns.joined(separator: " | ") + " |")
        print("|" + columns.map { _ in "---" }.joined(separator: "|") + "|")
    }

    func row(_ cells: [String]) {
        print("| " + cells.joined(separator: " | ") + " |")
    }
}

extension Double {
    /// A rate with thousands separators and no decimals, e.g. `12,345`.
    var grouped: String {
        let digits = String(Int(self.rounded()))
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    /// One decimal, e.g. `58.4`.
    var oneDecimal: String {
        let tenths = Int((self * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Two decimals, e.g. `0.73`.
    var twoDecimals: String {
        let scaled = (self * 100).rounded() / 100
        let whole = Int(scaled)
        let fraction = Int(((scaled - Double(whole)) * 100).rounded())
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
