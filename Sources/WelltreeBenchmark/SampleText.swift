/// Word and sentence banks for generated workloads: enough variety that names, notes and
/// timestamps differ from file to file, as they do in a real organisation's reviews.
enum SampleText {
    static let domains = [
        "Payments", "Checkout", "Catalog", "Search", "Identity", "Billing", "Inventory", "Shipping", "Analytics",
        "Messaging", "Media", "Recommendations", "Fraud", "Ledger", "Onboarding", "Support", "Pricing", "Loyalty",
        "Reporting", "Scheduling",
    ]
    static let systems = [
        "API", "Platform", "Pipeline", "Portal", "Service", "Gateway", "Data Lake", "Warehouse", "Backend", "Worker",
        "Mobile Backend", "Event Bus", "Website", "Batch Jobs", "Stream Processor",
    ]
    static let people = [
        "Jane Doe", "Ravi Patel", "Mei Chen", "Carlos Gómez", "Aisha Bello", "Lars Nilsson", "Yuki Tanaka",
        "Fatima Zahra", "Tom O'Brien", "Élodie Martin", "Sven Berg", "Priya Nair",
    ]
    static let regions = [
        "us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1",
    ]
    static let teams = ["platform", "payments", "growth", "data", "core", "mobile", "infra", "security"]
    static let notes = [
        "Discussed with the team during the quarterly review.",
        "Runbooks exist for the main failure modes but are not tested regularly.",
        "We rely on CloudWatch alarms for the API tier; the batch tier has none yet.",
        "Ownership moved to the platform team in Q3, follow-up pending.",
        "Load tests run before every major release; last one in March.",
        "Backups are taken nightly and restore was tested last quarter.",
        "The team agreed to revisit this after the migration to EKS.",
        "Cost reports are reviewed monthly by the engineering manager.",
        "IAM roles are scoped per service; a few legacy users remain.",
        "Deployment is fully automated through the CI pipeline with canaries.",
        "See the architecture decision record ADR-17 for the trade-off.",
        "Encryption at rest is on for all data stores; in transit for public endpoints only.",
        "Dependencies are pinned and scanned weekly.",
        "Chaos experiments are planned but have not started.",
        "Capacity is reviewed before peak season \"Black Friday\" only.",
        "Alert fatigue is a known issue; on-call rotation is being redesigned.",
    ]
    static let notApplicableNotes = [
        "Not relevant for an internal-only tool.",
        "Handled by the shared platform team.",
        "No customer data is stored in this workload.",
        "Out of scope until the next architecture review.",
    ]
}
