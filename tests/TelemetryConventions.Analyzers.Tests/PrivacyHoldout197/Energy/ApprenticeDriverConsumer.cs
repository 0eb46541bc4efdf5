namespace PrivacyHoldout197.Energy;

public sealed record ApprenticeLicenceCheck(string ApprenticeStaffNumber, string LicenceNumber, string FullName, string Depot, string FleetVanPlate, int PenaltyPoints);

public sealed record DepotTestRequest(string RequestId, string Depot, string Category, int Apprentices, DateTime WantedFrom);

/// <summary>A network operator's apprentice driver scheme: licence checks and test bookings for apprentices, consumed from the HR topic (keyed by staff number).</summary>
public sealed class ApprenticeDriverConsumer(IConsumer<string, ApprenticeLicenceCheck> consumer, LicenceRegister register, TestBookingStore bookings,
    Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<ApprenticeDriverConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Grid.ApprenticeDrivers");
    private static readonly Meter SchemeMeter = new("Grid.ApprenticeDrivers");
    private static readonly Counter<long> Checks = SchemeMeter.CreateCounter<long>("apprentice.licence_checks");

    private ApprenticeLicenceCheck? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            _current = result.Message.Value;
            using var span = Source.StartFleetskillOperation(_current.Depot);
            span.SetFleetskillCandidateId(pseudonymizer.PseudonymizeFleetskillCandidateId(_current.LicenceNumber)); // clean generated-api
            span.SetFleetskillCategory("B"); // clean generated-api
            span.SetFleetskillAttempts(_current.PenaltyPoints); // clean generated-api
            span.SetFleetskillNote("licence check for " + _current.FullName); // leak TC1001 generated-api
            Activity.Current?.SetTag("hr.message_key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("hr.partition", result.Partition); // clean precision-names
            Activity.Current?.SetTag("apprentice.fleet_van", _current.FleetVanPlate); // clean precision-names
            Activity.Current?.SetTag("apprentice.penalty_points", _current.PenaltyPoints); // clean precision-about
            Activity.Current?.SetTag("apprentice.depot", _current.Depot); // clean precision-names
            try
            {
                var licence = await register.FindAsync(_current.LicenceNumber, stoppingToken) ?? throw new LicenceNotFoundException(_current.LicenceNumber);
                Activity.Current?.SetTag("apprentice.licence_expires", licence.ExpiresOn.ToString("yyyy-MM")); // clean precision-about
                Activity.Current?.SetTag("apprentice.categories_count", licence.Categories.Length); // clean precision-about
                TagHolder(Activity.Current, licence.LicenceNumber); // leak TC1001 cross-member
                meter.CreateFleetskillOperationsCounter().Add(1, _current.Depot, "checked"); // clean generated-api
            }
            catch (LicenceNotFoundException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogFleetskillOperationFailedEvent(_current.Depot, "no-licence", pseudonymizer.PseudonymizeFleetskillCandidateId(_current.LicenceNumber), "licence not on the register"); // clean generated-api
                logger.LogFleetskillOperationFailedEvent(_current.Depot, "no-licence", pseudonymizer.PseudonymizeFleetskillCandidateId(_current.LicenceNumber), ex.Message); // leak TC1001 generated-api
                meter.CreateFleetskillOperationsCounter().Add(1, _current.Depot, _current.ApprenticeStaffNumber); // leak TC1003 generated-api
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
            }

            LogCurrent();
            consumer.Commit(result);
        }
    }

    private static void TagHolder(Activity? activity, string licenceNumber) =>
        activity?.SetTag("apprentice.licence_number", licenceNumber); // leak TC1001 direct

    private void LogCurrent()
    {
        logger.LogInformation("Checked apprentice {Apprentice}", _current?.ApprenticeStaffNumber); // leak TC1001 cross-member
        logger.LogInformation("Checked apprentice at {Depot} with {Points} points", _current?.Depot, _current?.PenaltyPoints); // clean cross-member
        logger.LogInformation("Checked {@Check}", _current); // leak TC1001 logging-objects
        logger.LogInformation("Checked {@Check}", _current is null ? null : new { _current.Depot, _current.FleetVanPlate, _current.PenaltyPoints }); // clean logging-objects
        Checks.Add(1, new KeyValuePair<string, object?>("depot", _current?.Depot)); // clean precision-names
        Checks.Add(1, new KeyValuePair<string, object?>("apprentice", pseudonymizer.Pseudonymize(Spaces.Candidate, _current?.LicenceNumber ?? string.Empty).Value)); // leak TC1003 precision-pseudonym
        Activity.Current?.SetTag("apprentice.cohort", (_current?.ApprenticeStaffNumber.GetHashCode() ?? 0) & 7); // leak TC1002 hashes
        Activity.Current?.SetTag("apprentice.licence_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_current?.LicenceNumber ?? string.Empty)))); // leak TC1002 hashes
        Activity.Current?.SetTag("apprentice.licence_mac", Convert.ToBase64String(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_current?.LicenceNumber ?? string.Empty)))); // clean hashes
    }

    public void RequestDepotTests(DepotTestRequest request)
    {
        using var activity = Source.StartActivity("depot.tests.request");
        activity?.SetTag("depot.request_id", request.RequestId); // clean precision-names
        activity?.SetTag("depot.apprentices", request.Apprentices); // clean precision-about
        activity?.SetTag("depot.category", request.Category); // clean precision-names
        logger.LogInformation("Depot test request {@Request}", request); // clean logging-objects
        var open = bookings.ForLicence(string.Empty).Count;
        logger.LogInformation("Open bookings {Open} for depot {Depot}", open, request.Depot); // clean precision-about
        var sb = new StringBuilder();
        sb.Append("depot=").Append(request.Depot).Append(";wanted=").Append(request.WantedFrom.ToString("yyyy-MM-dd"));
        activity?.SetTag("depot.summary", sb.ToString()); // clean strings
        var apprentice = _current;
        if (apprentice is not null)
        {
            activity?.SetTag("depot.first_apprentice", $"{apprentice.FullName} ({apprentice.ApprenticeStaffNumber})"); // leak TC1001 strings
        }
    }
}
