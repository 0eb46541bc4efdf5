namespace PrivacyHoldout83.Energy;

public sealed record BillingChatContext(string ConversationId, string AccountNumber, string MeterSerial, string HolderName, string Tariff);

/// <summary>
/// Before an agent discusses a bill in chat, the household is verified: the last four digits of the
/// bank account on the direct debit, then the account holder's date of birth. Three failures lock
/// the account for chat and send the customer to the phone line.
/// </summary>
public sealed partial class BillingChatVerification(
    IdentityVerifier verifier,
    IChatPlatform chat,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BillingChatVerification> logger)
{
    private readonly List<string> _lockedAccounts = new();
    private readonly Counter<long> _checks = meter.CreateCounter<long>("billhelp.verification.checks", "{check}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification {Method} in {ConversationId}: {Passed}")]
    private partial void LogCheck(string method, string conversationId, bool passed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Verification attempt failed: {Attempt}")]
    private partial void LogFailedAttempt(VerificationAttempt attempt);

    public async Task<bool> VerifyAsync(BillingChatContext context, string lastFour, DateOnly dateOfBirth, CancellationToken cancellationToken)
    {
        using var span = source.StartBillhelpChat(context.ConversationId); // clean precision-about
        span.SetBillhelpRequesterId(pseudonymizer.PseudonymizeBillhelpRequesterId(context.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("billhelp.tariff", context.Tariff); // clean precision-about
        Activity.Current?.SetTag("billhelp.meter.model", context.MeterSerial[..3]); // clean precision-about

        var first = verifier.CheckLastFour(context.AccountNumber, lastFour);
        LogCheck(first.Method, context.ConversationId, first.Passed); // clean precision-about
        _checks.Add(1, new KeyValuePair<string, object?>("method", first.Method), new KeyValuePair<string, object?>("passed", first.Passed)); // clean precision-about
        Activity.Current?.SetTag("billhelp.verify.last4", lastFour); // clean precision-about
        if (!first.Passed)
        {
            LogFailedAttempt(new VerificationAttempt(context.ConversationId, first.Method, lastFour, false, first.AttemptsLeft)); // clean logging-objects
        }

        var second = verifier.CheckDateOfBirth(context.AccountNumber, dateOfBirth);
        span.SetBillhelpVerificationPassed(first.Passed && second.Passed); // clean precision-about
        if (!second.Passed)
        {
            var attempt = new VerificationAttempt(context.ConversationId, second.Method, dateOfBirth.ToString("yyyy-MM-dd"), false, second.AttemptsLeft);
            LogFailedAttempt(attempt); // leak TC1001 logging-objects
            logger.LogWarning("DOB check failed for account holder {Holder}", context.HolderName); // leak TC1001 direct
            if (second.AttemptsLeft == 0)
            {
                _lockedAccounts.Add(context.AccountNumber);
                var locked = new VerificationLockedException(context.AccountNumber, attempt.Provided);
                span.RecordException(locked, includeMessage: true); // leak TC1001 exceptions
                span.RecordException(locked); // clean exceptions
                logger.LogError("Chat verification locked: {Error}", locked.GetType().Name); // clean exceptions
                await chat.SendAsync(context.ConversationId, "Please call us on 0800 000 0000 so we can help.", cancellationToken);
            }
            return false;
        }

        Activity.Current?.SetTag("billhelp.verified.account", context.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("billhelp.verified", "true");
        return first.Passed;
    }

    public void ReportLocks()
    {
        logger.LogInformation("{Count} accounts locked for chat today", _lockedAccounts.Count); // clean precision-about
        Activity.Current?.SetTag("billhelp.locked.accounts", _lockedAccounts.ToArray()); // leak TC1001 cross-member
        var accountType = _lockedAccounts.Count > 10 ? "many" : "few";
        Activity.Current?.SetTag("billhelp.locked.account_type", accountType); // clean precision-names
    }

    public void OnCobrowse(CobrowseSession session)
    {
        logger.LogInformation("Co-browse {SessionId} started in {ConversationId}", session.SessionId, session.ConversationId); // clean precision-about
        logger.LogInformation("Co-browse {Session}", session); // leak TC1001 logging-objects
        Activity.Current?.SetTag("billhelp.cobrowse.ip", session.VisitorIp); // leak TC1001 direct
        // The portal's pages are fixed paths (/bills, /direct-debit); the account comes from the signed-in session.
        Activity.Current?.SetTag("billhelp.cobrowse.page", new Uri(session.PageUrl).AbsolutePath); // clean precision-about
    }
}
