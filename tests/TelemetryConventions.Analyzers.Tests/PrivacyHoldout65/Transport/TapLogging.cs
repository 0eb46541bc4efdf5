using System.Collections.Concurrent;

namespace PrivacyHoldout65.Transport;

public sealed class TravelCard
{
    [PersonalData]
    public required string Number { get; init; }

    public required string Product { get; init; }

    public required bool Concession { get; init; }

    public string Last4 => Number[^4..];
}

public sealed class Tap
{
    public required string TapId { get; init; }

    public required string Validator { get; init; }

    public required string Stop { get; init; }

    public required string Zone { get; init; }

    public required TravelCard Card { get; init; }

    public Guid? RiderId { get; init; }

    public DateTimeOffset At { get; init; }
}

public sealed record HotlistEntry(string CardNumber, string Reason, DateTimeOffset Since);

/// <summary>The tap service's log messages (event ids 8100–8149).</summary>
internal static partial class TapLog
{
    [LoggerMessage(EventId = 8101, EventName = "TapAccepted", Level = LogLevel.Information, Message = "Tap accepted")]
    public static partial void TapAccepted(this ILogger logger, [LogProperties(Transitive = true)] Tap tap);

    [LoggerMessage(EventId = 8102, EventName = "TapRejected", Level = LogLevel.Warning, Message = "Tap {TapId} rejected at {Validator}")]
    public static partial void TapRejected(this ILogger logger, string tapId, string validator, Exception exception);

    [LoggerMessage(EventId = 8103, EventName = "HotlistHit", Level = LogLevel.Warning, Message = "Hotlisted card presented {@Entry}")]
    public static partial void HotlistHit(this ILogger logger, HotlistEntry entry);

    [LoggerMessage(EventId = 8104, EventName = "CappingApplied", Level = LogLevel.Information, Message = "Daily cap applied in zone {Zone} for card ending {Last4}")]
    public static partial void CappingApplied(this ILogger logger, string zone, string last4);

    [LoggerMessage(EventId = 8105, EventName = "TapsSuppressed", Level = LogLevel.Information, Message = "Suppressed {Count} tap lines")]
    public static partial void TapsSuppressed(this ILogger logger, int count, string card);
}

/// <summary>
/// Keeps the tap logs affordable: a card's first tap of the minute is logged, the rest are counted and
/// reported once when the window closes.
/// </summary>
public sealed class TapLogThrottle(ILogger<TapLogThrottle> logger)
{
    private readonly ConcurrentDictionary<string, int> _suppressed = new();

    public bool ShouldLog(Tap tap) => _suppressed.AddOrUpdate(tap.Card.Number, 0, (_, n) => n + 1) == 0;

    public void CloseWindow()
    {
        foreach (var (card, count) in _suppressed)
        {
            if (count > 0)
            {
                logger.TapsSuppressed(count, card); // leak TC1001 cross-member
            }
        }
        logger.LogInformation("Tap log window closed with {Cards} cards", _suppressed.Count); // clean precision-about
        _suppressed.Clear();
    }
}
