namespace PrivacyHoldout77.Transport;

internal static partial class TransitLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Card {CardNumber} refused with {Code}")]
    public static partial void CardRefused(ILogger logger, string cardNumber, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card ending {LastFour} refused with {Code}")]
    public static partial void CardRefusedMasked(ILogger logger, string lastFour, string code);
}

public sealed class TransitApiTelemetry(ILogger<TransitApiTelemetry> logger)
{
    public void Refused(CardRegistrationRequest request, string code)
    {
        TransitLog.CardRefused(logger, request.CardNumber, code); // leak TC1001 direct
        TransitLog.CardRefusedMasked(logger, Cards.LastFour(request.CardNumber), code); // clean precision-about
        Activity.Current?.SetTag(TransitapiAttributes.RiderEmail, request.RiderEmail); // leak TC1001 generated-api
    }

    public RefundRequest? ReadRefund(string body, string journeyId)
    {
        if (Activity.Current is { } activity)
        {
            activity.DisplayName = $"refund {journeyId}"; // clean precision-about
        }
        try
        {
            return JsonSerializer.Deserialize<RefundRequest>(body);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Refund body unreadable at {Path}", ex.Path); // clean exceptions
            Activity.Current?.SetTag("transitapi.refund.body", body); // leak TC1001 direct
            return null;
        }
    }
}
