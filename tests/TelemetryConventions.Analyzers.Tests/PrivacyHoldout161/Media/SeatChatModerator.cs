namespace PrivacyHoldout161.Media;

public static partial class SeatChatLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Seat chat from {FromSeat} to {ToSeat} held: {Text}")]
    public static partial void Held(ILogger logger, string fromSeat, string toSeat, string text);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Seat chat from {FromSeat} to {ToSeat} held: {Text}")]
    public static partial void HeldRedacted(ILogger logger, string fromSeat, string toSeat, [PrivateData] string text);
}

/// <summary>Moderates seat-to-seat chat on the seatback screens.</summary>
public sealed class SeatChatModerator(Pseudonymizer pseudonymizer, ILogger<SeatChatModerator> logger)
{
    private static readonly ActivitySource Source = new("Airline.Ife.SeatChat");
    private static readonly Meter Meter = new("Airline.Ife.SeatChat");
    private static readonly Counter<long> Held = Meter.CreateCounter<long>("seatchat.held");

    private SeatbackMessage? lastHeld;
    private readonly List<string> mutedSenders = new();

    public bool Moderate(SeatbackMessage message, string ticketNumber)
    {
        using var span = Source.StartInflightOperation("G-EUXC");
        span.SetInflightPassengerId(pseudonymizer.PseudonymizeInflightPassengerId(ticketNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("seatchat.from_seat", message.FromSeat); // clean precision-names
        Activity.Current?.SetTag("seatchat.length", message.Text.Length); // clean precision-about
        Activity.Current?.SetTag("seatchat.ticket", ticketNumber); // leak TC1001 direct
        if (!message.Text.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        lastHeld = message;
        mutedSenders.Add(message.SenderName);
        SeatChatLog.Held(logger, message.FromSeat, message.ToSeat, message.Text); // leak TC1001 logging-objects
        SeatChatLog.HeldRedacted(logger, message.FromSeat, message.ToSeat, message.Text); // clean logging-objects
        span.SetInflightNote(message.Text); // leak TC1001 generated-api
        span.SetInflightOutcome("held"); // clean generated-api
        Held.Add(1, new KeyValuePair<string, object?>("seatchat.reason", "link")); // clean precision-about
        Held.Add(1, new KeyValuePair<string, object?>("seatchat.sender", message.SenderName)); // leak TC1003 direct
        return false;
    }

    public void Summarise()
    {
        logger.LogInformation("Last held message {Message}", lastHeld); // leak TC1001 cross-member
        logger.LogInformation("Muted senders {Senders}", string.Join(", ", mutedSenders)); // leak TC1001 cross-member
        logger.LogInformation("{Count} senders muted, last from seat {Seat}", mutedSenders.Count, lastHeld?.FromSeat); // clean cross-member
    }
}
