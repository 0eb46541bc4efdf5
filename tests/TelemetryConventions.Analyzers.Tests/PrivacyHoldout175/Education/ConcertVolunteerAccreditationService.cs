namespace PrivacyHoldout175.Education;

/// <summary>Accredits parent volunteers and staff for the school concerts (stewarding, the bar, backstage).</summary>
public sealed partial class ConcertVolunteerAccreditationService(
    IAccreditationStore accreditations,
    ILogger<ConcertVolunteerAccreditationService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.ConcertAccreditation");
    private static readonly Meter Meter = new("Trust.ConcertAccreditation");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("accreditation.checks");

    public async Task<bool> CheckAsync(string crewId, string zone, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("accreditation.check");
        activity?.SetTag("zone", zone); // clean precision-names
        var accreditation = await accreditations.FindAsync(crewId, cancellationToken);
        if (accreditation is null)
        {
            NoAccreditation(logger, crewId); // leak TC1001 logging-objects
            return false;
        }

        var access = new ZoneAccess(accreditation.Role, zone, accreditation.Role == "production");
        logger.LogInformation("Access {@Access}", access); // clean logging-objects
        logger.LogInformation("Volunteer {Volunteer} checked at {Zone}", accreditation.FullName, zone); // leak TC1001 direct
        Checked(logger, accreditation.BadgeNumber, zone); // clean logging-objects
        activity?.SetTag("badge.last4", accreditation.BadgeNumber[^4..]); // clean precision-about
        activity?.SetTag("volunteer.company", accreditation.Company); // clean precision-names

        var crew = pseudonymizer.PseudonymizeCampusgigsCrewId(crewId);
        using var span = Source.StartCampusgigsOperation(zone).SetCampusgigsCrewId(crew).SetCampusgigsOutcome("admitted"); // clean generated-api
        Checks.Add(1, new KeyValuePair<string, object?>("zone", zone), new KeyValuePair<string, object?>("volunteer", crew)); // leak TC1003 precision-pseudonym

        var digest = MD5.HashData(Encoding.UTF8.GetBytes(accreditation.BadgeNumber));
        activity?.SetTag("badge.digest", Convert.ToBase64String(digest)); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        activity?.SetTag("badge.keyed", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(accreditation.BadgeNumber)))); // clean hashes
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No accreditation for crew id {CrewId}")]
    private static partial void NoAccreditation(ILogger logger, string crewId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Badge {BadgeNumber} checked at {Zone}")]
    private static partial void Checked(ILogger logger, [PrivateData] string badgeNumber, string zone);

    public void Revoke(Accreditation accreditation, string reasonCode)
    {
        using var activity = Source.StartActivity("accreditation.revoke");
        activity?.SetTag("revoke.reason", reasonCode); // clean precision-names
        var ex = new AccreditationRevokedException(accreditation.CrewId);
        logger.LogWarning(ex, "Accreditation revoked ({Reason})", reasonCode); // leak TC1001 exceptions
        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        logger.LogWarning("Revoked {Role} in {Zone}", accreditation.Role, accreditation.Zone); // clean precision-names
        logger.LogWarning("Revoked {Accreditation}", accreditation.FullName + " / " + accreditation.Company); // leak TC1001 strings
        Checks.Add(1, new KeyValuePair<string, object?>("outcome", "revoked")); // clean precision-names
    }
}
