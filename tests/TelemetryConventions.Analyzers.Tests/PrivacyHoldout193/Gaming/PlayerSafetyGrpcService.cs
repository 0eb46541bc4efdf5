namespace PrivacyHoldout193.Gaming;

public sealed record SafetyReportRequest(string ReportId, Guid ReporterPlayerId, Guid ReportedPlayerId, string ReportedGamertag, string Category, string ChatExcerpt, string TitleId, int ReporterAgeBand);

public sealed record SafetyReportReply(string ReportId, string Action);

public sealed record CampaignClaimRequest(Guid PlayerId, string Gamertag, string CampaignCode, string Email, string TitleId);

public sealed record ChatMessage(Guid SenderId, string SenderGamertag, string Text, DateTimeOffset SentAt);

/// <summary>The moderation queue's view of a report: no player.</summary>
public sealed record ModerationTicket(string ReportId, string Category, string TitleId, int Priority, int MessagesAttached);

/// <summary>A publisher's player safety service over gRPC: reports of grooming and sexual content involving young players, and a sexual health awareness campaign's free test kit codes.</summary>
public sealed partial class PlayerSafetyGrpcService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PlayerSafetyGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Games.Safety");
    private static readonly Meter Meter = new("Games.Safety");
    private static readonly Counter<long> Reports = Meter.CreateCounter<long>("safety.reports");
    private static readonly Histogram<int> ExcerptLength = Meter.CreateHistogram<int>("safety.excerpt.length");

    private Guid _lastReportedPlayer;

    public Task<SafetyReportReply> SubmitReport(SafetyReportRequest request, ServerCallContext context)
    {
        using var span = Source.StartSafeplayOperation(request.TitleId);
        span.SetSafeplayKind(request.Category); // clean precision-names
        span.SetSafeplayClientId(pseudonymizer.PseudonymizeSafeplayClientId(request.ReporterPlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("safety.report_id", request.ReportId); // clean precision-names
        Activity.Current?.SetTag("safety.reporter_age_band", request.ReporterAgeBand); // clean precision-about
        Activity.Current?.SetTag("safety.reported_player", request.ReportedPlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("safety.reported_gamertag", request.ReportedGamertag); // leak TC1001 direct
        Activity.Current?.SetTag("safety.reported", pseudonymizer.ComputeSafeplayClientId(request.ReportedPlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("safety.excerpt_chars", request.ChatExcerpt.Length); // clean precision-about
        ExcerptLength.Record(request.ChatExcerpt.Length, new KeyValuePair<string, object?>("category", request.Category)); // clean precision-about
        Reports.Add(1, new KeyValuePair<string, object?>("title", request.TitleId), new KeyValuePair<string, object?>("category", request.Category)); // clean precision-names
        Reports.Add(1, new KeyValuePair<string, object?>("reported", pseudonymizer.ComputeSafeplayClientId(request.ReportedPlayerId.ToString()))); // leak TC1003 precision-pseudonym
        _lastReportedPlayer = request.ReportedPlayerId;

        logger.LogWarning("Report {ReportId} in {Category}: \"{Excerpt}\"", request.ReportId, request.Category, request.ChatExcerpt); // leak TC1001 direct
        var ticket = new ModerationTicket(request.ReportId, request.Category, request.TitleId, request.ReporterAgeBand < 16 ? 1 : 2, 1);
        logger.LogInformation("Ticket queued {@Ticket}", ticket); // clean logging-objects
        logger.LogInformation("Report received {@Report}", request); // leak TC1001 logging-objects
        logger.LogInformation("Report received {@Report}", new { request.ReportId, request.Category, request.TitleId, request.ReporterAgeBand }); // clean logging-objects

        if (request.Category == "grooming")
        {
            EscalateLastReported();
            var error = new RpcException("FAILED_PRECONDITION", $"Player {request.ReportedPlayerId} is already under an account restriction");
            span.RecordException(error); // clean exceptions
            Activity.Current?.AddException(error); // leak TC1001 exceptions
            logger.LogSafeplayOperationFailedEvent(request.TitleId, "restricted"); // clean generated-api
            throw error;
        }

        LogReportAccepted(request.ReportId, request.ReportedGamertag); // clean logging-objects
        return Task.FromResult(new SafetyReportReply(request.ReportId, "queued"));
    }

    public Task<SafetyReportReply> AttachChat(string reportId, IReadOnlyList<ChatMessage> messages, ServerCallContext context)
    {
        using var span = Source.StartSafeplayOperation("chat-evidence");
        span.SetSafeplayItems(messages.Count); // clean precision-about
        var transcript = new StringBuilder();
        foreach (var message in messages)
        {
            transcript.Append(message.SenderGamertag).Append(": ").Append(message.Text).AppendLine();
        }

        Activity.Current?.AddEvent(new ActivityEvent("chat.attached", tags: new ActivityTagsCollection { ["report.id"] = reportId, ["transcript"] = transcript.ToString() })); // leak TC1001 strings
        logger.LogInformation("Chat for {ReportId}: {Senders}", reportId, string.Join(", ", messages.Select(m => m.SenderGamertag).Distinct())); // leak TC1001 strings
        logger.LogInformation("Chat for {ReportId}: {Senders} senders, {Messages} messages", reportId, messages.Select(m => m.SenderId).Distinct().Count(), messages.Count); // clean precision-about
        var evidenceKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(messages[0].SenderId.ToString())))[..12];
        Activity.Current?.SetTag("safety.evidence_key", evidenceKey); // leak TC1002 hashes
        var evidenceShard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(reportId)))[..6];
        Activity.Current?.SetTag("safety.evidence_shard", evidenceShard); // clean hashes
        span.SetSafeplayNote($"{messages.Count} messages attached to {reportId}"); // clean generated-api
        span.SetSafeplayNote(messages[^1].Text); // leak TC1001 generated-api
        return Task.FromResult(new SafetyReportReply(reportId, "evidence-attached"));
    }

    public Task<SafetyReportReply> ClaimKitCode(CampaignClaimRequest request, ServerCallContext context)
    {
        using var span = Source.StartSafeplayOperation(request.TitleId);
        span.SetSafeplayKind("kit-code"); // clean precision-names
        span.SetSafeplayClientId(pseudonymizer.PseudonymizeSafeplayClientId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("campaign.code", request.CampaignCode); // clean precision-names
        Activity.Current?.SetTag("campaign.email_domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        Activity.Current?.SetTag(SafeplayAttributes.Contact, request.Email); // leak TC1001 generated-api
        Activity.Current?.SetTag(SafeplayAttributes.Contact, pseudonymizer.Compute(Spaces.Client, request.Email)); // leak TC1001 generated-api
        Meter.CreateSafeplayOperationsCounter().Add(1, request.TitleId, "claimed"); // clean generated-api
        logger.LogInformation("Kit code {Code} claimed by {Gamertag}", request.CampaignCode, request.Gamertag); // leak TC1001 direct
        return Task.FromResult(new SafetyReportReply(request.CampaignCode, "claimed"));
    }

    private void EscalateLastReported()
    {
        Activity.Current?.SetTag("safety.escalated_player", _lastReportedPlayer); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Report {ReportId} accepted against {Gamertag}")]
    private partial void LogReportAccepted(string reportId, [PrivateData] string gamertag);
}
