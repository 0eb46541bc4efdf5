namespace PrivacyHoldout143.Energy;

/// <summary>A dog bite reported from an engineer's handheld.</summary>
public sealed record ReportDogBite(
    string IncidentId,
    string EngineerStaffNumber,
    string EngineerName,
    string JobId,
    string AccountNumber,
    string InjuryCode,
    bool HospitalVisit,
    string? Narrative,
    double Latitude,
    double Longitude,
    string? OwnerPolicyNumber);

/// <summary>
/// Records a dog bite on an engineer: the incident for occupational health, the property's warning raised to
/// do-not-enter, and the dog owner's pet insurance (third-party liability) looked up for the claim.
/// </summary>
public sealed partial class DogBiteIncidentHandler(
    IFieldSafetyRegister register,
    IInsurerGateway insurer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<DogBiteIncidentHandler> logger)
{
    public async Task HandleAsync(ReportDogBite command, CancellationToken cancellationToken)
    {
        using var span = source.StartFieldpawsOperation("incidents");
        span.SetFieldpawsEngineerId(pseudonymizer.PseudonymizeFieldpawsEngineerId(command.EngineerStaffNumber)); // clean generated-api
        span.SetFieldpawsCustomerId(pseudonymizer.PseudonymizeFieldpawsCustomerId(command.AccountNumber));
        Activity.Current?.SetTag("fieldpaws.incident.id", command.IncidentId); // clean precision-names
        Activity.Current?.SetTag("fieldpaws.incident.injury", command.InjuryCode); // clean precision-about
        Activity.Current?.SetTag("fieldpaws.incident.hospital_visit", command.HospitalVisit); // clean precision-about
        Activity.Current?.SetTag("fieldpaws.incident.position", $"{command.Latitude:F5},{command.Longitude:F5}"); // leak TC1001 strings
        Activity.Current?.SetTag("fieldpaws.incident.area", $"{Math.Round(command.Latitude, 1)},{Math.Round(command.Longitude, 1)}"); // clean strings
        LogBite(logger, command.EngineerName, command.JobId, command.InjuryCode); // leak TC1001 logging-objects
        LogBiteForOccupationalHealth(logger, command.EngineerStaffNumber, command.JobId); // clean logging-objects

        var incident = new DogBiteIncident(command.IncidentId, command.EngineerStaffNumber, command.AccountNumber, command.InjuryCode, command.Narrative);
        logger.LogInformation("Incident recorded {@Incident}", incident); // leak TC1001 logging-objects

        var warning = await register.WarningForAsync(command.AccountNumber, cancellationToken);
        if (warning is null || warning.Level != "do-not-enter")
        {
            await register.SaveAsync(new DogWarning(command.AccountNumber, warning?.SiteAddress ?? string.Empty, "do-not-enter", "raised after a bite", DateOnly.FromDateTime(DateTime.UtcNow)), cancellationToken);
            logger.LogInformation("Warning raised to do-not-enter after {IncidentId}, was {Previous}", command.IncidentId, warning?.Level ?? "none"); // clean precision-about
        }

        if (command.OwnerPolicyNumber is not { } policyNumber)
        {
            span.SetFieldpawsOutcome("no-policy");
            return;
        }

        Activity.Current?.SetTag("fieldpaws.incident.owner_policy", policyNumber); // leak TC1001 direct
        try
        {
            var policy = await insurer.PolicyAsync(policyNumber, cancellationToken) ?? throw new PolicyNotFoundException(policyNumber);
            logger.LogInformation("Third-party cover {Cover} with excess {Excess}", policy.Cover, policy.Excess); // clean precision-about
            logger.LogDebug("Dog owner's policy {Policy}", policy); // leak TC1001 logging-objects
            span.SetFieldpawsOutcome("claim-opened");
        }
        catch (PolicyNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetFieldpawsOutcome("policy-unknown");
        }
        catch (InsurerUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetFieldpawsOutcome("insurer-down");
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Dog bite: {EngineerName} on job {JobId}, {InjuryCode}")]
    private static partial void LogBite(ILogger logger, string engineerName, string jobId, string injuryCode);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Occupational health referral for {EngineerStaffNumber} after job {JobId}")]
    private static partial void LogBiteForOccupationalHealth(ILogger logger, [PrivateData] string engineerStaffNumber, string jobId);
}
