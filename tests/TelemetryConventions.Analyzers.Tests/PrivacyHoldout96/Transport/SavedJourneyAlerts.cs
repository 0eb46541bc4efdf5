namespace PrivacyHoldout96.Transport;

/// <summary>A journey a rider saved, with the name they gave it ("To Gran's", "Physio Tuesdays").</summary>
public sealed record SavedJourney(Guid Id, Guid RiderId, string FromStop, string ToStop, string Route, TimeOnly Departs, string Nickname);

/// <summary>A disruption on a route.</summary>
public sealed record Disruption(string Id, string Route, string Cause, DateTimeOffset From, DateTimeOffset? Until);

/// <summary>Tells riders whose saved journeys a disruption hits.</summary>
public sealed class SavedJourneyAlerts(Pseudonymizer pseudonymizer, Meter meter, ILogger<SavedJourneyAlerts> logger)
{
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("transit.saved_journey.alerts");

    public void Notify(Disruption disruption, IReadOnlyList<SavedJourney> affected)
    {
        using var scope = logger.BeginScope("Disruption {DisruptionId} on {Route}", disruption.Id, disruption.Route); // clean precision-names
        foreach (var journey in affected)
        {
            logger.LogTripfindSavedJourneyAlertedEvent(journey.Id.ToString(), journey.Route, pseudonymizer.PseudonymizeTripfindRiderId(journey.RiderId.ToString())); // clean generated-api
            logger.LogTripfindSavedJourneyAlertedEvent(journey.Id.ToString(), journey.Route, tripfindNote: $"'{journey.Nickname}' {journey.FromStop}->{journey.ToStop}"); // leak TC1001 generated-api
            logger.LogDebug("Alerted {Journey}", journey); // leak TC1001 logging-objects
            _alerts.Add(1, new KeyValuePair<string, object?>("route", journey.Route), new KeyValuePair<string, object?>("rider", pseudonymizer.ComputeTripfindRiderId(journey.RiderId.ToString()))); // leak TC1003 precision-pseudonym
            _alerts.Add(1, new KeyValuePair<string, object?>("route", journey.Route), new KeyValuePair<string, object?>("cause", disruption.Cause)); // clean precision-names
        }
        logger.LogInformation("{Count} saved journeys alerted for {Cause}", affected.Count, disruption.Cause); // clean precision-about
        logger.LogInformation("Riders alerted {Riders}", affected.Select(j => j.RiderId).Distinct().ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Journeys by departure {Departures}", affected.GroupBy(j => j.Departs).ToDictionary(g => g.Key.ToString("HH:mm", CultureInfo.InvariantCulture), g => g.Count())); // clean logging-objects
    }
}
