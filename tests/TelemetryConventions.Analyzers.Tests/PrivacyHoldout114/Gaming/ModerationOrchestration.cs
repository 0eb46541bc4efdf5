using System.Net;

namespace PrivacyHoldout114.Gaming;

public sealed record PlayerReport(Guid ReporterId, Guid ReportedPlayerId, string ReportedGamertag, string Category, string ChatExcerpt, string MatchId);

public sealed record ModeratorDecision(string ModeratorStaffId, string ModeratorEmail, string Outcome);

/// <summary>Player reports start a moderation orchestration that waits for a moderator's decision.</summary>
public sealed class ModerationOrchestration(ILogger<ModerationOrchestration> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Studio.Moderation.Functions");
    private static readonly Meter Meter = new("Studio.Moderation.Functions");
    private static readonly MatchfnDurationHistogram Duration = Meter.CreateMatchfnDurationHistogram();
    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>("matchfn.moderation.decisions");

    [Function("ReportPlayer")]
    public async Task<HttpResponseData> ReportPlayer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var report = await request.ReadFromJsonAsync<PlayerReport>();
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync("ModeratePlayerReport", report);
        logger.LogInformation("Moderation {InstanceId} started for category {Category} in match {MatchId}", instanceId, report!.Category, report.MatchId); // clean precision-names
        logger.LogInformation("Player {Reported} reported by {Reporter}", report.ReportedGamertag, report.ReporterId); // leak TC1001 direct
        Activity.Current?.SetTag("http.request.header.user_agent", request.Headers.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        Activity.Current?.SetTag("moderation.excerpt.length", report.ChatExcerpt.Length); // clean precision-about
        return request.CreateResponse(HttpStatusCode.Accepted);
    }

    [Function("ModeratePlayerReport")]
    public async Task ModerateAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger<ModerationOrchestration>();
        var report = context.GetInput<PlayerReport>()!;
        context.SetCustomStatus(new { stage = "awaiting-moderator", report.Category });
        var decision = await context.WaitForExternalEvent<ModeratorDecision>("ModeratorDecision");
        log.LogInformation("Moderation {InstanceId} decided {Outcome}", context.InstanceId, decision.Outcome); // clean precision-names
        log.LogInformation("Decided by {Moderator}", decision.ModeratorEmail); // leak TC1001 direct
        log.LogInformation("Decided by {Moderator}", pseudonymizer.ComputeMatchfnModeratorId(decision.ModeratorStaffId)); // clean precision-pseudonym
        log.LogInformation("Decision {@Decision}", decision); // leak TC1001 logging-objects
        Decisions.Add(1, new KeyValuePair<string, object?>("outcome", decision.Outcome), new KeyValuePair<string, object?>("category", report.Category)); // clean precision-about
        Decisions.Add(1, new KeyValuePair<string, object?>("moderator", decision.ModeratorStaffId)); // leak TC1003 direct
        if (decision.Outcome == "ban")
        {
            await context.CallActivityAsync("ApplyBan", report.ReportedPlayerId);
        }
    }

    [Function("ApplyBan")]
    public Task ApplyBan([ActivityTrigger] Guid playerId, FunctionContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartMatchfnInvoke("ApplyBan", "activity");
        span.SetMatchfnPlayerId(pseudonymizer.PseudonymizeMatchfnPlayerId(playerId.ToString())).SetMatchfnOutcome("banned"); // clean generated-api
        span.Activity?.AddEvent(new ActivityEvent("ban.applied", tags: new ActivityTagsCollection { ["player.id"] = playerId })); // leak TC1001 direct
        context.GetLogger("ApplyBan").LogInformation("Ban applied {Key}", $"ban:{playerId:N}"); // leak TC1001 strings
        context.GetLogger("ApplyBan").LogInformation("Ban applied for {Days} days", 30); // clean precision-about
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "ApplyBan", "activity"); // clean generated-api
        return Task.CompletedTask;
    }
}
