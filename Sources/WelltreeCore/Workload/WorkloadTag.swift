/// One tag to set on a workload, in the order the user gave it.
///
/// Requests carry tags as a list rather than a map so that a key given twice
/// (`--tag env=a --tag env=b`) is reported instead of one value silently winning.
package struct WorkloadTag: Sendable, Equatable, Hashable {
    package var key: String
    /// May be empty: AWS allows a tag without a value.
    package var value: String

    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// Splits `key=value` at the first `=`; text without `=` is a key with an empty value.
    package init(parsing text: String) {
        if let equals = text.firstIndex(of: "=") {
            self.init(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
        } else {
            self.init(key: text, value: "")
        }
    }
}
