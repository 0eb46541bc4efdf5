namespace PrivacyHoldout155.Media;

/// <summary>
/// Applies for work permits and journalist visas for crews sent abroad, through the broadcaster's permit agent,
/// and tracks how long each country takes.
/// </summary>
public sealed class CrewWorkPermitService(
    IPermitAgent agent,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CrewWorkPermitService> logger)
{
    private readonly Histogram<double> _permitDays = meter.CreateHistogram<double>("crew.permit.days", "d");
    private readonly Counter<long> _refusals = meter.CreateCounter<long>("crew.permit.refusals", "{refusal}");

    public async Task<string?> ApplyAsync(string productionId, CrewMember member, string country, DateTimeOffset requested, CancellationToken cancellationToken)
    {
        using var span = source.StartCrewOperation(productionId);
        span.SetCrewMemberId(pseudonymizer.PseudonymizeCrewMemberId(member.CrewId)); // clean generated-api
        span.SetCrewCountry(country); // clean generated-api
        Activity.Current?.SetTag("crew.role", member.Role); // clean precision-about
        Activity.Current?.SetTag("crew.nationality", member.Nationality); // clean precision-about
        Activity.Current?.SetTag("crew.passport", member.PassportNumber); // leak TC1001 direct
        Activity.Current?.SetTag("crew.member", member.CrewId); // leak TC1001 direct
        using var scope = logger.BeginScope("Permit for {CrewName} to {Country}", member.FullName, country); // leak TC1001 direct
        try
        {
            logger.LogInformation("Permit file {File} sent to the agent", string.Format(CultureInfo.InvariantCulture, "{0}_{1}.pdf", member.PassportNumber, country)); // leak TC1001 strings
            var permitReference = await agent.ApplyAsync(member, country, cancellationToken);
            _permitDays.Record((DateTimeOffset.UtcNow - requested).TotalDays, new KeyValuePair<string, object?>("country", country)); // clean precision-about
            logger.LogInformation("Permit {PermitReference} granted to a {Role}", permitReference, member.Role); // clean precision-about
            span.SetCrewOutcome("granted"); // clean generated-api
            return permitReference;
        }
        catch (PermitRefusedException ex)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("country", country)); // clean precision-about
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogCrewOperationFailedEvent(productionId, "refused", crewMemberId: pseudonymizer.PseudonymizeCrewMemberId(member.CrewId), crewNote: $"Refused for {country}"); // clean generated-api
            Activity.Current?.SetTag("error.type", nameof(PermitRefusedException)); // clean exceptions
            return null;
        }
    }

    public void Roster(string productionId, IReadOnlyList<CrewMember> crew)
    {
        logger.LogInformation("{Production} travels with {Count} crew", productionId, crew.Count); // clean precision-about
        logger.LogInformation("{Production} crew: {Crew}", productionId, crew.Select(c => c.FullName).ToArray()); // leak TC1001 logging-objects
        logger.LogInformation("{Production} roles: {Roles}", productionId, crew.Select(c => c.Role).Distinct().ToArray()); // clean logging-objects
    }
}
