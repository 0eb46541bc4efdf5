namespace PrivacyHoldout198.Gaming;

/// <summary>A children's toothbrushing game: sessions from a smart brush, badges, and recall reminders to parents by text.</summary>
public sealed partial class BrushQuestGrpcService(
    SmsGateway sms,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<BrushQuestGrpcService> logger,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _sessions = meter.CreateCounter<long>("brushquest.sessions");
    private readonly Histogram<int> _seconds = meter.CreateHistogram<int>("brushquest.session.seconds", "s");
    private string _lastGamertag = string.Empty;

    public async Task<RewardGrant> SubmitSession(BrushingSession session, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("brushquest.player.id", session.PlayerId); // leak TC1001 direct
        activity?.SetTag("brushquest.player.ref", pseudonymizer.PseudonymizeBrushquestPatientId(session.PlayerId).Value); // clean precision-pseudonym
        activity?.SetTag("brushquest.session.seconds", session.Seconds); // clean precision-about
        activity?.SetTag("brushquest.session.streak", session.Streak); // clean precision-about
        activity?.SetTag("brushquest.brush.serial", session.BrushSerial); // leak TC1001 direct
        activity?.SetTag("brushquest.brush.model", session.BrushSerial[..3]); // clean precision-about
        _lastGamertag = session.Gamertag;
        _sessions.Add(1, new KeyValuePair<string, object?>("brushquest.streak_band", session.Streak >= 7 ? "week" : "days")); // clean precision-about
        _seconds.Record(session.Seconds); // clean precision-about
        _sessions.Add(1, new KeyValuePair<string, object?>("brushquest.player", pseudonymizer.PseudonymizeBrushquestPatientId(session.PlayerId).Value)); // leak TC1003 precision-pseudonym
        if (session.Seconds < 30)
        {
            var error = new RpcException("InvalidArgument", $"session too short for player {session.PlayerId}");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogWarning("Rejected session: {Status}", error.Status); // clean exceptions
            throw error;
        }

        var reward = new RewardGrant(Guid.NewGuid(), session.Streak >= 7 ? "golden-brush" : "sparkle", session.Seconds / 10);
        logger.LogInformation("Reward {@Reward}", reward); // clean logging-objects
        logger.LogInformation("Session {@Session}", session); // leak TC1001 logging-objects
        logger.LogInformation("Session {Session}", session with { ParentMobile = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Gamertag {Gamertag} earned {Badge}", session.Gamertag, reward.Badge); // leak TC1001 direct
        logger.LogInformation("Player count for badge {Badge}: {PlayerCount}", reward.Badge, 1); // clean precision-names
        activity?.AddEvent(new ActivityEvent("reward.granted", tags: new ActivityTagsCollection { ["badge"] = reward.Badge, ["points"] = reward.Points })); // clean precision-names
        activity?.AddEvent(new ActivityEvent("reward.announced", tags: new ActivityTagsCollection { ["gamertag"] = session.Gamertag })); // leak TC1001 direct
        await Task.CompletedTask;
        return reward;
    }

    public void AnnounceLeaderboard()
    {
        Activity.Current?.SetTag("brushquest.leaderboard.top", _lastGamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("brushquest.leaderboard.top_length", _lastGamertag.Length); // clean cross-member
        var tagKey = _lastGamertag.GetHashCode() & 0xFF;
        Activity.Current?.SetTag("brushquest.leaderboard.bucket", tagKey); // leak TC1002 hashes
        var keyedBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastGamertag))[0];
        Activity.Current?.SetTag("brushquest.leaderboard.keyed_bucket", keyedBucket); // clean hashes
    }

    public async Task<string> SendRecallReminder(BrushingSession session, DateOnly dueOn, ServerCallContext context)
    {
        using var span = source.StartBrushquestOperation("reminders-uk");
        span.SetBrushquestPatientId(pseudonymizer.PseudonymizeBrushquestPatientId(session.PlayerId)); // clean generated-api
        span.SetBrushquestProcedure("recall-reminder"); // clean generated-api
        var body = $"Hi! {session.Gamertag} is due a check-up on {dueOn:d MMM}. Reply STOP to opt out.";
        var messageId = await sms.SendAsync(session.ParentMobile, body);
        span.SetBrushquestNote($"reminder {messageId} sent, {body.Length} chars"); // clean generated-api
        span.SetBrushquestNote(body); // leak TC1001 generated-api
        span.SetBrushquestOutcome("sent"); // clean generated-api
        logger.LogInformation("Reminder {MessageId} sent via {SmsProviderName}", messageId, "textlocal"); // clean precision-names
        logger.LogInformation("Reminder sent to {ParentMobile}", session.ParentMobile); // leak TC1001 direct
        logger.LogInformation("Reminder body {Body}", body); // leak TC1001 strings
        logger.LogInformation("Reminder due month {DueMonth}", dueOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        BrushLog.ReminderSent(logger, session.ParentMobile, messageId); // clean logging-objects
        meter.CreateBrushquestOperationsCounter().Add(1, "reminders-uk", "sent"); // clean generated-api
        meter.CreateBrushquestOperationDurationHistogram().Record(0.2, "reminders-uk"); // clean generated-api
        Baggage.SetBaggage("brushquest.parent_mobile", session.ParentMobile); // leak TC1001 direct
        Baggage.SetBaggage("brushquest.reminder_id", messageId); // clean precision-names
        return messageId;
    }

    public Task UnlinkBrush(string playerId, string brushSerial, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("brushquest.unlink.parent_email", context.RequestHeaders.TryGetValue("x-parent-email", out var parentEmail) ? parentEmail : null); // leak TC1001 direct
        activity?.SetTag("brushquest.unlink.has_parent_email", context.RequestHeaders.ContainsKey("x-parent-email")); // clean precision-about
        if (string.IsNullOrEmpty(brushSerial))
        {
            var missing = new RpcException("NotFound", $"no brush linked to player {playerId}");
            logger.LogWarning(missing, "Unlink failed"); // leak TC1001 exceptions
            activity?.SetTag("rpc.grpc.status", missing.Status); // clean exceptions
            throw missing;
        }

        var badgeError = new RpcException("FailedPrecondition", "badge season closed");
        logger.LogInformation(badgeError, "Unlink kept badges"); // clean exceptions
        logger.LogInformation("Unlinked brush {BrushSerial}", brushSerial); // leak TC1001 direct
        return Task.CompletedTask;
    }
}

internal static partial class BrushLog
{
    [LoggerMessage(EventId = 19831, Level = LogLevel.Information, Message = "Reminder sent to {ParentMobile} as {MessageId}")]
    public static partial void ReminderSent(ILogger logger, [PrivateData] string parentMobile, string messageId);
}
