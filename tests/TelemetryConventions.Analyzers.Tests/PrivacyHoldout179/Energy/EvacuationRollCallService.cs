namespace PrivacyHoldout179.Energy;

/// <summary>At a fire alarm, reads who is on the power station's site from the visitor log and tracks the muster.</summary>
public sealed partial class EvacuationRollCallService(
    IVisitorLog visitorLog,
    ILogger<EvacuationRollCallService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Generation.Site.RollCall");
    private readonly Counter<long> _missing = meter.CreateCounter<long>("site.rollcall.missing");
    private readonly PlantgateOperationsCounter _operations = meter.CreatePlantgateOperationsCounter();
    private readonly PlantgateOperationDurationHistogram _duration = meter.CreatePlantgateOperationDurationHistogram();
    private readonly Dictionary<string, string> _missingByMusterPoint = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPlantgateOperation("drax-north");
        var people = await visitorLog.OnSiteAsync("drax-north", stoppingToken);
        span.SetPlantgateItemCount(people.Count); // clean precision-about
        span.SetPlantgateVisitType("roll_call"); // clean precision-names

        foreach (var group in people.GroupBy(p => p.MusterPoint))
        {
            var summary = new RollCallSummary(group.Key, group.Count(), group.Count(p => p.Accounted));
            logger.LogInformation("Muster point {Summary}", summary); // clean logging-objects
            _missing.Add(summary.Expected - summary.Accounted, new KeyValuePair<string, object?>("muster_point", group.Key)); // clean precision-names
            foreach (var person in group.Where(p => !p.Accounted))
            {
                _missingByMusterPoint[group.Key] = person.PersonName;
                span.Activity?.AddEvent(new ActivityEvent("rollcall.missing", tags: new ActivityTagsCollection { ["person"] = person.PersonName, ["muster_point"] = group.Key })); // leak TC1001 direct
                span.Activity?.AddEvent(new ActivityEvent("rollcall.missing", tags: new ActivityTagsCollection { ["person"] = pseudonymizer.ComputePlantgateVisitorId(person.PersonId) })); // clean precision-pseudonym
                logger.LogWarning("Not accounted for: {Person}", person); // leak TC1001 logging-objects
                _missing.Add(1, new KeyValuePair<string, object?>("person", person.PersonId)); // leak TC1003 direct
                _missing.Add(1, new KeyValuePair<string, object?>("person", pseudonymizer.PseudonymizePlantgateVisitorId(person.PersonId).ToString())); // leak TC1003 precision-pseudonym
            }
        }

        ReportMissing();
        var names = people.Where(p => !p.Accounted).Select(p => p.PersonName).ToArray();
        span.SetPlantgateNote("Missing: " + string.Join("; ", names)); // leak TC1001 generated-api
        span.SetPlantgateNote($"Missing: {names.Length} of {people.Count}"); // clean generated-api
        span.SetPlantgateOutcome(names.Length == 0 ? "all_accounted" : "missing"); // clean generated-api
        logger.LogInformation("Missing people: {Missing}", names); // leak TC1001 logging-objects
        _operations.Add(1, "drax-north", names.Length == 0 ? "all_accounted" : "missing"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "drax-north"); // clean generated-api
    }

    private void ReportMissing()
    {
        foreach (var (musterPoint, name) in _missingByMusterPoint)
        {
            logger.LogWarning("Last missing at {MusterPoint}: {Name}", musterPoint, name); // leak TC1001 cross-member
            logger.LogWarning("Someone is missing at {MusterPoint}", musterPoint); // clean precision-names
        }
    }
}
