namespace PrivacyHoldout65.Energy;

public sealed record OutageReport(string ReportId, string AccountNumber, string Postcode, string CallbackPhone, string Description, bool Vulnerable, int AffectedPremises);

public sealed class OutageLookupException(string message, string postcode) : Exception(message)
{
    public string Postcode { get; } = postcode;
}

public interface INetworkOperator
{
    Task<string> IncidentForAsync(string postcode, CancellationToken ct);
}

/// <summary>The distribution network operator's incident API.</summary>
public sealed class NetworkOperatorClient(System.Net.Http.HttpClient http) : INetworkOperator
{
    public async Task<string> IncidentForAsync(string postcode, CancellationToken ct)
    {
        var response = await http.GetAsync($"incidents?postcode={Uri.EscapeDataString(postcode)}", ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new OutageLookupException($"No open incident covers {postcode}", postcode);
        }
        return await response.Content.ReadAsStringAsync(ct);
    }
}

/// <summary>The outage team's facade over its logger and activity source: one method per thing that happens.</summary>
public sealed class OutageTelemetry(ILogger<OutageTelemetry> logger, ActivitySource source)
{
    public Activity? ReportReceived(OutageReport report)
    {
        var activity = source.StartActivity("outage.report");
        activity?.SetTag("outage.report.id", report.ReportId); // clean direct
        activity?.SetTag("outage.postcode", report.Postcode); // leak TC1001 direct
        activity?.SetTag("outage.district", report.Postcode.Split(' ')[0]); // clean precision-about
        return activity;
    }

    public void CallbackBooked(string reportId, string phone) =>
        logger.LogInformation("Callback booked for report {ReportId} on {Phone}", reportId, phone); // leak TC1001 direct

    public void IncidentLinked(string reportId, string incident) =>
        logger.LogInformation("Report {ReportId} linked to incident {Incident}", reportId, incident);
}

/// <summary>Adds the deployment's region and the build to every record of the outage service.</summary>
public sealed class OutageStaticEnricher(string region, string build) : IStaticLogEnricher
{
    public void Enrich(IEnrichmentTagCollector collector)
    {
        collector.Add("deployment.region", region); // clean precision-names
        collector.Add("service.build", build); // clean precision-names
    }
}

/// <summary>Handles outage reports from the app and the phone line.</summary>
public sealed class OutageReportHandler(
    ILogger<OutageReportHandler> logger,
    OutageTelemetry telemetry,
    INetworkOperator network,
    Pseudonymizer pseudonymizer)
{
    public async Task HandleAsync(OutageReport report, CancellationToken ct)
    {
        using var reportScope = logger.BeginScope(("outage.report", report.ReportId)); // clean direct
        using var accountScope = logger.BeginScope(new KeyValuePair<string, object>[] { new("account.ref", pseudonymizer.ComputeMeteropsAccountId(report.AccountNumber)), new("vulnerable", report.Vulnerable) }); // clean precision-pseudonym
        using var postcodeScope = logger.BeginScope(("outage.postcode", report.Postcode)); // leak TC1001 direct
        using var activity = telemetry.ReportReceived(report); // leak TC1001 cross-member

        logger.LogInformation("Outage reported: {Description}", report.Description); // leak TC1001 strings
        logger.LogInformation("Outage reported ({Length} characters, {Premises} premises)", report.Description.Length, report.AffectedPremises); // clean precision-about
        try
        {
            var incident = await network.IncidentForAsync(report.Postcode, ct);
            telemetry.IncidentLinked(report.ReportId, incident); // clean cross-member
            telemetry.CallbackBooked(report.ReportId, report.CallbackPhone); // leak TC1001 cross-member
        }
        catch (OutageLookupException ex)
        {
            logger.LogWarning("Network operator lookup failed with {Error}", ex.GetType().Name); // clean exceptions
            logger.LogWarning(ex, "Network operator lookup failed for report {ReportId}", report.ReportId); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"no incident for {ex.Postcode}"); // leak TC1001 cross-member
        }
    }
}
