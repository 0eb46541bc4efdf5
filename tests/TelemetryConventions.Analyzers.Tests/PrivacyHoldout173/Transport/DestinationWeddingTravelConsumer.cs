namespace PrivacyHoldout173.Transport;

/// <summary>Consumes group flight bookings for destination weddings (the topic is keyed by the lead guest's email).</summary>
public sealed class DestinationWeddingTravelConsumer(
    IConsumer<string, GroupTravelBooking> consumer,
    ILogger<DestinationWeddingTravelConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Operator.Groups.DestinationWeddings");
    private static readonly Meter Meter = new("Operator.Groups.DestinationWeddings");
    private static readonly Counter<long> Travellers = Meter.CreateCounter<long>("groups.travellers");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var durations = Meter.CreateWeddingcarsOperationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await Task.Delay(500, stoppingToken);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var booking = result.Message.Value;
            using var span = Source.StartWeddingcarsOperation("groups-desk");
            span.SetWeddingcarsItemCount(booking.Travellers); // clean generated-api
            span.SetWeddingcarsGuestId(pseudonymizer.PseudonymizeWeddingcarsGuestId(result.Message.Key)); // clean generated-api
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            Activity.Current?.SetTag("groups.destination", booking.Destination); // clean precision-about
            Activity.Current?.SetTag("groups.flight", booking.Flight); // clean precision-about
            Travellers.Add(booking.Travellers, new KeyValuePair<string, object?>("destination", booking.Destination)); // clean precision-about

            if (booking.DietaryRequests.Count > 0)
            {
                logger.LogInformation("Meal requests for {Flight}: {Requests}", booking.Flight, booking.DietaryRequests); // leak TC1001 logging-objects
                logger.LogInformation("{Count} meal requests for {Flight}", booking.DietaryRequests.Count, booking.Flight); // clean precision-about
                foreach (var code in booking.DietaryRequests.Values.Distinct())
                {
                    Activity.Current?.AddEvent(new ActivityEvent("meal.code", tags: new ActivityTagsCollection { ["code"] = code })); // clean precision-about
                }
            }

            var lead = pseudonymizer.PseudonymizeWeddingcarsGuestId(result.Message.Key);
            Travellers.Add(1, new KeyValuePair<string, object?>("lead", lead.Value)); // leak TC1003 precision-pseudonym
            logger.LogInformation("Group {GroupRef} led by {Lead}", booking.GroupRef, lead); // clean precision-pseudonym
            durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "groups-desk"); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void ReportMissingPassports(string groupRef, IReadOnlyList<(string Name, string PassportNumber)> missing)
    {
        using var activity = Source.StartActivity("groups.passports.missing");
        activity?.SetTag("groups.ref", groupRef); // clean precision-names
        activity?.SetTag("groups.passports.missing", missing.Count); // clean precision-about
        var chase = string.Join("; ", missing.Select(m => $"{m.Name} ({m.PassportNumber[^4..]})"));
        logger.LogWarning("Chase passports for {Chase}", chase); // leak TC1001 strings
        foreach (var (name, passport) in missing)
        {
            activity?.AddEvent(new ActivityEvent("passport.missing", tags: new ActivityTagsCollection { ["passport"] = passport })); // leak TC1001 direct
            logger.LogDebug("Passport ends {Last4}", passport[^4..]); // clean precision-about
        }
    }
}

/// <summary>A group flight booking for a destination wedding: group reference, flight, destination, travellers and meal codes keyed by traveller name.</summary>
public sealed record GroupTravelBooking(string GroupRef, string Flight, string Destination, int Travellers, IReadOnlyDictionary<string, string> DietaryRequests);
