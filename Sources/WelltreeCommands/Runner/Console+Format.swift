import WelltreeReports

extension Console {
    /// Writes a command's data in the format asked for (`--format`): with `json`, `json` in the
    /// AWS API's response shape (`jsonText`); with `text`, what `text` renders. Only the format
    /// asked for is built.
    ///
    /// The one switch over `OutputFormat` a command needs; a command with more formats (reports,
    /// `check`) switches over its own.
    package func write<Output: Encodable>(_ format: OutputFormat, json: @autoclosure () -> Output, text: () -> String) {
        switch format {
        case .json: write(jsonText(json()))
        case .text: write(text())
        }
    }
}
