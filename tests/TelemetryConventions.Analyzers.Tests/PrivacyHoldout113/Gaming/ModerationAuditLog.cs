namespace PrivacyHoldout113.Gaming;

public sealed record ModerationAction(Guid ActionId, Guid PlayerId, string Gamertag, string ModeratorEmail, string Sanction, string ReasonCode, string? ModeratorComment, TimeSpan? Duration);

/// <summary>Writes the trust and safety audit log: every sanction a moderator applies, and its reversal.</summary>
public sealed partial class ModerationAuditLog(
    IAuditDataProvider audit,
    ILogger<ModerationAuditLog> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly GmauditAuditEntriesCounter _entries = meter.CreateGmauditAuditEntriesCounter();
    private readonly Counter<long> _sanctions = meter.CreateCounter<long>("gmaudit.sanctions");

    public async Task WriteAsync(ModerationAction action, CancellationToken cancellationToken)
    {
        using var span = source.StartGmauditAuditWrite("sanction", action.Sanction);
        span.SetGmauditSubjectId(pseudonymizer.PseudonymizeGmauditSubjectId(action.PlayerId.ToString())); // clean generated-api
        span.SetGmauditActorId(pseudonymizer.PseudonymizeGmauditActorId(action.ModeratorEmail)); // clean generated-api
        span.Activity?.SetTag("gmaudit.action.id", action.ActionId); // clean precision-names
        span.Activity?.SetTag("gmaudit.reason", action.ReasonCode); // clean precision-names
        span.Activity?.SetTag("gmaudit.gamertag", action.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("gmaudit.duration.hours", action.Duration?.TotalHours); // clean precision-about

        var auditEvent = new AuditEvent { EventType = $"sanction.{action.Sanction}" };
        auditEvent.Environment.UserName = action.ModeratorEmail;
        auditEvent.CustomFields["player"] = action.PlayerId;
        auditEvent.CustomFields["comment"] = action.ModeratorComment;
        await audit.InsertEventAsync(auditEvent, cancellationToken);

        logger.LogInformation("Sanction {Sanction} on {PlayerId} by {Moderator}", action.Sanction, action.PlayerId, action.ModeratorEmail); // leak TC1001 direct
        logger.LogInformation("Sanction logged {@Action}", action with { Gamertag = "-", ModeratorEmail = "-", PlayerId = Guid.Empty, ModeratorComment = null }); // clean logging-objects
        logger.LogDebug("Audit custom fields {Fields}", auditEvent.CustomFields); // leak TC1001 logging-objects
        LogComment(logger, action.ActionId, action.ModeratorComment); // clean logging-objects
        span.SetGmauditNote(action.ModeratorComment ?? "no comment"); // leak TC1001 generated-api
        span.SetGmauditNote($"comment length {action.ModeratorComment?.Length ?? 0}"); // clean generated-api
        _sanctions.Add(1, new KeyValuePair<string, object?>("gmaudit.sanction", action.Sanction), new KeyValuePair<string, object?>("gmaudit.reason", action.ReasonCode)); // clean precision-names
        _sanctions.Add(1, new KeyValuePair<string, object?>("gmaudit.moderator", action.ModeratorEmail)); // leak TC1003 direct
        _entries.Add(1, "sanction", action.Sanction, "written"); // clean generated-api
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Action {ActionId} comment {Comment}")]
    private static partial void LogComment(ILogger logger, Guid actionId, [PrivateData] string? comment);

    public void ChainCheckFailed(AuditChainBrokenException ex, string lastModerator)
    {
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogCritical(ex, "Moderation audit chain broken after an entry by {Moderator}", lastModerator); // leak TC1001 direct
        logger.LogCritical("Moderation audit chain broken at {Sequence}", ex.Sequence); // clean exceptions
    }
}
