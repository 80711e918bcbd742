import Testing
@testable import WelltreeAWS
import WelltreeReports

/// `export aws` as people and scripts read it: the requests counted by operation in the order
/// they are sent, what was not carried, and where apply.sh is; a workload name from the
/// repository never acts on the reader's terminal.
@Suite("export aws text")
struct AWSExportTextTests {
    static func request(_ operation: String, milestone: Int? = nil) -> AWSExportRequest {
        AWSExportRequest(operation: operation, body: [], arguments: [], capture: nil, milestone: milestone)
    }

    static let plan = AWSExportPlan(
        workloadId: "0123456789abcdef0123456789abcdef",
        requests: [
            request("CreateWorkload"), request("UpdateAnswer", milestone: 1), request("CreateMilestone", milestone: 1),
            request("UpdateAnswer"), request("UpdateAnswer"),
        ],
        notCarried: [AWSNotice(subject: "evidence", message: "no place in the service")])

    @Test func countsEachOperationInTheOrderSentAndEscapesTheName() {
        let text = AWSExportText.render(Self.plan, workloadName: "Shop\u{1B}[2J", directory: "out")
        #expect(text == """
            Exported workload Shop\\u{1B}[2J (0123456789abcdef0123456789abcdef) to out: 5 requests
              CreateWorkload   1
              UpdateAnswer     3
              CreateMilestone  1

            Not carried to AWS (1):
              evidence: no place in the service

            Send them with the AWS CLI (credentials and Region as configured): out/apply.sh

            """)
    }

    @Test func jsonListsTheRequestFilesInOrder() {
        let output = ExportAWSOutput(Self.plan, directory: "out")
        let files: [String] = output.Requests.map { $0.File }
        #expect(
            files == [
                "requests/001-create-workload.json", "requests/002-update-answer.json", "requests/003-create-milestone.json",
                "requests/004-update-answer.json", "requests/005-update-answer.json",
            ])
        let milestones: [Int?] = output.Requests.map { $0.MilestoneNumber }
        #expect(milestones == [nil, 1, 1, nil, nil])
        #expect(output.NotCarried == ["evidence: no place in the service"])
    }
}
