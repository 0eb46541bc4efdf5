namespace PrivacyHoldout136.Media;

public sealed record TalentParkingRequest(string ContributorId, string ContributorName, string AgentEmail, string Vrm, string Production, DateOnly ShootDay, bool Trailer);

/// <summary>Allocates studio lot bays to productions' talent and crew for shoot days.</summary>
public sealed class StudioLotParkingAllocator(ILogger<StudioLotParkingAllocator> logger, ActivitySource activitySource, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly StudiogateEntriesCounter _allocations = meter.CreateStudiogateEntriesCounter();
    private readonly Histogram<int> _baysPerProduction = meter.CreateHistogram<int>("lot.bays_per_production");

    public IReadOnlyList<string> Allocate(IReadOnlyList<TalentParkingRequest> requests, int freeBays)
    {
        using var span = activitySource.StartStudiogateAccess("lot-b");
        span.SetStudiogateCount(requests.Count); // clean precision-about
        var allocated = requests.OrderByDescending(r => r.Trailer).Take(freeBays).ToList();
        var waitlisted = requests.Except(allocated).ToList();

        foreach (var group in allocated.GroupBy(r => r.Production))
        {
            _baysPerProduction.Record(group.Count(), new KeyValuePair<string, object?>("production", group.Key)); // clean precision-names
        }

        span.Activity?.SetTag("lot.waitlisted", waitlisted.Count); // clean precision-about
        span.Activity?.SetTag("lot.waitlisted.names", waitlisted.Select(r => r.ContributorName).ToArray()); // leak TC1001 direct
        logger.LogInformation("Allocated {Allocated} bays, waitlisted contributors {Waitlisted}", allocated.Count, waitlisted.Select(r => r.ContributorId)); // leak TC1001 logging-objects

        foreach (var request in allocated)
        {
            _allocations.Add(1, "lot-b", studiogateOutcome: request.Trailer ? "trailer" : "car"); // clean generated-api
            logger.LogStudiogateAccessDeniedEvent("lot-b", "allocated", pseudonymizer.PseudonymizeStudiogateHolderId(request.ContributorId), $"bay for {request.Production}"); // clean generated-api
            span.Activity?.AddEvent(new ActivityEvent("lot.allocated", tags: new ActivityTagsCollection { ["vrm"] = request.Vrm, ["production"] = request.Production })); // leak TC1001 direct
            span.Activity?.SetTag(StudiogateAttributes.Contact, pseudonymizer.PseudonymizeStudiogateHolderId(request.AgentEmail).Value); // leak TC1001 precision-pseudonym
        }

        return allocated.Select(r => r.Vrm).ToList();
    }
}
