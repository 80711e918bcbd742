/// Applies `WorkloadValidation`'s rules to single properties, collecting violations labelled in
/// one `WorkloadField.Style`.
struct WorkloadChecker {
    typealias Limits = WorkloadValidation

    let style: WorkloadField.Style
    private var validator = Validator()

    init(style: WorkloadField.Style) {
        self.style = style
    }

    /// Everything found so far, in the order the checks ran.
    var violations: [Violation] { validator.violations }

    /// Records a violation of `field`, labelled down to a list index or map key when given.
    mutating func add(_ field: WorkloadField, _ value: String, _ rule: String, index: Int? = nil, key: String? = nil) {
        validator.add(Violation(field: field.label(style, index: index, key: key), value: value, rule: rule))
    }

    /// A required property that was not given.
    mutating func missing(_ field: WorkloadField) { add(field, "", "is required") }

    /// Reports `field` as missing when `value` is nil.
    mutating func required(_ value: String?, _ field: WorkloadField) {
        if value == nil { missing(field) }
    }

    // MARK: Text

    /// Length in code points and the control-character ban. `subject` prefixes the rule text
    /// ("key must be ...") when one field has several parts.
    mutating func text(
        _ value: String, _ field: WorkloadField, length: ClosedRange<Int>, multiline: Bool = false,
        index: Int? = nil, key: String? = nil, subject: String = "", shown: String? = nil
    ) {
        let count = value.unicodeScalars.count
        if !length.contains(count) {
            add(field, shown ?? value, subject + Self.lengthRule(length, count), index: index, key: key)
        }
        if let control = Self.firstControl(in: value, multiline: multiline) {
            let allowed = multiline ? " other than newline and tab" : ""
            add(
                field, shown ?? value,
                subject + "must not contain control characters\(allowed) (found \(Self.codePoint(control)))",
                index: index, key: key)
        }
    }

    /// The rule text for a length limit, with the actual length so the user knows how far off it is.
    static func lengthRule(_ length: ClosedRange<Int>, _ count: Int) -> String {
        if length.lowerBound == length.upperBound {
            return "must be exactly \(length.lowerBound) characters, not \(count)"
        }
        if length.lowerBound == 0 { return "must be at most \(length.upperBound) characters, not \(count)" }
        if length.upperBound == Int.max { return "must not be empty" }
        return "must be \(length.lowerBound) to \(length.upperBound) characters, not \(count)"
    }

    /// The first C0 control, DEL or C1 control; newline and tab are allowed in multi-line text.
    static func firstControl(in text: String, multiline: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x0A, 0x09: !multiline
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
    }

    /// `U+0007`: control characters are invisible, so the message names the code point.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: Properties

    /// Length, visible characters and uniqueness ignoring spaces and case.
    mutating func name(_ name: String, existingNames: [String]) {
        text(name, .name, length: Limits.nameLength)
        let visible = name.unicodeScalars.count { !$0.properties.isWhitespace }
        if name.unicodeScalars.count >= Limits.nameLength.lowerBound, visible < Limits.minimumNameNonWhitespace {
            add(.name, name, "must contain at least \(Limits.minimumNameNonWhitespace) characters that are not spaces")
        }
        let normalized = Workload.normalizedName(name)
        if !normalized.isEmpty, let clash = existingNames.first(where: { Workload.normalizedName($0) == normalized }) {
            add(.name, name, "must be unique ignoring spaces and case: \"\(clash)\" already exists")
        }
    }

    /// Each entry is checked by `entry`; the count and duplicates are checked here.
    private mutating func list(
        _ values: [String], _ field: WorkloadField, maximum: Int, noun: String,
        entry: (inout WorkloadChecker, String, Int) -> Void
    ) {
        if values.count > maximum {
            add(field, "\(values.count) \(noun)", "exceeds the limit of \(maximum) \(noun) per workload")
        }
        var seen: Set<String> = []
        for (index, value) in values.enumerated() {
            entry(&self, value, index)
            if !seen.insert(value).inserted { add(field, value, "is listed more than once", index: index) }
        }
    }

    /// At most 50 unique Region codes.
    mutating func awsRegions(_ regions: [String]) {
        list(regions, .awsRegions, maximum: Limits.maximumAwsRegions, noun: "AWS Regions") { check, region, index in
            if !Self.isAwsRegionCode(region) {
                check.add(
                    .awsRegions, region, "must be an AWS Region code such as us-east-1 or us-gov-west-1", index: index)
            }
        }
    }

    /// At most 5 unique names of 3 to 25 characters.
    mutating func nonAwsRegions(_ regions: [String]) {
        list(regions, .nonAwsRegions, maximum: Limits.maximumNonAwsRegions, noun: "non-AWS regions") {
            check, region, index in
            check.text(region, .nonAwsRegions, length: Limits.nonAwsRegionLength, index: index)
        }
    }

    /// At most 100 unique 12-digit account ids.
    mutating func accountIds(_ ids: [String]) {
        list(ids, .accountIds, maximum: Limits.maximumAccountIds, noun: "account IDs") { check, id, index in
            if !(id.utf8.count == 12 && id.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
                check.add(.accountIds, id, "must be exactly 12 digits", index: index)
            }
        }
    }

    /// An http, https or ftp URL; empty clears the property.
    mutating func architecturalDesign(_ url: String) {
        guard !url.isEmpty else { return }  // clears the property
        text(url, .architecturalDesign, length: 0...Limits.maximumArchitecturalDesignLength)
        if !Self.isArchitecturalDesignURL(url) {
            add(.architecturalDesign, url, "must be an http://, https:// or ftp:// URL without spaces")
        }
    }

    /// One of the API's industry types in any case; empty clears the property.
    mutating func industryType(_ value: String) {
        guard !value.isEmpty, IndustryType.canonical(value) == nil else { return }
        add(.industryType, value, "must be one of: " + IndustryType.allowedValues.joined(separator: "; "))
    }

    /// Keys, values, reserved prefixes, duplicates, removals of missing tags and the tag limit
    /// counted on the result of the request.
    mutating func tags(adding: [WorkloadTag], removing: [String], current: [String: String]) {
        var added: Set<String> = []
        for tag in adding {
            let shown = style == .commandLine ? "\(tag.key)=\(tag.value)" : tag.value
            text(tag.key, .tags, length: Limits.tagKeyLength, key: tag.key, subject: "key ")
            text(tag.value, .tags, length: Limits.tagValueLength, key: tag.key, subject: "value ", shown: shown)
            if Self.hasReservedPrefix(tag.key) {
                add(.tags, tag.key, "key must not start with \"aws:\" in any case (reserved for AWS)", key: tag.key)
            }
            if Self.hasReservedPrefix(tag.value) {
                add(.tags, shown, "value must not start with \"aws:\" in any case (reserved for AWS)", key: tag.key)
            }
            if !added.insert(tag.key).inserted {
                add(.tags, tag.key, "key is given more than once (keys are case sensitive)", key: tag.key)
            }
        }
        var removed: Set<String> = []
        for key in removing where removed.insert(key).inserted {
            if current[key] == nil { add(.tagsToRemove, key, "no such tag") }
            if added.contains(key) {
                add(.tagsToRemove, key, "is also set with \(WorkloadField.tags.option); set or remove a tag, not both")
            }
        }
        let total = Set(current.keys).subtracting(removed).union(added).count
        if total > Limits.maximumTags {
            add(.tags, "\(total) tags", "exceeds the limit of \(Limits.maximumTags) tags per workload")
        }
    }

    /// At most 20 lenses, each applied once, each with a version, the framework lens among
    /// them: every workload is reviewed against it, so a workload without it is invalid (a
    /// hand edit that drops it would otherwise hide the framework's risks).
    mutating func lenses(_ lenses: [WorkloadLens]) {
        if !lenses.contains(where: { $0.alias == Workload.frameworkLens }) {
            add(.lenses, lenses.map(\.alias).joined(separator: ","),
                "must include the framework lens \(Workload.frameworkLens), which applies to every workload")
        }
        list(lenses.map(\.alias), .lenses, maximum: Limits.maximumLenses, noun: "lenses") { check, alias, index in
            check.text(alias, .lenses, length: Limits.lensAliasLength, index: index)
        }
        for (index, lens) in lenses.enumerated() {
            text(lens.version, .lenses, length: 1...Int.max, index: index, subject: "version ")
        }
    }

    /// Unique pillar ids of valid length.
    mutating func pillarPriorities(_ ids: [String]) {
        list(ids, .pillarPriorities, maximum: Int.max, noun: "pillars") { check, id, index in
            check.text(id, .pillarPriorities, length: Limits.pillarIdLength, index: index)
        }
    }

    // MARK: Patterns

    /// `aws:` in any case, which AWS reserves for its own tag keys and values.
    static func hasReservedPrefix(_ text: String) -> Bool {
        text.utf8.count >= 4 && text.prefix(4).lowercased() == "aws:"
    }

    /// `^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$`, the shape of every AWS Region code
    /// (us-east-1, us-gov-west-1, us-isob-east-1), at most 100 characters (`AwsRegion`).
    static func isAwsRegionCode(_ code: String) -> Bool {
        guard code.utf8.count <= 100 else { return false }
        let parts = code.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        func letters(_ part: Substring.UTF8View.SubSequence) -> Bool {
            !part.isEmpty && part.allSatisfy { (0x61...0x7A).contains($0) }
        }
        guard parts.count == 3 || parts.count == 4, parts[0].count == 2, letters(parts[0]),
            let digits = parts.last, !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }),
            letters(parts[parts.count - 2])
        else { return false }
        if parts.count == 3 { return true }
        let partition = parts[1]
        return letters(partition) && (partition.elementsEqual("gov".utf8) || partition.starts(with: "iso".utf8))
    }

    /// The API's `WorkloadArchitecturalDesign` pattern, `(https?|ftp)://[^\s/$.?#].[^\s]*`, with
    /// whitespace banned everywhere after the scheme.
    static func isArchitecturalDesignURL(_ url: String) -> Bool {
        let scalars = Array(url.unicodeScalars)
        guard
            let schemeEnd = ["http://", "https://", "ftp://"].first(where: { url.hasPrefix($0) })?.unicodeScalars.count,
            scalars.count >= schemeEnd + 2
        else { return false }
        let rest = scalars[schemeEnd...]
        guard let first = rest.first, !"/$.?#".unicodeScalars.contains(first) else { return false }
        return rest.allSatisfy { !$0.properties.isWhitespace }
    }
}
