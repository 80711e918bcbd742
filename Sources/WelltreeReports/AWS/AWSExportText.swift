import WelltreeAWS

/// `--format json` of `export aws`: the request files in order and what was not carried
/// (Welltree's own shape, PascalCase as the API's).
package struct ExportAWSOutput: Encodable {
    /// One request file and what it asks of the service.
    package struct Request: Encodable {
        package var File: String
        package var Operation: String
        package var MilestoneNumber: Int?
    }

    package var WorkloadId: String
    package var Directory: String
    package var Requests: [Request]
    package var NotCarried: [String]

    package init(_ plan: AWSExportPlan, directory: String) {
        WorkloadId = plan.workloadId
        Directory = directory
        Requests = plan.requests.indices.map {
            Request(File: plan.fileName($0), Operation: plan.requests[$0].operation, MilestoneNumber: plan.requests[$0].milestone)
        }
        NotCarried = plan.notCarried.map(\.description)
    }
}

/// The text of `export aws`: how many requests of each operation, what was not carried, how to
/// send them.
package enum AWSExportText {
    /// The summary of an export written to `directory`; the workload's name and the directory
    /// are escaped for the terminal (both can come from the repository or the user).
    package static func render(_ plan: AWSExportPlan, workloadName: String, directory: String) -> String {
        var text = "Exported workload \(TerminalText.line(workloadName)) (\(plan.workloadId)) to \(TerminalText.line(directory)): "
        text += "\(plan.requests.count) requests\n"
        var counts: [String: Int] = [:]
        var order: [String] = []
        for request in plan.requests {
            if counts[request.operation] == nil { order.append(request.operation) }
            counts[request.operation, default: 0] += 1
        }
        let width = order.map(\.count).max() ?? 0
        for operation in order {
            text += "  " + operation + String(repeating: " ", count: width - operation.count) + "  \(counts[operation] ?? 0)\n"
        }
        text += "\nNot carried to AWS (\(plan.notCarried.count)):\n"
        for notice in plan.notCarried { text += "  \(TerminalText.line(notice.description))\n" }
        text += "\nSend them with the AWS CLI (credentials and Region as configured): \(TerminalText.line(directory))/apply.sh\n"
        return text
    }
}
