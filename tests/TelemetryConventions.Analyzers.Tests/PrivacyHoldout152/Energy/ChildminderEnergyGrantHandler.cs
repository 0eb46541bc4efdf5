namespace PrivacyHoldout152.Energy;

/// <summary>Handles childminders' applications to the council's energy support for home-based settings, checking their smart meter reads.</summary>
public sealed class ChildminderEnergyGrantHandler(
    IEnergyGrantPortal portal,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ChildminderEnergyGrantHandler> logger)
{
    private static readonly ActivitySource Source = new("Childminders.EnergyGrants");
    private static readonly Meter Meter = new("Childminders.EnergyGrants");
    private static readonly Counter<long> Applications = Meter.CreateCounter<long>("childminder.energy_grant.applications");

    private readonly List<string> refusedMpans = new();
    private decimal totalGranted;

    public async Task<bool> HandleAsync(EnergyGrantApplication application, NurseryBuilding? hub, CancellationToken cancellationToken)
    {
        using var span = Source.StartCotsenseOperation("childminders");
        span.SetCotsenseHouseholdId(pseudonymizer.PseudonymizeCotsenseHouseholdId(application.ChildminderUrn)); // clean precision-pseudonym
        Activity.Current?.SetTag("grant.application_id", application.ApplicationId); // clean precision-names
        Activity.Current?.SetTag("grant.childminder_urn", application.ChildminderUrn); // leak TC1001 direct
        Activity.Current?.SetTag("grant.amount", (double)application.Amount);
        Activity.Current?.SetTag("grant.distributor", application.Mpan[..2]); // clean precision-about
        Applications.Add(1, new KeyValuePair<string, object?>("childminder", application.ChildminderUrn)); // leak TC1003 direct
        Applications.Add(1, new KeyValuePair<string, object?>("distributor", application.Mpan[..2])); // clean precision-about

        if (hub is not null)
        {
            Activity.Current?.SetTag("grant.hub_setting", hub.SettingUrn); // clean precision-about
            Activity.Current?.SetTag("grant.hub_mpan", hub.Mpan); // clean precision-about
        }

        var home = await portal.FindAsync(application.ChildminderUrn, cancellationToken);
        if (home is null)
        {
            var notRegistered = new ChildminderNotRegisteredException(application.ChildminderUrn);
            logger.LogWarning("Grant refused: {Reason}", notRegistered.Message); // leak TC1001 exceptions
            logger.LogWarning("Grant refused: {ErrorType}", notRegistered.GetType().Name); // clean exceptions
            return false;
        }

        logger.LogInformation("Applicant {Home}", home); // leak TC1001 logging-objects
        logger.LogInformation("Applicant in {District}", home.Postcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Applicant meter {Meter}", MeterLabel(home)); // leak TC1001 strings
        Activity.Current?.SetTag("grant.meter_fingerprint", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(home.MeterSerial)))); // leak TC1002 hashes
        Activity.Current?.SetTag("grant.meter_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(home.MeterSerial))[0] % 32); // clean hashes

        try
        {
            var kwh = await portal.SmartReadAsync(home.Mpan, cancellationToken);
            Activity.Current?.SetTag("grant.annual_kwh", kwh);
        }
        catch (MeterReadRejectedException ex)
        {
            refusedMpans.Add(home.Mpan);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetCotsenseOutcome("read-rejected"); // clean generated-api
            return false;
        }

        var accepted = await portal.SubmitAsync(application, cancellationToken);
        if (accepted)
        {
            totalGranted += application.Amount;
        }

        logger.LogCotsenseOperationFailedEvent("childminders", accepted ? "granted" : "declined", cotsenseNote: $"Grant {application.ApplicationId} for {home.Name}"); // leak TC1001 generated-api
        return accepted;
    }

    public void LogMonthEnd()
    {
        logger.LogInformation("Granted {Total} this month", totalGranted); // clean cross-member
        logger.LogInformation("Refused meter reads: {Mpans}", string.Join(";", refusedMpans)); // leak TC1001 cross-member
        logger.LogInformation("{Count} meter reads refused", refusedMpans.Count); // clean cross-member
    }

    private static string MeterLabel(ChildminderHome home) => $"{home.MeterSerial} at {home.Postcode}";
}
