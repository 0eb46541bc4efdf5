namespace PrivacyHoldout79.Gaming;

/// <summary>
/// Symbolicates the game client's crash reports and groups them. The client's breadcrumbs come
/// from its UI: <c>ui.invite</c> crumbs carry the invited friend's gamertag in their data, <c>chat</c>
/// crumbs the last chat line the player typed, <c>net</c> crumbs the server and port. The client's session exceptions name the signed-in
/// gamertag (<c>SessionLostException: Vexa_77 lost the connection to eu-west-3</c>).
/// </summary>
public sealed class CrashSymbolication(ILogger<CrashSymbolication> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _groups = meter.CreateCounter<long>("arena.crash.groups");

    public void Process(string batchId, CrashReport report)
    {
        using var span = source.StartQuestpulseIngest(batchId);
        span.SetQuestpulseAppVersion(report.Client.AppVersion);
        span.SetQuestpulseDeviceModel(report.Client.DeviceModel); // clean precision-about
        span.Activity?.SetTag("crash.fingerprint", report.Fingerprint); // clean precision-about
        span.Activity?.SetTag("crash.top_frame", report.StackFrames.FirstOrDefault()); // clean precision-about
        logger.LogError("Client exception {Type}: {Message}", report.ExceptionType, report.Message); // leak TC1001 direct
        _groups.Add(1, new KeyValuePair<string, object?>("fingerprint", report.Fingerprint), new("build", report.Client.AppVersion)); // clean precision-about

        foreach (var crumb in report.Breadcrumbs.TakeLast(10))
        {
            span.Activity?.AddEvent(new ActivityEvent("crash.crumb", crumb.At, new ActivityTagsCollection { ["category"] = crumb.Category, ["data.keys"] = string.Join(",", crumb.Data?.Keys ?? []) })); // clean precision-names
            if (crumb.Category == "ui.invite" && crumb.Data is { } data)
            {
                logger.LogDebug("Invite crumb before crash {CrashId}: {Data}", report.CrashId, string.Join(";", data.Select(d => $"{d.Key}={d.Value}"))); // leak TC1001 strings
            }
        }

        var chat = report.Breadcrumbs.LastOrDefault(b => b.Category == "chat");
        if (chat is not null)
        {
            span.Activity?.SetTag("crash.last_chat.length", chat.Message.Length); // clean precision-about
            logger.LogTrace("Last chat before crash: {Crumb}", chat); // leak TC1001 logging-objects
        }

        if (report.UserId is { } playerId)
        {
            logger.LogInformation("Crash {CrashId} for player {Player}", report.CrashId, pseudonymizer.ComputeQuestpulseUserId(playerId)); // clean precision-pseudonym
            _groups.Add(1, new KeyValuePair<string, object?>("fingerprint", report.Fingerprint), new("player", pseudonymizer.ComputeQuestpulseUserId(playerId))); // leak TC1003 precision-pseudonym
            logger.LogQuestpulseIngestRejectedEvent(batchId, "crash:unsymbolicated", questpulseUserId: pseudonymizer.PseudonymizeQuestpulseUserId(playerId), questpulseNote: report.Message); // leak TC1001 generated-api
        }

        try
        {
            Symbolicate(report);
        }
        catch (InvalidOperationException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Symbols missing for build {Build}", report.Client.AppVersion); // clean exceptions
        }
    }

    private static void Symbolicate(CrashReport report)
    {
        if (!report.Client.AppVersion.StartsWith("4.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"No symbol file uploaded for build {report.Client.AppVersion} ({report.Client.OsName})");
        }
    }
}
