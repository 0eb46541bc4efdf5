namespace PrivacyHoldout118.Retail;

/// <summary>
/// The privacy desk's queue of customer requests (access, erasure, rectification of an address) from the
/// web form and the contact centre. Order data under a chargeback dispute is under a legal hold.
/// </summary>
public sealed partial class CustomerRequestDesk(
    IRequestTracker tracker,
    ILegalHoldRegistry holds,
    IEnumerable<IErasureTarget> targets,
    Pseudonymizer pseudonymizer,
    PrivacyOptions options,
    ILogger<CustomerRequestDesk> logger)
{
    private static readonly ActivitySource Source = new("Shop.Privacy.Desk");
    private static readonly Meter Meter = new("Shop.Privacy.Desk");
    private static readonly RtdsrRequestsCounter Requests = Meter.CreateRtdsrRequestsCounter();
    private static readonly Counter<long> Overdue = Meter.CreateCounter<long>("rtdsr.requests.overdue");

    public async Task TriageAsync(DataSubjectRequest request, string agentStaffNumber, CancellationToken ct)
    {
        using var span = Source.StartRtdsrRequest(request.RequestId.ToString(), request.Type.ToString().ToLowerInvariant());
        span.SetRtdsrSubjectId(pseudonymizer.PseudonymizeRtdsrSubjectId(request.SubjectKey)); // clean precision-pseudonym
        span.SetRtdsrHandlerId(pseudonymizer.PseudonymizeRtdsrHandlerId(agentStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("rtdsr.agent", agentStaffNumber); // leak TC1001 direct
        span.Activity?.SetTag("rtdsr.request.status", request.Status.ToString()); // clean precision-names
        Triaged(logger, request.RequestId, request.SubjectKey, agentStaffNumber); // leak TC1001 cross-member
        request.AssignedTo = agentStaffNumber;
        await tracker.SaveAsync(request, ct);

        var daysLeft = (request.DueBy - DateTimeOffset.UtcNow).TotalDays;
        if (daysLeft < 0)
        {
            var overdue = new RequestOverdueException(request.RequestId, (int)-daysLeft);
            logger.LogError(overdue, "Request overdue"); // clean exceptions
            Overdue.Add(1, new KeyValuePair<string, object?>("kind", request.Type.ToString())); // clean precision-names
        }
        span.Activity?.SetTag("rtdsr.days.left", Math.Round(daysLeft)); // clean precision-about
        logger.LogInformation("Request {Reference} assigned; {Summary}", request.Reference, Summary(request)); // leak TC1001 strings
    }

    public async Task EraseAsync(DataSubjectRequest request, IReadOnlyList<string> orderNumbers, CancellationToken ct)
    {
        using var span = Source.StartRtdsrRequest(request.RequestId.ToString(), "erasure");
        var disputes = await holds.HoldsForAsync(request.SubjectKey, ct);
        span.Activity?.SetTag("rtdsr.orders", string.Join(",", orderNumbers)); // clean precision-names
        span.Activity?.SetTag("rtdsr.holds.count", disputes.Count); // clean precision-about
        foreach (var target in targets)
        {
            try
            {
                var outcome = await target.EraseAsync(request.SubjectKey, ct);
                logger.LogInformation("{System}: {Deleted} deleted, {Anonymised} anonymised, {Status}", outcome.System, outcome.RowsDeleted, outcome.RowsAnonymised, outcome.Status); // clean precision-about
            }
            catch (ErasureBlockedException ex)
            {
                span.SetRtdsrHoldId(ex.HoldId); // clean precision-names
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                logger.LogRtdsrRequestFailedEvent(request.RequestId.ToString(), "held", rtdsrNote: ex.Message); // leak TC1001 exceptions
            }
        }
        Requests.Add(1, "erasure", disputes.Count > 0 ? "partial" : "completed"); // clean generated-api
    }

    public void Rectify(DataSubjectRequest request, string oldPostcode, string newPostcode, string newEmail)
    {
        Activity.Current?.SetTag("rtdsr.postcode.changed", oldPostcode != newPostcode); // clean precision-about
        Activity.Current?.SetTag("rtdsr.postcode.district", Generalise.PostcodeDistrict(newPostcode)); // clean precision-about
        Activity.Current?.SetTag("rtdsr.postcode.new", newPostcode); // leak TC1001 direct
        Activity.Current?.SetTag(RtdsrAttributes.SubjectContact, newEmail); // leak TC1001 generated-api
        logger.LogInformation("Rectified {Fields} for {RequestId}", "postcode,email", request.RequestId); // clean precision-names
    }

    private static string Summary(DataSubjectRequest request) => $"{request.Type} for customer {request.SubjectKey} via {request.Channel}";

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Request {RequestId} for {CustomerNumber} assigned to {Agent}")]
    private static partial void Triaged(ILogger logger, Guid requestId, string customerNumber, string agent);
}
