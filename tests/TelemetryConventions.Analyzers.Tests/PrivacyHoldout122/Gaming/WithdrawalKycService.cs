namespace PrivacyHoldout122.Gaming;

public sealed record WithdrawalRequest(Guid PlayerId, string Gamertag, decimal Amount, string Currency, string PayoutAccountName, string Iban, string Platform);

/// <summary>
/// Tournament prize withdrawals above the threshold need KYC: the player's document check must be clear
/// and the name on the payout account must match the name on the document.
/// </summary>
public sealed class WithdrawalKycService(
    IVeriDocClient veriDoc,
    IReviewQueue queue,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<WithdrawalKycService> logger)
{
    private const decimal KycThreshold = 2000m;

    private readonly Counter<long> _holds = meter.CreateCounter<long>("payouts.kyc.holds");

    public async Task<bool> ClearAsync(WithdrawalRequest request, string checkId, CancellationToken cancellationToken)
    {
        using var span = source.StartPlayeridvVerify(checkId, options.Vendor).SetPlayeridvPlatform(request.Platform); // clean generated-api
        span.SetPlayeridvPlayerId(pseudonymizer.PseudonymizePlayeridvPlayerId(request.PlayerId.ToString())); // clean generated-api
        span.Activity?.SetTag("withdrawal.amount", request.Amount); // clean precision-about
        span.Activity?.SetTag("withdrawal.currency", request.Currency); // clean precision-names
        span.Activity?.SetTag("withdrawal.player", request.PlayerId); // leak TC1001 direct
        span.Activity?.SetTag("withdrawal.gamertag", request.Gamertag); // leak TC1001 direct
        span.Activity?.SetTag("withdrawal.iban_country", request.Iban[..2]); // clean precision-about
        span.Activity?.SetTag("withdrawal.iban", request.Iban); // leak TC1001 direct

        if (request.Amount < KycThreshold)
        {
            return true;
        }

        var check = await veriDoc.FindCheckAsync(checkId, cancellationToken);
        var document = check.Reports.FirstOrDefault(r => r.Name == "document");
        var documentName = document?.Properties.GetValueOrDefault("full_name") ?? string.Empty;
        var namesMatch = string.Equals(Normalise(documentName), Normalise(request.PayoutAccountName), StringComparison.Ordinal);
        span.Activity?.SetTag("kyc.names_match", namesMatch); // clean precision-about
        span.Activity?.SetTag("kyc.result", check.Result?.ToString()); // clean precision-about

        if (check.Result != CheckResult.Clear || !namesMatch)
        {
            _holds.Add(1, new KeyValuePair<string, object?>("platform", request.Platform), new KeyValuePair<string, object?>("reason", namesMatch ? "kyc" : "name")); // clean precision-names
            logger.LogWarning("Withdrawal held: payout name {PayoutName} vs document {DocumentName}", request.PayoutAccountName, documentName); // leak TC1001 cross-member
            logger.LogWarning("Withdrawal held for {Player}: {Request}", pseudonymizer.ComputePlayeridvPlayerId(request.PlayerId.ToString()), request); // leak TC1001 logging-objects
            var task = await queue.EnqueueAsync(new ReviewTask(Guid.NewGuid().ToString("N"), "payout-kyc", check.Id, check.ApplicantId, $"{request.Gamertag} {request.Amount} {request.Currency}", DateTimeOffset.UtcNow.AddHours(12)) { Priority = 1 }, cancellationToken);
            span.SetPlayeridvReviewQueue(task.Queue).SetPlayeridvOutcome("held"); // clean generated-api
            span.SetPlayeridvNote(task.Subject); // leak TC1001 generated-api
            span.SetPlayeridvNote($"held {request.Amount} {request.Currency}, names match: {namesMatch}"); // clean generated-api
            return false;
        }

        logger.LogInformation("Withdrawal of {Amount} {Currency} cleared by check {CheckId}", request.Amount, request.Currency, check.Id); // clean strings
        return true;
    }

    private static string Normalise(string name) => string.Concat(name.Where(char.IsLetter)).ToUpperInvariant();
}
