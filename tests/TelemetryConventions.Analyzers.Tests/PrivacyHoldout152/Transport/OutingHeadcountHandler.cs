namespace PrivacyHoldout152.Transport;

/// <summary>Checks headcounts on nursery outings by minibus and logs which children were counted at each stop.</summary>
public sealed class OutingHeadcountHandler(
    IChildRegister children,
    Pseudonymizer pseudonymizer,
    ILogger<OutingHeadcountHandler> logger)
{
    private static readonly ActivitySource Source = new("Nursery.Outings");
    private static readonly Meter Meter = new("Nursery.Outings");
    private static readonly Counter<long> Counts = Meter.CreateCounter<long>("nursery.outing.headcounts");

    private readonly List<string> missingAtLastCount = new();
    private Outing? currentOuting;

    public async Task<bool> CountAsync(Outing outing, string stop, IReadOnlyList<string> expectedChildIds, IReadOnlyList<string> scannedChildIds, CancellationToken cancellationToken)
    {
        currentOuting = outing;
        using var span = Source.StartPickupOperation(outing.SettingUrn).SetPickupChildCount(scannedChildIds.Count); // clean precision-about
        Activity.Current?.SetTag("outing.id", outing.OutingId); // clean precision-names
        Activity.Current?.SetTag("outing.destination", outing.Destination);
        Activity.Current?.SetTag("outing.minibus", outing.MinibusPlate); // clean precision-about
        Activity.Current?.SetTag("outing.stop", stop);
        logger.LogInformation("Outing {Outing}", outing); // clean logging-objects
        Counts.Add(1, new KeyValuePair<string, object?>("destination", outing.Destination));

        var missing = expectedChildIds.Except(scannedChildIds).ToList();
        missingAtLastCount.Clear();
        missingAtLastCount.AddRange(missing);
        if (missing.Count == 0)
        {
            span.SetPickupOutcome("all-present"); // clean generated-api
            return true;
        }

        var mismatch = new HeadcountMismatchException(outing.OutingId, expectedChildIds.Count, scannedChildIds.Count);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, mismatch.Message); // clean exceptions
        logger.LogError(mismatch, "Headcount mismatch at {Stop}", stop); // clean exceptions
        span.SetPickupNote($"Missing {missing.Count} of {expectedChildIds.Count} at {stop}"); // clean generated-api

        foreach (var childId in missing)
        {
            var child = await children.FindAsync(childId, cancellationToken);
            logger.LogCritical("Missing at {Stop}: {ChildName}", stop, child is null ? childId : $"{child.FirstName} {child.LastName}"); // leak TC1001 strings
            logger.LogCritical("Missing at {Stop}: {Child}", stop, pseudonymizer.ComputePickupChildId(childId)); // clean precision-pseudonym
            logger.LogCritical("Missing child record: {Child}", child); // leak TC1001 logging-objects
            span.SetPickupNote($"Missing {child?.FirstName} from {child?.Room}"); // leak TC1001 generated-api
            Counts.Add(1, new KeyValuePair<string, object?>("missing_child", childId)); // leak TC1003 direct
        }

        return false;
    }

    public void LogReturn()
    {
        logger.LogInformation("Outing {OutingId} back with {Missing} missing at the last count", currentOuting?.OutingId, missingAtLastCount.Count); // clean cross-member
        logger.LogInformation("Missing at the last count: {Children}", string.Join(",", missingAtLastCount)); // leak TC1001 cross-member
    }
}
