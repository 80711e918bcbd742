import Foundation

/// Rows for RELIABILITY.md. Each reliability test records what it tried and what came out;
/// `scripts/reliability` sets `WELLTREE_RELIABILITY_LOG` to a file, collects the rows and writes
/// the document, so the table always states what the tests last observed. Without the variable
/// nothing is recorded.
package enum ReliabilityLog {
    /// Appends one row of `table` (with its column names, so the script needs no schema).
    package static func record(_ table: String, columns: [String], _ cells: [String]) {
        guard let path = ProcessInfo.processInfo.environment["WELLTREE_RELIABILITY_LOG"], !path.isEmpty else { return }
        let object: [String: Any] = ["table": table, "columns": columns, "cells": cells]
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        line.append(0x0A)
        // One write(2) per row with O_APPEND: rows from tests running in parallel (and from
        // several test processes) never interleave.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
