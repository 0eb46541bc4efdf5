namespace PrivacyHoldout38.Energy;

public sealed record OutageReport(string ReportId, string Postcode, string ReporterPhone, string Description, bool Vulnerable);

public sealed class OutageReportService(ActivitySource source, ILogger<OutageReportService> logger, Pseudonymizer pseudonymizer)
{
    public void Receive(OutageReport report)
    {
        using var activity = source.StartActivity("outage.report");
        activity?.SetTag("outage.report_id", report.ReportId); // clean direct

        var district = report.Postcode.Split(' ') is [var outward, _] ? outward : "unknown";
        activity?.SetTag("outage.district", district); // clean precision-about
        activity?.SetTag("outage.postcode", report.Postcode); // leak TC1001 direct

        var notice = $$"""
            {"type":"outage","district":"{{district}}","vulnerable":{{(report.Vulnerable ? "true" : "false")}}}
            """;
        activity?.AddEvent(new ActivityEvent("outage.notice", tags: [new("outage.notice", notice)])); // clean strings

        var callback = $"""Call {report.ReporterPhone} back about "{report.Description}".""";
        logger.LogInformation("Callback queued: {Callback}", callback); // leak TC1001 strings

        logger.LogPartyFlaggedEvent(report.Vulnerable ? "vulnerable customer without supply" : "no supply", partyRole: "reporter", partyRef: pseudonymizer.PseudonymizePartyRef(report.ReporterPhone)); // clean generated-api
    }
}
