namespace PrivacyHoldout150.Transport;

/// <summary>
/// "Share my journey": a member heading to a first date shares their live trip with a trusted friend, who is texted if
/// the member does not check in safe by the expected end.
/// </summary>
public sealed class SafeJourneyService(IMemberMessenger messenger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<SafeJourneyService> logger)
{
    private readonly Counter<long> _fixes = meter.CreateCounter<long>("safedate.position.fixes");
    private readonly Dictionary<string, SharedJourney> _active = new();

    public async Task StartAsync(SharedJourney journey, CancellationToken cancellationToken)
    {
        _active[journey.TripId] = journey;
        using var span = source.StartSafedateOperation("manchester");
        span.SetSafedateMemberId(pseudonymizer.PseudonymizeSafedateMemberId(journey.MemberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("safedate.trip.id", journey.TripId); // clean precision-names
        Activity.Current?.SetTag("safedate.venue", journey.VenueName); // clean precision-about
        Activity.Current?.SetTag("safedate.trusted_contact", journey.TrustedContactPhone); // leak TC1001 direct
        await messenger.TextAsync(journey.TrustedContactPhone, $"Following a trip to {journey.VenueName}", cancellationToken);
        logger.LogInformation("Journey shared with {TrustedContactName}", journey.TrustedContactName); // leak TC1001 direct
    }

    public void Track(PositionFix fix)
    {
        _fixes.Add(1, new KeyValuePair<string, object?>("safedate.speed_band", fix.SpeedKph > 50 ? "fast" : "slow")); // clean precision-about
        Activity.Current?.SetTag("safedate.position", $"{fix.Latitude:F5},{fix.Longitude:F5}"); // leak TC1001 strings
        Activity.Current?.SetTag("safedate.position.area", $"{Math.Round(fix.Latitude, 1)},{Math.Round(fix.Longitude, 1)}"); // clean strings
    }

    public void CheckOverdue(DateTimeOffset now)
    {
        foreach (var journey in _active.Values.Where(j => j.Eta < now).ToList())
        {
            try
            {
                Reload(journey.TripId);
            }
            catch (TripNotFoundException ex)
            {
                logger.LogError(ex, "Overdue trip could not be reloaded"); // clean exceptions
            }

            logger.LogSafedateOperationFailedEvent("manchester", "overdue", safedateMemberId: pseudonymizer.PseudonymizeSafedateMemberId(journey.MemberId.ToString())); // clean precision-pseudonym
            logger.LogWarning("Overdue {Journey}", journey); // leak TC1001 logging-objects
        }
    }

    private void Reload(string tripId)
    {
        if (!_active.Remove(tripId, out var journey) || journey.Eta == default)
        {
            throw new TripNotFoundException(tripId);
        }

        _active[tripId] = journey;
    }
}
