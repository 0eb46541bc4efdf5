namespace PrivacyHoldout92.Energy;

/// <summary>A household on a prepayment meter asking for its last vend code again, or for emergency credit.</summary>
public sealed record CodeResendRequest(string AccountNumber, string MeterSerial, string Mobile, string TransactionId);

/// <summary>The code sent again, as the service keeps it for the contact centre.</summary>
public sealed record ResentCode(string TransactionId, string Token, string Mobile, DateTimeOffset SentAt);

/// <summary>Thrown when a code was already resent too often: <c>Code for {transaction} resent {n} times.</c></summary>
public sealed class ResendLimitException(string transactionId, int times)
    : Exception($"Code for {transactionId} resent {times} times.");

public interface IVendHistory
{
    Task<VendResult?> FindAsync(string accountNumber, string transactionId, CancellationToken cancellationToken);

    Task<int> ResendsAsync(string transactionId, CancellationToken cancellationToken);
}

public interface ITextMessages
{
    Task SendAsync(string mobile, string body, CancellationToken cancellationToken);
}

/// <summary>Resends top-up codes by text message and grants emergency credit on a meter.</summary>
public sealed class EmergencyCreditService(IVendHistory history, ITextMessages texts, Pseudonymizer pseudonymizer, ILogger<EmergencyCreditService> logger)
{
    private static readonly ActivitySource Source = new("Energy.Prepay.Codes");
    private readonly HashSet<string> _sentDigests = new();

    public async Task ResendAsync(CodeResendRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartTopupVend("resend");
        span.SetTopupTransactionId(request.TransactionId);
        using var scope = logger.BeginScope("Resend for account {Account}", request.AccountNumber); // leak TC1001 logging-objects
        var vend = await history.FindAsync(request.AccountNumber, request.TransactionId, cancellationToken);
        if (vend is null)
        {
            logger.LogTopupVendFailedEvent(topupOutcome: "not-found", topupChannel: "resend", topupNote: $"no vend {request.TransactionId} on meter {request.MeterSerial}"); // leak TC1001 generated-api
            return;
        }

        var times = await history.ResendsAsync(request.TransactionId, cancellationToken);
        try
        {
            if (times >= 3)
            {
                throw new ResendLimitException(request.TransactionId, times);
            }
        }
        catch (ResendLimitException ex)
        {
            logger.LogWarning(ex, "Resend limit"); // clean exceptions
            return;
        }

        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(vend.Token)));
        if (!_sentDigests.Add(digest))
        {
            logger.LogInformation("Code {Digest} was already sent this session", digest); // leak TC1002 hashes
        }
        await texts.SendAsync(request.Mobile, $"Your top-up code is {vend.Token}", cancellationToken);
        var sent = new ResentCode(vend.TransactionId, vend.Token, request.Mobile, DateTimeOffset.UtcNow);
        logger.LogInformation("Resent {Sent}", sent); // leak TC1001 logging-objects
        logger.LogInformation("Resent code of {Transaction} at {SentAt}", sent.TransactionId, sent.SentAt); // clean precision-names
        span.Activity?.AddEvent(new ActivityEvent("topup.code.resent", tags: new ActivityTagsCollection { ["topup.resends"] = times + 1, ["topup.tariff"] = vend.TariffIndex })); // clean precision-about
        span.Activity?.SetTag(TopupAttributes.AccountId, pseudonymizer.ComputeTopupAccountId(request.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("topup.meter", request.MeterSerial); // leak TC1001 direct
        span.SetTopupNote($"resent to a mobile ending {request.Mobile[^3..]}"); // clean precision-about
    }
}
