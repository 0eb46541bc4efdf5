using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Healthcare;

/// <summary>Plans the domiciliary round: hearing aid repairs and eye tests at home for housebound patients.</summary>
public sealed class HomeVisitWorker(
    PatientStore patients,
    TextMessenger texts,
    ILogger<HomeVisitWorker> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    CareOptions options) : BackgroundService
{
    private readonly Histogram<double> _travel = meter.CreateHistogram<double>("homevisit.travel.minutes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = $"{options.Region}-{DateTime.Today:yyyyMMdd}";
        var visits = await patients.VisitsForRoundAsync(round, stoppingToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Round"] = round, ["Visits"] = visits.Count }); // clean precision-about

        foreach (var visit in visits)
        {
            await PlanAsync(visit, stoppingToken);
        }

        logger.LogInformation("Round {Round} planned with {Count} visits", round, visits.Count); // clean precision-about
        logger.LogInformation("Round addresses: {Addresses}", string.Join("; ", visits.Select(v => v.AddressLine))); // leak TC1001 strings
        logger.LogInformation("Round districts: {Districts}", string.Join(",", visits.Select(v => v.Postcode.Split(' ')[0]).Distinct())); // clean strings
    }

    private async Task PlanAsync(HomeVisit visit, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartEarclinicOperation(visit.Round);
        var pseudonym = pseudonymizer.PseudonymizeEarclinicClientId(visit.NhsNumber);
        span.SetEarclinicClientId(pseudonym).SetEarclinicMode("home-visit"); // clean precision-pseudonym
        span.SetEarclinicNote($"Visit {visit.VisitId} on round {visit.Round}"); // clean generated-api
        span.SetEarclinicNote($"Key safe {visit.KeySafeCode} at {visit.AddressLine}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("homevisit.id", visit.VisitId); // clean precision-names
        activity?.SetTag("homevisit.address", visit.AddressLine); // leak TC1001 direct
        activity?.SetTag("homevisit.keysafe_code", visit.KeySafeCode); // leak TC1001 direct
        activity?.SetTag("homevisit.has_keysafe", !string.IsNullOrEmpty(visit.KeySafeCode)); // clean precision-about
        activity?.AddEvent(new ActivityEvent("visit.planned", tags: new ActivityTagsCollection { ["patient"] = visit.PatientName })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("visit.planned", tags: new ActivityTagsCollection { ["patient.pseudonym"] = pseudonym.Value })); // clean precision-pseudonym

        Baggage.SetBaggage("homevisit.patient", pseudonym.Value); // clean precision-pseudonym
        Baggage.SetBaggage("homevisit.nhs_number", visit.NhsNumber); // leak TC1001 direct

        logger.LogInformation("Planned {Visit}", visit); // leak TC1001 logging-objects
        logger.LogInformation("Planned {Slot}", new VisitSlot(visit.VisitId, visit.Round, DateTime.Today.AddHours(9), 45)); // clean logging-objects
        logger.LogInformation("Planned {@Stop}", new { visit.VisitId, visit.Round, District = visit.Postcode.Split(' ')[0] }); // clean logging-objects
        logger.LogInformation("Planned {@Stop}", new { visit.VisitId, visit.PatientName }); // leak TC1001 logging-objects

        var message = new StringBuilder().Append("Your audiologist will visit ").Append(visit.Round).ToString();
        logger.LogDebug("Reminder text: {Text}", message); // clean strings

        var minutes = Stopwatch.GetElapsedTime(started).TotalMinutes;
        _travel.Record(minutes, new KeyValuePair<string, object?>("round", visit.Round)); // clean precision-about
        _travel.Record(minutes, new KeyValuePair<string, object?>("postcode", visit.Postcode)); // leak TC1003 direct
        meter.CreateEarclinicOperationDurationHistogram().Record(minutes * 60, visit.Round); // clean generated-api
        _ = options;
    }
}
