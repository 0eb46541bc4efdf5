namespace PrivacyHoldout152.Transport;

/// <summary>Follows childminders' school runs from their phones and tells parents when their child is dropped at school.</summary>
public sealed class SchoolRunTracker(
    IParentMessenger messenger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SchoolRunTracker> logger)
{
    private static readonly ActivitySource Source = new("Childminders.SchoolRuns");

    private readonly Histogram<double> walkMinutes = meter.CreateHistogram<double>("childminder.school_run.minutes", "min");
    private readonly Dictionary<string, GpsFix> lastFixByChildminder = new();
    private SchoolRun? lastRun;

    public void Fix(SchoolRun run, GpsFix fix)
    {
        lastRun = run;
        lastFixByChildminder[run.ChildminderUrn] = fix;
        using var span = Source.StartPickupOperation(run.ChildminderUrn); // leak TC1001 generated-api
        Activity.Current?.SetTag("run.id", run.RunId); // clean precision-names
        Activity.Current?.SetTag("run.school", run.School);
        Activity.Current?.SetTag("run.children", run.ChildIds.Count); // clean precision-about
        Activity.Current?.SetTag("run.position", $"{fix.Latitude:F5},{fix.Longitude:F5}"); // leak TC1001 strings
        Activity.Current?.SetTag("run.area", $"{Math.Round(fix.Latitude, 1)},{Math.Round(fix.Longitude, 1)}"); // clean strings
        logger.LogDebug("Run {Run} at {Fix}", run.RunId, fix); // leak TC1001 logging-objects
    }

    public async Task DroppedAsync(SchoolRun run, IReadOnlyList<ParentContact> parents, TimeSpan walked, CancellationToken cancellationToken)
    {
        using var span = Source.StartPickupOperation("childminders").SetPickupSchool(run.School).SetPickupChildCount(run.ChildIds.Count); // clean precision-about
        span.SetPickupCollectorId(pseudonymizer.PseudonymizePickupCollectorId(run.ChildminderUrn)); // clean precision-pseudonym
        walkMinutes.Record(walked.TotalMinutes, new KeyValuePair<string, object?>("school", run.School));
        walkMinutes.Record(walked.TotalMinutes, new KeyValuePair<string, object?>("childminder", run.ChildminderUrn)); // leak TC1003 direct
        logger.LogInformation("Dropped at school: {Run}", run); // leak TC1001 logging-objects

        foreach (var parent in parents)
        {
            await messenger.TextAsync(parent.Mobile, "tpl-dropped-at-school", cancellationToken);
            Activity.Current?.SetTag(PickupAttributes.Contact, parent.Mobile); // leak TC1001 generated-api
            logger.LogDebug("Parent told, relationship {Relationship}", parent.Relationship); // clean precision-about
        }

        foreach (var childId in run.ChildIds)
        {
            Activity.Current?.AddEvent(new ActivityEvent("child.dropped", tags: new ActivityTagsCollection { ["child"] = pseudonymizer.ComputePickupChildId(childId) })); // clean precision-pseudonym
            Activity.Current?.AddEvent(new ActivityEvent("child.dropped", tags: new ActivityTagsCollection { ["child.id"] = childId })); // leak TC1001 direct
        }
    }

    public void LogMorning()
    {
        logger.LogInformation("{Count} childminders on runs this morning", lastFixByChildminder.Count); // clean cross-member
        logger.LogInformation("Childminders on runs: {Childminders}", lastFixByChildminder.Keys); // leak TC1001 cross-member
        logger.LogInformation("Last run went to {School}", lastRun?.School); // clean cross-member
    }
}
