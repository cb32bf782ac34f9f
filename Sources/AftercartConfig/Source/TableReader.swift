import AftercartModel
import Foundation

/// Reads typed values out of one TOML table and reports, instead of
/// throwing, everything that is missing, misspelled or of the wrong type,
/// so one pass finds every problem.
struct TableReader {
    let values: [String: ConfigValue]
    /// Where the table is, for line numbers.
    let path: ConfigPath
    /// How messages name the table (`stores[1]`); empty for a file's root.
    let label: String
    let file: SourceFile
    let diagnostics: Diagnostics

    /// `stores[1].platform`.
    func name(_ key: String) -> String {
        let quoted = ConfigPath.isBareKey(key) ? key : "\"\(key)\""
        return label.isEmpty ? quoted : "\(label).\(quoted)"
    }

    func line(of key: String) -> Int? {
        file.locator.nearestLine(for: path.appending(key))
    }

    func error(_ key: String?, _ message: String, example: String? = nil) {
        diagnostics.error(file, key.map { path.appending($0) } ?? path, message, example: example)
    }

    func warning(_ key: String?, _ message: String, example: String? = nil) {
        diagnostics.warning(file, key.map { path.appending($0) } ?? path, message, example: example)
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// Every key not in `allowed` is an error with a "did you mean".
    func rejectUnknownKeys(allowed: [String], examples: [String: String] = [:], context: String = "") {
        for key in values.keys.sorted() where !allowed.contains(key) {
            let suggestion = Suggestions.closest(to: key, in: allowed)
            var message = "\(name(key)) is not a known key\(context)"
            if let suggestion {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += ". Known keys: \(allowed.joined(separator: ", "))."
            }
            error(key, message, example: suggestion.flatMap { examples[$0] })
        }
    }

    func missing(_ key: String, example: String, why: String = "") {
        error(key, "\(label.isEmpty ? "this file" : label) is missing \"\(key)\"\(why).", example: example)
    }

    func wrongType(_ key: String, expected: String, got value: ConfigValue, example: String) {
        error(key, "\(name(key)) must be \(expected), not \(value.typeName).", example: example)
    }

    func string(_ key: String, required: Bool = false, example: String) -> String? {
        guard let value = values[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let text = value.string else {
            wrongType(key, expected: "a string", got: value, example: example)
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(key, "\(name(key)) is empty.", example: example)
            return nil
        }
        return text
    }

    /// A string that must be one of `allowed`; `noun` names what it is
    /// ("a platform"), for `"shopfy" is not a platform`.
    func choice(
        _ key: String, allowed: [String], noun: String, required: Bool = false, example: String
    ) -> String? {
        guard let text = string(key, required: required, example: example) else { return nil }
        guard allowed.contains(text) else {
            let hint = Suggestions.closest(to: text, in: allowed)
            var message = "\(name(key)) \"\(text)\" is not \(noun)"
            if let hint {
                message += "; did you mean \"\(hint)\"?"
            } else {
                message += "; use one of: \(allowed.joined(separator: ", "))."
            }
            error(key, message, example: hint.map { "\(key) = \"\($0)\"" } ?? example)
            return nil
        }
        return text
    }

    func integer(_ key: String, range: ClosedRange<Int>? = nil, example: String) -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value.integer else {
            wrongType(key, expected: "a whole number", got: value, example: example)
            return nil
        }
        if let range, !range.contains(number) {
            error(
                key, "\(name(key)) is \(number); it must be between \(range.lowerBound) and \(range.upperBound).",
                example: example)
            return nil
        }
        return number
    }

    func bool(_ key: String, example: String) -> Bool? {
        guard let value = values[key] else { return nil }
        guard let flag = value.bool else {
            wrongType(key, expected: "true or false (without quotes)", got: value, example: example)
            return nil
        }
        return flag
    }

    func duration(_ key: String, required: Bool = false, example: String) -> ConfigDuration? {
        guard let text = string(key, required: required, example: example) else { return nil }
        switch ConfigDuration.parse(text) {
        case .success(let duration):
            return duration
        case .failure(let failure):
            error(key, "\(name(key)) \"\(text)\" is not a duration: it \(failure).", example: example)
            return nil
        }
    }

    func url(_ key: String, schemes: [String], required: Bool = false, example: String) -> URL? {
        guard let text = string(key, required: required, example: example) else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            schemes.contains(scheme), let host = components.host, !host.isEmpty, let url = components.url
        else {
            let schemeList = schemes.map { "\($0)://" }.joined(separator: " or ")
            error(
                key, "\(name(key)) \"\(text)\" is not a URL starting with \(schemeList) and a host.", example: example)
            return nil
        }
        return url
    }

    func stringList(_ key: String, example: String) -> [String]? {
        guard let value = values[key] else { return nil }
        guard let items = value.array else {
            wrongType(key, expected: "a list of strings", got: value, example: example)
            return nil
        }
        var strings: [String] = []
        for item in items {
            guard let text = item.string else {
                wrongType(key, expected: "a list of strings", got: item, example: example)
                return nil
            }
            strings.append(text)
        }
        return strings
    }

    /// A decimal amount written as a string (`"10"`, `"4.50"`) or an integer;
    /// a TOML float is refused because binary fractions are not money.
    func decimal(_ key: String, required: Bool = false, example: String) -> Decimal? {
        guard let value = values[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        switch value {
        case .integer(let number):
            return Decimal(number)
        case .string(let text):
            guard let amount = DecimalText.parse(text) else {
                error(key, "\(name(key)) \"\(text)\" is not a decimal number.", example: example)
                return nil
            }
            return amount
        case .float:
            error(key, "\(name(key)) must be a decimal string (exact), not a floating-point number.", example: example)
            return nil
        default:
            wrongType(key, expected: "a decimal string", got: value, example: example)
            return nil
        }
    }

    func table(_ key: String, example: String) -> TableReader? {
        guard let value = values[key] else { return nil }
        guard let table = value.table else {
            wrongType(key, expected: "a table", got: value, example: example)
            return nil
        }
        return TableReader(
            values: table, path: path.appending(key), label: name(key), file: file, diagnostics: diagnostics)
    }

    /// A credential: `{ env = "VAR" }`, `{ file = "path" }`, or (with a
    /// warning) an inline string.
    func secret(_ key: String, required: Bool = false, environmentHint: String) -> ConfiguredSecret? {
        let example = "\(key) = { env = \"\(environmentHint)\" }"
        guard let value = values[key] else {
            if required { missing(key, example: example) }
            return nil
        }
        let keyLine = line(of: key)
        let reference = { (source: ConfiguredSecret.Source) in
            ConfiguredSecret(source: source, file: file.displayPath, line: keyLine, keyPath: name(key))
        }
        switch value {
        case .string(let text):
            guard !text.isEmpty else {
                error(key, "\(name(key)) is empty.", example: example)
                return nil
            }
            warning(
                key,
                "\(name(key)) is written inline; anyone who can read this file can use it. Keep it in the environment or a chmod 600 file.",
                example: example)
            return reference(.inline(Secret(text)))
        case .table(let table):
            let inner = TableReader(
                values: table, path: path.appending(key), label: name(key), file: file, diagnostics: diagnostics)
            inner.rejectUnknownKeys(allowed: ["env", "file"], context: " for a secret (use env or file)")
            let env = inner.string("env", example: example)
            let path = inner.string("file", example: "\(key) = { file = \"secrets/\(key)\" }")
            switch (env, path) {
            case (let name?, nil):
                guard Self.isEnvironmentName(name) else {
                    error(
                        key, "\(self.name(key)) env \"\(name)\" is not a variable name (letters, digits, _).",
                        example: example)
                    return nil
                }
                return reference(.environment(name))
            case (nil, let relative?):
                let url = file.url(relative)
                let display = file.display(relative)
                if let failure = SecretFileCheck.problem(url: url, displayPath: display) {
                    error(key, "\(name(key)): \(failure.message)", example: failure.example)
                    return nil
                }
                return reference(.file(url: url, displayPath: display))
            case (.some, .some):
                error(key, "\(name(key)) names both env and file; keep one.", example: example)
                return nil
            case (nil, nil):
                if !table.keys.contains("env"), !table.keys.contains("file") {
                    error(key, "\(name(key)) needs env or file.", example: example)
                }
                return nil
            }
        default:
            wrongType(key, expected: "{ env = \"VAR\" } or { file = \"path\" }", got: value, example: example)
            return nil
        }
    }

    static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_": true
            default: false
            }
        }
    }
}
