namespace PrivacyHoldout136.Education;

public sealed record TurnstileTap(string TurnstileId, string CardUid, string Direction, DateTimeOffset TappedAt);

public sealed record StudentCard(string CardUid, string StudentNumber, string PreferredName, bool Under18, bool Suspended);

public interface IStudentCardDirectory
{
    Task<StudentCard?> FindAsync(string cardUid, CancellationToken cancellationToken);
}

/// <summary>Decides turnstile taps at the college entrances: lets students in, records late arrivals for the register and flags under-18s leaving in lesson time.</summary>
public sealed partial class CampusTurnstileGateway(
    IStudentCardDirectory cards,
    ILogger<CampusTurnstileGateway> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private readonly CampusgateEntriesCounter _entries = meter.CreateCampusgateEntriesCounter();
    private readonly Counter<long> _lateArrivals = meter.CreateCounter<long>("campus.turnstile.late_arrivals");

    public StudentCard? LastUnder18Exit { get; private set; }

    public async Task<bool> DecideAsync(TurnstileTap tap, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartCampusgateAccess("main-campus");
        span.SetCampusgateDevice(tap.TurnstileId).SetCampusgateDirection(tap.Direction); // clean precision-names

        var card = await cards.FindAsync(tap.CardUid, cancellationToken);
        if (card is null)
        {
            LogUnknownCard(logger, tap.CardUid, tap.TurnstileId); // leak TC1001 direct
            span.SetCampusgateOutcome("unknown-card"); // clean precision-names
            _entries.Add(1, "main-campus", campusgateOutcome: "unknown-card"); // clean generated-api
            return false;
        }

        span.SetCampusgateHolderId(pseudonymizer.PseudonymizeCampusgateHolderId(card.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("campus.card.uid_prefix", tap.CardUid[..2]); // clean precision-about
        span.Activity?.SetTag("campus.student.under18", card.Under18); // clean precision-about

        if (card.Suspended)
        {
            LogSuspended(logger, card.StudentNumber, tap.TurnstileId); // clean logging-objects
            logger.LogCampusgateAccessDeniedEvent("main-campus", "suspended", pseudonymizer.PseudonymizeCampusgateHolderId(card.StudentNumber), $"card {tap.CardUid} suspended"); // leak TC1001 generated-api
            _entries.Add(1, "main-campus", campusgateOutcome: $"suspended:{pseudonymizer.ComputeCampusgateHolderId(card.StudentNumber)}"); // leak TC1003 precision-pseudonym
            return false;
        }

        var now = TimeOnly.FromDateTime(tap.TappedAt.LocalDateTime);
        if (tap.Direction == "entry" && now > new TimeOnly(9, 5))
        {
            _lateArrivals.Add(1, new KeyValuePair<string, object?>("turnstile", tap.TurnstileId), new KeyValuePair<string, object?>("hour", now.Hour)); // clean precision-names
            _lateArrivals.Add(0, new KeyValuePair<string, object?>("student", card.StudentNumber)); // leak TC1003 direct
            logger.LogInformation("Late arrival: {Student}", card); // leak TC1001 logging-objects
        }

        if (tap.Direction == "exit" && card.Under18 && now < new TimeOnly(15, 30))
        {
            LastUnder18Exit = card;
            logger.LogCampusgateAccessDeniedEvent("main-campus", "under18-exit", campusgateNote: $"exit at {tap.TurnstileId} before {now:HH:mm}"); // clean generated-api
            logger.LogWarning("Under-18 {PreferredName} left through {TurnstileId} in lesson time", card.PreferredName, tap.TurnstileId); // leak TC1001 direct
        }

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card.StudentNumber))[0] % 8;
        span.Activity?.SetTag("campus.register.lane", lane); // clean hashes
        var cacheKey = MD5.HashData(Encoding.UTF8.GetBytes(tap.CardUid));
        span.Activity?.SetTag("campus.card.cache_key", Convert.ToHexString(cacheKey)); // leak TC1002 hashes

        _entries.Add(1, "main-campus", campusgateOutcome: "granted"); // clean generated-api
        return true;
    }

    public void ReportLastUnder18Exit()
    {
        Activity.Current?.SetTag("campus.last_under18_exit", LastUnder18Exit?.StudentNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("campus.last_under18_exit.recorded", LastUnder18Exit is not null); // clean cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Unknown card {CardUid} at turnstile {TurnstileId}")]
    private static partial void LogUnknownCard(ILogger logger, string cardUid, string turnstileId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Suspended student {StudentNumber} refused at {TurnstileId}")]
    private static partial void LogSuspended(ILogger logger, [PrivateData] string studentNumber, string turnstileId);
}
