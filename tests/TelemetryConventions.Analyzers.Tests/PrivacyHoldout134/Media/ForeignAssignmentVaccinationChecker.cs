namespace PrivacyHoldout134.Media;

/// <summary>A crew member's travel vaccinations as the occupational health provider returns them.</summary>
public sealed record TravelVaccinationStatus(string StaffNumber, string FullName, string Vaccine, DateOnly? GivenOn, DateOnly? ExpiresOn);

/// <summary>A crew member lacks a required vaccination; quotes their name and the vaccine.</summary>
public sealed class VaccinationMissingException(string fullName, string vaccine) : Exception($"{fullName} has no valid {vaccine}")
{
    public string Vaccine { get; } = vaccine;
}

/// <summary>Before a foreign assignment, checks each crew member's travel vaccinations against the destination's requirements.</summary>
public sealed class ForeignAssignmentVaccinationChecker(Pseudonymizer pseudonymizer, ILogger<ForeignAssignmentVaccinationChecker> logger)
{
    private static readonly ActivitySource Source = new("News.Assignments");
    private static readonly Meter Meter = new("News.Assignments");
    private readonly CrewhealthChecksCounter _checks = Meter.CreateCrewhealthChecksCounter();

    public bool Check(string assignmentId, string country, IReadOnlyList<string> required, IReadOnlyList<TravelVaccinationStatus> statuses, DateOnly departure)
    {
        using var span = Source.StartCrewhealthCheck(crewhealthAssignment: country);
        span.SetCrewhealthItemCount(statuses.Select(s => s.StaffNumber).Distinct().Count()); // clean precision-about
        span.Activity?.SetTag("assignment.id", assignmentId); // clean precision-names
        span.Activity?.SetTag("assignment.required_vaccines", required.ToArray()); // clean precision-names
        span.Activity?.SetTag("assignment.crew", string.Join(",", statuses.Select(s => s.FullName).Distinct())); // leak TC1001 strings
        logger.LogInformation("Vaccines checked: {Summary}", $"{required.Count} required for {country}, departing {departure:yyyy-MM-dd}"); // clean strings

        var ready = true;
        foreach (var crew in statuses.GroupBy(s => s.StaffNumber))
        {
            foreach (var vaccine in required)
            {
                var status = crew.FirstOrDefault(s => s.Vaccine == vaccine);
                try
                {
                    if (status?.ExpiresOn is null || status.ExpiresOn < departure)
                    {
                        throw new VaccinationMissingException(crew.First().FullName, vaccine);
                    }
                }
                catch (VaccinationMissingException ex)
                {
                    ready = false;
                    span.Activity?.AddEvent(new ActivityEvent("crew.not_ready", tags: new ActivityTagsCollection { ["crew"] = pseudonymizer.ComputeCrewhealthCrewId(crew.Key), ["vaccine"] = ex.Vaccine })); // clean precision-pseudonym
                    span.Activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
                    logger.LogCrewhealthCheckFailedEvent(crewhealthAssignment: country, crewhealthOutcome: "missing-" + ex.Vaccine, crewhealthCrewId: pseudonymizer.PseudonymizeCrewhealthCrewId(crew.Key)); // clean generated-api
                    logger.LogWarning("Not ready for {Country}: {StaffNumber} needs {Vaccine}", country, crew.Key, vaccine); // leak TC1001 direct
                }
            }
        }

        var expiring = statuses.Where(s => s.ExpiresOn is { } e && e < departure.AddMonths(3)).ToList();
        logger.LogInformation("Expiring within three months of departure: {Statuses}", expiring); // leak TC1001 logging-objects
        logger.LogInformation("{Count} vaccinations expire within three months", expiring.Count); // clean precision-about
        _checks.Add(1, crewhealthAssignment: country, crewhealthOutcome: ready ? "ready" : "not-ready"); // clean generated-api
        return ready;
    }
}
