namespace PrivacyHoldout117.Education;

/// <summary>A child still on board at the end of a run: the tracker's last tap without a tap-off.</summary>
public sealed record StillOnBoard(string StudentNumber, string StudentName, string GuardianEmail, string BusId, string Route);

/// <summary>
/// At the end of each run the escalation job looks for children who tapped on and never tapped off,
/// and tells the transport office and the guardian.
/// </summary>
public sealed class LateBusEscalation(
    ILogger<LateBusEscalation> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private readonly Counter<long> _escalations = meter.CreateCounter<long>("busfleet.escalations");

    public void Escalate(IReadOnlyList<StillOnBoard> children, string busId, string route)
    {
        using var span = source.StartBusfleetIngest($"trust/buses/{busId}/end-of-run"); // clean strings
        span.SetBusfleetRoute(route).SetBusfleetPingCount(children.Count); // clean generated-api
        _escalations.Add(children.Count, new KeyValuePair<string, object?>("route", route)); // clean precision-about
        logger.LogWarning("Children still on board: {Children}", string.Join("; ", children.Select(c => $"{c.StudentName} ({c.StudentNumber})"))); // leak TC1001 strings
        span.SetBusfleetNote($"still on board: {string.Join(",", children.Select(c => c.StudentNumber))}"); // leak TC1001 generated-api

        foreach (var child in children)
        {
            span.Activity?.AddEvent(new ActivityEvent("busfleet.still_on_board", tags: new ActivityTagsCollection { ["student"] = child.StudentNumber })); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("busfleet.still_on_board", tags: new ActivityTagsCollection { ["student"] = pseudonymizer.ComputeBusfleetStudentId(child.StudentNumber) })); // clean precision-pseudonym
            logger.LogBusfleetPingRejectedEvent("trust/buses/+/end-of-run", "still_on_board", pseudonymizer.PseudonymizeBusfleetStudentId(child.StudentNumber), $"guardian {child.GuardianEmail} to be called"); // leak TC1001 generated-api
            logger.LogWarning("Guardian to call: {Guardian}", child.GuardianEmail); // leak TC1001 direct
            span.Activity?.SetTag("busfleet.guardian.bucket", child.GuardianEmail.ToLowerInvariant().GetHashCode() % 100); // leak TC1002 hashes
        }

        logger.LogWarning("Escalation {@First}", children.FirstOrDefault()); // leak TC1001 logging-objects
    }
}
