namespace PrivacyHoldout211.Media;

/// <summary>The streaming service's listener accounts, family plans and listening history.</summary>
public sealed partial class ListenerAccountRepository(
    IListenerStore store,
    IRecommender recommender,
    ILogger<ListenerAccountRepository> logger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    StreamingOptions options)
{
    private static readonly ActivitySource Source = new("Streaming.Accounts");
    private readonly UpDownCounter<int> _activeSessions = meter.CreateUpDownCounter<int>("listener.sessions.active");
    private Listener? _lastSaved;

    private static string PlanKey(FamilyPlan plan) => $"{plan.PlanId}:{plan.OwnerListenerId}";

    public async Task SaveAsync(Listener listener, CancellationToken cancellationToken)
    {
        using var span = Source.StartTunedeckOperation(options.Market);
        span.SetTunedeckListenerId(pseudonymizer.PseudonymizeTunedeckListenerId(listener.ListenerId)); // clean generated-api
        span.SetTunedeckOutcome("saved"); // clean generated-api
        span.SetTunedeckNote($"tier={listener.PlanTier} country={listener.Country}"); // clean generated-api
        span.SetTunedeckNote($"saved {listener.DisplayName}"); // leak TC1001 generated-api
        await store.SaveAsync(listener, cancellationToken);
        _lastSaved = listener;
        Activity.Current?.SetTag("listener.country", listener.Country); // clean precision-about
        Activity.Current?.SetTag("listener.tier", listener.PlanTier); // clean precision-about
        Activity.Current?.SetTag("listener.age_band", (DateTime.UtcNow.Year - listener.DateOfBirth.Year) / 10 * 10); // clean precision-about
        Activity.Current?.SetTag("listener.id", listener.ListenerId); // leak TC1001 direct
        Activity.Current?.SetTag("listener.display_name", listener.DisplayName); // leak TC1001 direct
        Activity.Current?.SetTag("listener.birth_date", listener.DateOfBirth); // leak TC1001 direct
        logger.LogInformation("Saved listener {Listener}", listener); // leak TC1001 logging-objects
        logger.LogInformation("Saved listener {@Listener}", new { listener.Country, listener.PlanTier }); // clean logging-objects
        logger.LogInformation("Saved listener {Ref}", pseudonymizer.ComputeTunedeckListenerId(listener.ListenerId)); // clean precision-pseudonym
        _activeSessions.Add(1, new KeyValuePair<string, object?>("tier", listener.PlanTier)); // clean precision-names
        _activeSessions.Add(1, new KeyValuePair<string, object?>("listener", pseudonymizer.ComputeTunedeckListenerId(listener.ListenerId))); // leak TC1003 precision-pseudonym
    }

    public void AuditLastSave()
    {
        if (_lastSaved is null)
        {
            return;
        }

        Activity.Current?.SetTag("audit.last_email", _lastSaved.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("audit.last_country", _lastSaved.Country); // clean cross-member
        logger.LogInformation("Last saved {Tier}", _lastSaved.PlanTier); // clean cross-member
    }

    public async Task<FamilyPlan?> LoadPlanAsync(string planId, CancellationToken cancellationToken)
    {
        var plan = await store.FindPlanAsync(planId, cancellationToken);
        var activity = Activity.Current;
        activity?.SetTag("family_plan.id", planId); // clean precision-names
        if (plan is null)
        {
            return null;
        }

        activity?.SetTag("family_plan.key", PlanKey(plan)); // leak TC1001 cross-member
        activity?.SetTag("family_plan.size", plan.Members.Count); // clean precision-about
        activity?.SetTag("family_plan.owner_email_domain", plan.OwnerEmail.Split('@').Last()); // clean precision-about
        activity?.SetTag("family_plan.members", string.Join(";", plan.Members.Select(m => m.ListenerId))); // leak TC1001 strings
        activity?.SetTag("family_plan.member_ages", string.Join(";", plan.Members.Select(m => m.Age))); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("family_plan.loaded", tags: new ActivityTagsCollection { ["members"] = plan.Members.Count, ["tier"] = plan.Tier })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("family_plan.owner", tags: new ActivityTagsCollection { ["owner"] = plan.OwnerListenerId })); // leak TC1001 direct
        logger.LogInformation("Plan {@Plan}", plan); // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object?> { ["PlanId"] = plan.PlanId, ["Tier"] = plan.Tier })) // clean logging-objects
        {
            logger.LogInformation("Plan loaded with {Count} members", plan.Members.Count); // clean precision-about
        }

        using (logger.BeginScope(new Dictionary<string, object?> { ["Owner"] = plan.OwnerEmail })) // leak TC1001 logging-objects
        {
            logger.LogDebug("Owner scope opened");
        }

        return plan;
    }

    public async Task<IReadOnlyList<PlayEvent>> HistoryAsync(string listenerId, CancellationToken cancellationToken)
    {
        using var span = Source.StartTunedeckOperation(options.Market);
        var history = await store.HistoryAsync(listenerId, 200, cancellationToken);
        span.SetTunedeckMinutes(history.Sum(h => h.SecondsPlayed) / 60); // clean generated-api
        span.SetTunedeckFormat("music"); // clean generated-api
        var top = history.GroupBy(h => h.TrackId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        Activity.Current?.SetTag("history.top_track", top); // clean precision-names
        Activity.Current?.SetTag("history.plays", history.Count); // clean precision-about
        Activity.Current?.SetTag("history.devices", history.Select(h => h.Device).Distinct().Count()); // clean precision-about
        Activity.Current?.SetTag("history.listener_hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(listenerId)))[..16]); // leak TC1002 hashes
        Activity.Current?.SetTag("history.shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(listenerId))[0] % 16); // clean hashes
        logger.LogDebug("History {History}", history.Take(3).ToList()); // leak TC1001 logging-objects
        logger.LogDebug("History from {From} to {To}", history.FirstOrDefault()?.PlayedAt, history.LastOrDefault()?.PlayedAt); // clean precision-about
        LogHistoryLoaded(logger, listenerId, history.Count); // clean logging-objects
        LogHistoryOwner(logger, listenerId); // leak TC1001 logging-objects
        return history;
    }

    public async Task<RecommendationBatch> RecommendAsync(string listenerId, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await recommender.RecommendAsync(listenerId, options.RecommendationCount, cancellationToken);
            Activity.Current?.SetTag("recommendation.count", batch.TrackIds.Count); // clean precision-about
            Activity.Current?.SetTag("recommendation.model", batch.Model); // clean precision-names
            logger.LogInformation("Recommendations {@Batch}", batch with { ListenerId = pseudonymizer.ComputeTunedeckListenerId(batch.ListenerId) }); // clean logging-objects
            logger.LogInformation("Recommendations {@Batch}", batch with { Model = "v2" }); // leak TC1001 logging-objects
            return batch;
        }
        catch (ListenerNotFoundException ex)
        {
            logger.LogTunedeckOperationFailedEvent(options.Market, "not-found"); // clean generated-api
            logger.LogTunedeckOperationFailedEvent(options.Market, "not-found", tunedeckNote: $"no account {ex.ListenerId}"); // leak TC1001 generated-api
            logger.LogWarning("Recommendation failed: {Error}", ex.Message); // leak TC1001 exceptions
            throw;
        }
        catch (CatalogUnavailableException ex)
        {
            logger.LogWarning("Catalogue unavailable: {Error}", ex.Message); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "catalogue unavailable"); // clean exceptions
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "History of {ListenerId}: {Count} plays")]
    private static partial void LogHistoryLoaded(ILogger logger, [PrivateData] string listenerId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "History owner {ListenerId}")]
    private static partial void LogHistoryOwner(ILogger logger, string listenerId);
}
