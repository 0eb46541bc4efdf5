namespace PrivacyHoldout106.Gaming;

/// <summary>
/// Promotional texts of the studio's live events (double XP weekends, store sales) and their replies:
/// STOP and its synonyms opt a player out, START opts them back in, HELP returns the terms. Status
/// callbacks report delivery failures.
/// </summary>
public sealed partial class PromoSmsOptOut(
    ActivitySource source,
    Meter meter,
    ILogger<PromoSmsOptOut> logger,
    ISuppressionList suppression,
    ISmsClient sms,
    IPlayerDirectory players,
    Pseudonymizer pseudonymizer,
    GatewayOptions options)
{
    private readonly GamemsgMessagesCounter _messages = meter.CreateGamemsgMessagesCounter();
    private readonly Counter<long> _optOuts = meter.CreateCounter<long>("gamemsg.promo.optouts");
    private string? _lastOptOut;

    public async Task<string> ReplyAsync(InboundSms inbound, CancellationToken cancellationToken)
    {
        using var span = source.StartGamemsgInbound("sms").SetGamemsgDirection("inbound").SetGamemsgTitle("skyforge"); // clean precision-names
        var keyword = inbound.OptOutType ?? StandardKeywords.Match(inbound.Body);
        span.SetGamemsgKeyword(keyword ?? "none"); // clean precision-about

        switch (keyword)
        {
            case "STOP" or "STOPALL" or "UNSUBSCRIBE" or "CANCEL" or "END" or "QUIT":
                await suppression.AddAsync(new SuppressionEntry(inbound.From, "sms", SuppressionReason.SmsStop, "promo", DateTimeOffset.UtcNow) { Group = "promotions" }, cancellationToken);
                _lastOptOut = inbound.From;
                _optOuts.Add(1, new KeyValuePair<string, object?>("keyword", keyword)); // clean precision-about
                _optOuts.Add(1, new KeyValuePair<string, object?>("keyword", keyword), new KeyValuePair<string, object?>("number", inbound.From)); // leak TC1003 direct
                LogOptOut(logger, keyword, inbound.From); // clean logging-objects
                return new MessagingResponse().ToString();
            case "START" or "YES" or "UNSTOP":
                var removed = await suppression.RemoveAsync(inbound.From, "sms", cancellationToken);
                logger.LogInformation("Opt-in {Keyword}; removed from list: {Removed}", keyword, removed); // clean precision-about
                logger.LogInformation("Opt-in from {Number} after an opt-out by {LastOptOut}", inbound.From, _lastOptOut); // leak TC1001 cross-member
                return new MessagingResponse().Message("You're back on Skyforge event texts. Reply STOP to stop.").ToString();
            case "HELP" or "INFO":
                return new MessagingResponse().Message("Skyforge events: up to 4 msgs/month. Reply STOP to stop.").ToString();
        }

        var player = await players.FindByEmailAsync(inbound.Body.Trim(), cancellationToken);
        if (player is not null)
        {
            span.SetGamemsgPlayerId(pseudonymizer.PseudonymizeGamemsgPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetTag("player.email_typed", inbound.Body.Trim()); // leak TC1001 strings
            Activity.Current?.SetTag(GamemsgAttributes.PlayerContact, pseudonymizer.ComputeGamemsgPlayerId(player.PlayerId.ToString())); // leak TC1001 precision-pseudonym
        }

        _messages.Add(1, "sms", "inbound", "unrecognised"); // clean precision-about
        return new MessagingResponse().ToString();
    }

    public void OnStatus(SmsStatusCallback callback)
    {
        using var span = source.StartGamemsgInbound("sms").SetGamemsgDirection("status").SetGamemsgMessageId(callback.MessageSid).SetGamemsgProviderStatus(callback.MessageStatus); // clean precision-about
        if (callback.ErrorCode is { } code)
        {
            span.SetGamemsgErrorCode(code.ToString(CultureInfo.InvariantCulture)); // clean precision-about
            logger.LogWarning("Promo text {Sid} failed with {ErrorCode}", callback.MessageSid, code); // clean precision-about
            logger.LogWarning("Promo text failed: {Callback}", callback); // leak TC1001 logging-objects
            logger.LogGamemsgMessageRejectedEvent("sms", "undelivered", gamemsgNote: $"{code} from {callback.From}"); // clean generated-api
            logger.LogGamemsgMessageRejectedEvent("sms", "undelivered", gamemsgNote: $"{code} to {callback.To}"); // leak TC1001 generated-api
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Promo opt-out {Keyword} from {Number}")]
    private static partial void LogOptOut(ILogger logger, string keyword, [PrivateData] string number);
}
