namespace PrivacyHoldout141.Media;

/// <summary>
/// The duty desk's side of crew car safety: an SOS from a contributor's lift home after a late show goes to the
/// alarm receiving centre, items left in crew cars are logged for the firm, and a passenger's safety report
/// about a driver is filed with the firm's trust and safety team.
/// </summary>
public sealed partial class CrewCarSafetyHandler(
    ITrustAndSafetyClient safety,
    Pseudonymizer pseudonymizer,
    RidePlatformOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<CrewCarSafetyHandler> logger)
{
    private readonly Counter<long> _sos = meter.CreateCounter<long>("crewcars.sos", "{alert}");

    public async Task RaiseSosAsync(string productionCode, SosAlert alert, CancellationToken cancellationToken)
    {
        using var span = source.StartCrewcarsOperation(productionCode, "crewcars.sos");
        span.SetCrewcarsContributorId(pseudonymizer.PseudonymizeCrewcarsContributorId(alert.RiderAccountId)); // clean generated-api
        span.Activity?.SetTag("crewcars.sos.alert", alert.AlertId); // clean precision-names
        span.Activity?.SetTag("crewcars.sos.position", alert.Position.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("crewcars.sos.area", alert.Position.Rounded(1).ToString()); // clean precision-about
        _sos.Add(1, new KeyValuePair<string, object?>("production", productionCode)); // clean precision-names
        Log.SosRaised(logger, alert); // leak TC1001 logging-objects

        try
        {
            var caseRef = await safety.EscalateSosAsync(alert, cancellationToken);
            span.Activity?.SetTag("crewcars.sos.case", caseRef); // clean precision-names
            span.SetCrewcarsOutcome("escalated");
        }
        catch (EmergencyCentreTimeoutException ex)
        {
            logger.LogCritical(ex, "SOS {AlertId} not acknowledged by {Centre}", alert.AlertId, options.SosCentre); // clean exceptions
            await safety.ConnectAsync(options.SosCentre, alert.RiderPhone, cancellationToken);
            span.SetCrewcarsNote($"Centre silent; duty desk calling {alert.RiderPhone}"); // leak TC1001 generated-api
        }
    }

    public async Task LogLostItemAsync(string productionCode, LostItemReport report, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("crewcars.lost-item");
        activity?.SetTag("crewcars.lost.category", report.Category); // clean precision-about
        activity?.SetTag("crewcars.lost.description", report.Description); // leak TC1001 direct
        activity?.SetTag("crewcars.lost.description_words", report.Description.Split(' ').Length); // clean precision-about
        var itemRef = await safety.LogLostItemAsync(report, cancellationToken);
        logger.LogInformation("Lost item {ItemRef} logged for trip {TripId} of {Production}", itemRef, report.TripId, productionCode); // clean precision-names
        logger.LogInformation("Lost item report {Report}", report); // leak TC1001 logging-objects
    }

    public async Task FileReportAsync(string productionCode, SafetyReport report, string driverBadge, CancellationToken cancellationToken)
    {
        using var span = source.StartCrewcarsOperation(productionCode, "crewcars.safety-report");
        span.SetCrewcarsDriverId(pseudonymizer.PseudonymizeCrewcarsDriverId(driverBadge)); // clean generated-api
        span.Activity?.SetTag("crewcars.report.category", report.Category); // clean precision-about
        span.Activity?.SetTag("crewcars.report.narrative_length", report.Narrative.Length); // clean precision-about

        try
        {
            var caseRef = await safety.FileReportAsync(report, cancellationToken);
            logger.LogCrewcarsBookingFailedEvent(productionCode, "safety-report", pseudonymizer.PseudonymizeCrewcarsCrewId(report.ReporterAccountId), $"Case {caseRef}: {report.Narrative}"); // leak TC1001 generated-api
            logger.LogInformation("Safety case {CaseRef} about driver {DriverRef}", caseRef, pseudonymizer.ComputeCrewcarsDriverId(driverBadge)); // clean precision-pseudonym
        }
        catch (DriverUnreachableException ex)
        {
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            logger.LogWarning("Could not reach the driver: {Error}", ex.Message); // leak TC1001 exceptions
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Critical, Message = "SOS raised: {Alert}")]
        public static partial void SosRaised(ILogger logger, SosAlert alert);
    }
}
