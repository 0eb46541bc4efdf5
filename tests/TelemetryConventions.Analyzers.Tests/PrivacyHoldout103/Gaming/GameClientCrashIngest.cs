namespace PrivacyHoldout103.Gaming;

/// <summary>
/// Takes the game client's crash and ANR reports. The client sets the custom keys <c>player_id</c>,
/// <c>gamertag</c>, <c>level</c>, <c>shard</c> and <c>gpu</c>; its breadcrumbs are scene loads and store
/// opens (<c>scene:Arena_04</c>); its <c>FriendInviteException</c> quotes the gamertag it could not invite.
/// </summary>
public sealed class GameClientCrashIngest(ISymbolicator symbolicator, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<GameClientCrashIngest> logger)
{
    private readonly Counter<long> _crashes = meter.CreateCounter<long>("playapp.crashes", "{crash}");

    public async Task IngestAsync(CrashReport report, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayappAppIngest("crash");
        span.SetPlayappBuild(report.BuildNumber).SetPlayappDeviceModel(report.DeviceModel); // clean precision-names
        var playerId = report.CustomKeys.GetValueOrDefault("player_id");
        if (playerId is not null)
        {
            span.SetPlayappUserId(pseudonymizer.PseudonymizePlayappUserId(playerId)); // clean precision-pseudonym
        }
        Activity.Current?.SetTag("crash.gamertag", report.CustomKeys.GetValueOrDefault("gamertag")); // leak TC1001 direct
        Activity.Current?.SetTag("crash.level", report.CustomKeys.GetValueOrDefault("level")); // clean precision-names
        Activity.Current?.SetTag("crash.gpu", report.CustomKeys["gpu"]); // clean precision-names
        var keys = string.Join(", ", report.CustomKeys.Select(kv => $"{kv.Key}={kv.Value}"));
        span.SetPlayappNote(keys); // leak TC1001 generated-api
        logger.LogInformation("Last scenes {Scenes}", string.Join(" > ", report.Breadcrumbs.TakeLast(5).Select(b => b.Message))); // clean strings
        if (report.ExceptionType.EndsWith("FriendInviteException", StringComparison.Ordinal))
        {
            logger.LogWarning("Invite crash: {Message}", report.ExceptionMessage); // leak TC1001 exceptions
        }
        else
        {
            logger.LogWarning("Crash {Type}: {Message}", report.ExceptionType, report.ExceptionMessage); // clean exceptions
        }

        var frames = await symbolicator.SymbolicateAsync(report.Platform, report.BuildNumber, report.DebugId, report.Frames, cancellationToken);
        logger.LogDebug("Top frames {Frames}", frames.Take(3)); // clean logging-objects
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerId ?? report.InstallationId))[0] % 32;
        _crashes.Add(1, new KeyValuePair<string, object?>("cohort", cohort), new KeyValuePair<string, object?>("build", report.BuildNumber)); // clean hashes
        Activity.Current?.SetTag("crash.installation.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(report.InstallationId)))); // leak TC1002 hashes
        using (logger.BeginScope("Crash {ReportId} for player {PlayerId}", report.ReportId, playerId)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Crash grouped"); // clean direct
        }
    }

    public void IngestAnr(AnrReport anr, string gamertag)
    {
        meter.CreatePlayappIngestDurationHistogram().Record(anr.BlockedFor.TotalSeconds, playappReportKind: "anr", playappPlatform: anr.Platform); // clean precision-about
        Activity.Current?.SetTag("anr.scene", anr.ForegroundScreen); // clean precision-names
        Activity.Current?.SetTag("anr.main_thread", anr.MainThreadState); // clean precision-about
        logger.LogInformation("ANR for {Gamertag} after {Blocked}", gamertag, anr.BlockedFor); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("anr", tags: new ActivityTagsCollection { ["player.gamertag"] = gamertag })); // leak TC1001 direct
    }
}
