namespace PrivacyHoldout118.Media;

/// <summary>
/// Erasure requests from subscribers: the account, its viewing profiles, viewing history, recommendations
/// and the payment provider's customer record are erased; invoices are kept for tax and stay under the
/// retention schedule.
/// </summary>
public sealed class SubscriberErasureOrchestrator(
    IRequestTracker tracker,
    IEnumerable<IErasureTarget> targets,
    ILegalHoldRegistry holds,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriberErasureOrchestrator> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Privacy.Erasure");
    private static readonly Meter Meter = new("Streaming.Privacy.Erasure");
    private static readonly MddsrRequestsCounter Requests = Meter.CreateMddsrRequestsCounter();
    private static readonly Histogram<double> DaysToComplete = Meter.CreateHistogram<double>("mddsr.erasure.days");

    public async Task RunAsync(DataSubjectRequest request, IReadOnlyList<ViewingProfile> profiles, CancellationToken ct)
    {
        var subscriberId = Guid.Parse(request.SubjectKey);
        using var span = Source.StartMddsrRequest(request.RequestId.ToString(), "erasure");
        span.SetMddsrSubjectId(pseudonymizer.PseudonymizeMddsrSubjectId(request.SubjectKey)); // clean precision-pseudonym
        span.Activity?.SetTag("mddsr.profiles.count", profiles.Count); // clean precision-about
        span.Activity?.SetTag("mddsr.profiles", string.Join(",", profiles.Select(p => p.Name))); // leak TC1001 strings
        span.Activity?.SetTag("mddsr.profile.ids", string.Join(",", profiles.Select(p => p.ProfileId))); // leak TC1001 strings
        logger.LogInformation("Erasing subscriber {SubscriberId} with {Profiles} profiles", subscriberId, profiles.Count); // leak TC1001 direct

        var matterHolds = await holds.HoldsForAsync(request.SubjectKey, ct);
        if (matterHolds.Count > 0)
        {
            span.SetMddsrHoldId(matterHolds[0].HoldId).SetMddsrOutcome("held"); // clean precision-names
            logger.LogWarning("Erasure {RequestId} paused: hold {HoldId} on matter {Matter}", request.RequestId, matterHolds[0].HoldId, matterHolds[0].Matter); // clean precision-names
            logger.LogWarning("Hold placed by {PlacedBy}", matterHolds[0].PlacedBy); // leak TC1001 cross-member
            Requests.Add(1, "erasure", "held"); // clean generated-api
            return;
        }

        foreach (var target in targets)
        {
            using var step = Source.StartActivity("erase " + target.System);
            try
            {
                var outcome = await target.EraseAsync(request.SubjectKey, ct);
                step?.SetTag("mddsr.system", outcome.System); // clean precision-names
                step?.SetTag("mddsr.rows.deleted", outcome.RowsDeleted); // clean precision-about
                await tracker.AddStepAsync(new RequestStep(request.RequestId, target.System, "erase", RequestStatus.Completed, outcome.RowsDeleted), ct);
            }
            catch (SubjectNotFoundException ex)
            {
                step?.SetTag("mddsr.system.empty", true); // clean precision-about
                step?.AddException(ex); // leak TC1001 exceptions
            }
            catch (ErasureFailedException ex)
            {
                step?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogMddsrRequestFailedEvent(request.RequestId.ToString(), "failed", mddsrNote: ex.Message); // clean exceptions
            }
        }

        DaysToComplete.Record((DateTimeOffset.UtcNow - request.ReceivedAt).TotalDays, new KeyValuePair<string, object?>("channel", request.Channel)); // clean precision-names
        Requests.Add(1, "erasure", "completed"); // clean generated-api
        Requests.Add(1, "erasure", request.SubjectKey); // leak TC1003 generated-api
    }
}

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids);
