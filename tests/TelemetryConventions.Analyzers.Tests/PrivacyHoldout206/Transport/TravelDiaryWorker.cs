namespace PrivacyHoldout206.Transport;

/// <summary>A transport research study: commuters' travel diaries arrive from a queue and are linked to smart-card taps.</summary>
public sealed partial class TravelDiaryWorker(IQueueReceiver<CommuterDiaryDay> queue, IParticipantRegistry registry, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<TravelDiaryWorker> logger) : BackgroundService
{
    private static readonly Counter<long> Days = StudyTelemetry.Meter.CreateCounter<long>("travel.diary.days");
    private static readonly Histogram<int> Trips = StudyTelemetry.Meter.CreateHistogram<int>("travel.diary.trips");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var day = await queue.ReceiveAsync(stoppingToken);
            if (day is null)
            {
                continue;
            }

            await HandleAsync(day, stoppingToken);
        }
    }

    private async Task HandleAsync(CommuterDiaryDay day, CancellationToken ct)
    {
        using var activity = StudyTelemetry.Source.StartActivity("travel.diary.day", ActivityKind.Consumer);
        activity?.SetTag("travel.card", day.TravelCard); // leak TC1001 direct
        activity?.SetTag("travel.home_postcode", day.HomePostcode); // leak TC1001 direct
        activity?.SetTag("travel.home_district", day.HomePostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("travel.first.lat", day.FirstLatitude); // leak TC1001 direct
        activity?.SetTag("travel.first.cell_lat", Math.Round(day.FirstLatitude, 1)); // clean precision-about
        activity?.SetTag("travel.trips", day.Trips); // clean precision-about
        activity?.SetTag("travel.participant", pseudonymizer.ComputeTravelstudyParticipantId(day.StudyNumber)); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("travel.diary.received", tags: new ActivityTagsCollection { ["travel.study_number"] = day.StudyNumber })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("travel.diary.received", tags: new ActivityTagsCollection { ["travel.trips"] = day.Trips })); // clean precision-about
        logger.LogInformation("Diary day {Day}", day); // leak TC1001 logging-objects
        logger.LogInformation("Diary day {@Day}", day with { TravelCard = "", HomePostcode = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Diary day {@Day}", new { day.Trips, District = day.HomePostcode.Split(' ')[0] }); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["TravelCard"] = day.TravelCard })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Linking taps");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Trips"] = day.Trips, ["Study"] = "COMMUTE-24" })) // clean logging-objects
        {
            logger.LogInformation("Linked taps");
        }

        Days.Add(1, new KeyValuePair<string, object?>("travel.district", day.HomePostcode.Split(' ')[0])); // clean precision-about
        Days.Add(1, new KeyValuePair<string, object?>("travel.card", day.TravelCard)); // leak TC1003 direct
        Days.Add(1, new KeyValuePair<string, object?>("travel.participant", pseudonymizer.ComputeTravelstudyParticipantId(day.StudyNumber))); // leak TC1003 precision-pseudonym
        Trips.Record(day.Trips, new KeyValuePair<string, object?>("travel.study", "COMMUTE-24")); // clean precision-names
        var cardKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(day.TravelCard)))[..16];
        activity?.SetTag("travel.card.key", cardKey); // leak TC1002 hashes
        var sample = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(day.StudyNumber))[0] < 26;
        activity?.SetTag("travel.sampled", sample); // clean hashes
        var line = $"diary {day.StudyNumber} with {day.Trips} trips";
        logger.LogInformation(line); // leak TC1001 strings
        var zoneLine = $"diary of {day.Trips} trips for COMMUTE-24";
        logger.LogInformation(zoneLine); // clean strings
        try
        {
            var participant = await registry.FindAsync(day.StudyNumber, ct) ?? throw new ParticipantNotFoundException(day.StudyNumber);
            activity?.SetTag("travel.site", participant.SiteCode); // clean precision-names
            LogLinked(logger, participant.Mobile, participant.SiteCode); // clean logging-objects
            LogLinkedCard(logger, day.TravelCard, participant.SiteCode); // leak TC1001 logging-objects
        }
        catch (ParticipantNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogWarning(ex, "Unknown participant in diary"); // leak TC1001 exceptions
            logger.LogTravelstudyOperationFailedEvent("diary", "unknown", travelstudyNote: ex.Message); // leak TC1001 generated-api
            logger.LogTravelstudyOperationFailedEvent("diary", "unknown", pseudonymizer.PseudonymizeTravelstudyParticipantId(day.StudyNumber)); // clean generated-api
        }
        catch (StudyClosedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Study {Study} closed", ex.StudyCode); // clean exceptions
        }
    }

    public void PublishZones(IReadOnlyList<ZoneTripCount> zones)
    {
        using var span = StudyTelemetry.Source.StartTravelstudyOperation("city-north"); // clean generated-api
        span.SetTravelstudyItems(zones.Count); // clean generated-api
        span.SetTravelstudyStudy("COMMUTE-24"); // clean generated-api
        span.SetTravelstudyNote(string.Join(",", zones.Select(z => z.Zone))); // clean generated-api
        logger.LogInformation("Zones {Zones}", zones); // clean logging-objects
        Activity.Current?.SetTag("travel.commuter_count", zones.Sum(z => z.Commuters)); // clean precision-names
        Activity.Current?.SetTag("travel.passenger_survey_wave", "w2"); // clean precision-names
        StudyTelemetry.Meter.CreateTravelstudyOperationsCounter().Add(1, "city-north", "published"); // clean generated-api
        StudyTelemetry.Meter.CreateTravelstudyOperationDurationHistogram().Record(0.8, "city-north"); // clean generated-api
    }

    public void TagRider(CommuterDiaryDay day)
    {
        using var span = StudyTelemetry.Source.StartTravelstudyOperation("city-north"); // clean generated-api
        span.SetTravelstudyNote($"rider card {day.TravelCard}"); // leak TC1001 generated-api
        span.SetTravelstudyParticipantId(Pseudonym.FromComputed(day.StudyNumber)); // leak TC1001 generated-api
    }

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Linked diary, reminder to {Mobile} at {Site}")]
    private static partial void LogLinked(ILogger logger, [PrivateData] string mobile, string site);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Linked card {TravelCard} at {Site}")]
    private static partial void LogLinkedCard(ILogger logger, string travelCard, string site);
}
