namespace PrivacyHoldout83.Transport;

public sealed record DelayClaim(string ClaimId, string CardNumber, string Route, DateTimeOffset JourneyAt, int DelayMinutes, decimal Amount);

/// <summary>
/// The delay-repay chatbot: checks the card the rider names (last four digits against the account),
/// files the claim, and hands the chat to customer relations when the claim is refused.
/// </summary>
public sealed class DelayRepayChat(
    IChatPlatform chat,
    IdentityVerifier verifier,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DelayRepayChat> logger)
{
    private readonly Histogram<int> _delays = meter.CreateHistogram<int>("riderhelp.claim.delay", "min");
    private readonly Counter<long> _checks = meter.CreateCounter<long>("riderhelp.verification.checks", "{check}");
    private string? _lastRefusedCard;

    public async Task<bool> ClaimAsync(string conversationId, string riderAccountId, DelayClaim claim, string statedLastFour, CancellationToken cancellationToken)
    {
        using var span = source.StartRiderhelpChat(conversationId); // clean precision-about
        span.SetRiderhelpRequesterId(pseudonymizer.PseudonymizeRiderhelpRequesterId(riderAccountId)); // clean precision-pseudonym
        var check = verifier.CheckLastFour(claim.CardNumber, statedLastFour);
        span.SetRiderhelpVerificationPassed(check.Passed); // clean precision-about
        var passengerType = claim.CardNumber.StartsWith("633597", StringComparison.Ordinal) ? "concession" : "adult";
        Activity.Current?.SetTag("riderhelp.passenger_type", passengerType); // clean precision-names
        _checks.Add(1, new KeyValuePair<string, object?>("passed", check.Passed), new KeyValuePair<string, object?>("attempts_left", check.AttemptsLeft)); // clean precision-about
        _delays.Record(claim.DelayMinutes, new KeyValuePair<string, object?>("route", claim.Route)); // clean precision-about
        logger.LogInformation("Claim {ClaimId} on {Route}: {Delay} min, {Amount}", claim.ClaimId, claim.Route, claim.DelayMinutes, claim.Amount); // clean precision-about

        if (!check.Passed)
        {
            _lastRefusedCard = claim.CardNumber;
            logger.LogWarning("Card check failed in {ConversationId}: stated {Stated}, attempts left {Left}", conversationId, statedLastFour, check.AttemptsLeft); // clean precision-about
            span.SetRiderhelpOutcome("refused:verification");
            await HandOffAsync(conversationId, "verification", cancellationToken);
            return false;
        }

        logger.LogDebug("Claim {Claim}", claim); // leak TC1001 logging-objects
        _checks.Add(0, new KeyValuePair<string, object?>("rider", riderAccountId)); // leak TC1003 direct
        span.SetRiderhelpOutcome("filed");
        return true;
    }

    private async Task HandOffAsync(string conversationId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await chat.TransferAsync(conversationId, "customer-relations", cancellationToken);
            logger.LogInformation("Refused claim chat {ConversationId} handed over ({Reason})", conversationId, reason);
            logger.LogInformation("Refused claim was for card {Card}", _lastRefusedCard); // leak TC1001 cross-member
        }
        catch (ChatTransferException ex)
        {
            logger.LogError(ex, "Hand-over of {ConversationId} failed", ex.ConversationId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
        }
    }

    /// <summary>Relays what the rider typed in the app into the agent's chat.</summary>
    public async Task RelayAsync(ChatSession session, string text, CancellationToken cancellationToken)
    {
        try
        {
            await chat.SendAsync(session.ConversationId, text, cancellationToken);
        }
        catch (MessageRejectedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Message rejected in {ConversationId}: {Type}", ex.ConversationId, ex.GetType().Name); // clean exceptions
        }
    }
}
