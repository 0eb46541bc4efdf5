namespace PrivacyHoldout76.Gaming;

public sealed record QueueTicket(Guid TicketId, Guid PlayerId, string Gamertag, string Region, string Mode, int SkillTier);

/// <summary>Canary analysis of the matchmaker, step by step, with the queue-time guardrails.</summary>
public sealed class MatchmakerCanary(ICanaryMetrics metrics, IRolloutController rollout, Meter meter, ILogger<MatchmakerCanary> logger)
{
    private static readonly ActivitySource Source = new("Arena.Matchmaker.Canary");
    private static readonly IReadOnlyDictionary<string, double> Tolerances = new Dictionary<string, double>
    {
        ["matchmaker.queue.p95_seconds"] = 0.15,
        ["matchmaker.match.quality"] = 0.05,
        ["matchmaker.errors"] = 0.0,
    };

    private readonly Counter<long> _steps = meter.CreateCounter<long>("matchmaker.canary.steps");

    public async Task AnalyseAsync(CanaryStep step, IReadOnlyList<QueueTicket> slowestCanaryTickets, CancellationToken ct)
    {
        using var span = Source.StartArenaopsCanary(step.CanaryVersion, step.Index)
            .SetArenaopsRegion("eu-west");
        var comparisons = await CanaryJudge.CompareAsync(metrics, step, Tolerances, ct);
        foreach (var comparison in comparisons)
        {
            meter.CreateArenaopsCanaryLatencyHistogram().Record(comparison.Canary, step.CanaryVersion, comparison.Metric); // clean precision-about
            meter.CreateArenaopsCanaryLatencyHistogram().Record(comparison.Baseline, step.BaselineVersion, comparison.Metric);
        }

        foreach (var ticket in slowestCanaryTickets.Take(3))
        {
            logger.LogWarning("Slow canary queue: {Gamertag} waited in {Mode}", ticket.Gamertag, ticket.Mode); // leak TC1001 direct
            logger.LogWarning("Slow canary queue: ticket {TicketId} in {Region}/{Mode} at tier {Tier}", ticket.TicketId, ticket.Region, ticket.Mode, ticket.SkillTier); // clean precision-about
        }

        var failed = comparisons.FirstOrDefault(c => !c.Passed);
        if (failed is null)
        {
            _steps.Add(1, new KeyValuePair<string, object?>("version", step.CanaryVersion), new KeyValuePair<string, object?>("result", "promoted"));
            await rollout.PromoteAsync(step, ct);
            return;
        }

        var abort = new CanaryAbortException(step, failed);
        span.SetStatus(ActivityStatusCode.Error, abort.Message); // clean exceptions
        span.SetArenaopsOutcome("aborted").SetArenaopsNote($"{failed.Metric}: {failed.Canary:0.##} vs {failed.Baseline:0.##}"); // clean generated-api
        _steps.Add(1, new KeyValuePair<string, object?>("version", step.CanaryVersion), new KeyValuePair<string, object?>("result", "aborted"));
        logger.LogError(abort, "Matchmaker canary aborted");
        await rollout.RollbackAsync(step, abort.Message, ct);
    }
}

/// <summary>
/// Players whose tickets support asked to trace ("sample up"): the allow list holds their gamertags,
/// copied from the ticket by the support agent.
/// </summary>
public sealed class VerboseMatchTracing(VerboseTracingOptions options, Pseudonymizer pseudonymizer, Meter meter, ILogger<VerboseMatchTracing> logger)
{
    public void OnQueueJoined(QueueTicket ticket)
    {
        if (!options.IsDebugUser(ticket.Gamertag))
        {
            return;
        }
        var activity = Activity.Current;
        activity?.SetTag("debug.sampled_up", true);
        activity?.SetTag("debug.gamertag", ticket.Gamertag); // leak TC1001 direct
        activity?.SetBaggage("debug.player", ticket.PlayerId.ToString()); // leak TC1001 direct
        activity?.SetBaggage("debug.player.ref", pseudonymizer.ComputeArenaopsPlayerId(ticket.PlayerId.ToString())); // clean precision-pseudonym
        activity?.SetTag(ArenaopsAttributes.PlayerGamertag, pseudonymizer.ComputeArenaopsPlayerId(ticket.Gamertag)); // leak TC1001 precision-pseudonym
        meter.CreateArenaopsDebugTracesCounter().Add(1, "queue"); // clean precision-about
        meter.CreateArenaopsDebugTracesCounter().Add(1, "queue", pseudonymizer.PseudonymizeArenaopsPlayerId(ticket.PlayerId.ToString())); // leak TC1003 precision-pseudonym
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["DebugPlayer"] = ticket.Gamertag, ["Mode"] = ticket.Mode }); // leak TC1001 direct
        logger.LogDebug("Ticket {@Ticket}", ticket); // leak TC1001 logging-objects
        logger.LogDebug("Ticket {TicketId} tier {Tier} in {Region}", ticket.TicketId, ticket.SkillTier, ticket.Region); // clean precision-about
    }
}
