namespace PrivacyHoldout133.Gaming;

/// <summary>A donation alert as the streaming charity platform posts it: who gave, what they wrote, to which streamer's campaign.</summary>
public sealed record DonationAlert(string AlertId, string CampaignId, string StreamerChannel, string DonorDisplayName, string? DonorMessage, decimal Amount, string Currency, string? DonorPlayerId);

public sealed record AlertAck(string AlertId, bool Shown);

public static partial class CharityStreamWebhook
{
    private static readonly ActivitySource Source = new("Studio.CharityStreams");
    private static readonly Meter Meter = new("Studio.CharityStreams");
    private static readonly Counter<double> Raised = Meter.CreateCounter<double>("studio.charity_stream.raised", "GBP");
    private static readonly Histogram<int> MessageLength = Meter.CreateHistogram<int>("studio.charity_stream.message.length");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/webhooks/charity-stream", Handle);

    private static AlertAck Handle(DonationAlert alert, Pseudonymizer pseudonymizer, ILogger<DonationAlert> logger)
    {
        using var span = Source.StartPlaygiveTask(playgiveProgramme: alert.CampaignId);
        span.SetPlaygiveAmount((double)alert.Amount); // clean precision-about
        span.SetPlaygiveStreamerId(pseudonymizer.PseudonymizePlaygiveStreamerId(alert.StreamerChannel)); // clean precision-pseudonym
        span.Activity?.SetTag("alert.id", alert.AlertId); // clean precision-names
        span.Activity?.SetTag("alert.currency", alert.Currency); // clean precision-about
        span.Activity?.SetTag("stream.channel", alert.StreamerChannel); // leak TC1001 direct
        span.Activity?.SetTag("donor.linked_account", alert.DonorPlayerId is not null); // clean precision-about
        MessageLength.Record(alert.DonorMessage?.Length ?? 0); // clean precision-about
        Raised.Add((double)alert.Amount, new KeyValuePair<string, object?>("campaign", alert.CampaignId), new KeyValuePair<string, object?>("currency", alert.Currency)); // clean precision-about
        Raised.Add((double)alert.Amount, new KeyValuePair<string, object?>("streamer", pseudonymizer.PseudonymizePlaygiveStreamerId(alert.StreamerChannel).ToString())); // leak TC1003 precision-pseudonym

        logger.LogInformation("Donation alert {@Alert}", alert); // leak TC1001 logging-objects
        LogAlert(logger, alert.AlertId, alert.DonorDisplayName, alert.Amount); // leak TC1001 direct
        LogAlertRedacted(logger, alert.AlertId, alert.DonorDisplayName); // clean direct

        if (alert.DonorMessage is { } message && Moderation.IsBlocked(message))
        {
            span.SetPlaygiveOutcome("blocked"); // clean precision-names
            span.SetPlaygiveNote($"blocked message: {message}"); // leak TC1001 generated-api
            logger.LogWarning("Blocked alert {AlertId} on {Campaign}, {Words} words", alert.AlertId, alert.CampaignId, message.Split(' ').Length); // clean precision-about
            return new AlertAck(alert.AlertId, false);
        }

        if (alert.DonorPlayerId is { } playerId)
        {
            span.SetPlaygivePlayerId(pseudonymizer.PseudonymizePlaygivePlayerId(playerId)); // clean precision-pseudonym
            Activity.Current?.AddBaggage("donor.player", playerId); // leak TC1001 direct
        }

        return new AlertAck(alert.AlertId, true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId}: {DonorName} gave {Amount}")]
    private static partial void LogAlert(ILogger logger, string alertId, string donorName, decimal amount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} shown for {DonorName}")]
    private static partial void LogAlertRedacted(ILogger logger, string alertId, [PrivateData] string donorName);
}

internal static class Moderation
{
    private static readonly string[] Blocked = ["http://", "https://", "discord.gg"];

    public static bool IsBlocked(string message) => Blocked.Any(b => message.Contains(b, StringComparison.OrdinalIgnoreCase));
}
