namespace PrivacyHoldout147.Gaming;

/// <summary>Shows a scam warning when a customer pays a new payee for in-game items (account or item trading scams).</summary>
public sealed class ItemTradeScamWarnings(IConfirmationOfPayee cop, IFraudEngine fraud, Pseudonymizer pseudonymizer, ILogger<ItemTradeScamWarnings> logger)
{
    private static readonly ActivitySource Source = new("Bank.ScamWarnings");
    private static readonly Counter<long> Warnings = new Meter("Bank.ScamWarnings").CreateCounter<long>("scam.warnings.shown");

    public async Task<ScamWarning?> CheckAsync(string accountNumber, Payee payee, decimal amount, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("scam.check");
        var match = await cop.CheckAsync(payee.Name, payee.SortCode, payee.AccountNumber, cancellationToken);
        activity?.SetTag("payee.id", payee.PayeeId); // clean direct
        activity?.SetTag("payee.sort_code", payee.SortCode); // clean precision-about
        activity?.SetTag("payee.cop_match", match.MatchCode); // clean direct
        activity?.SetTag("payee.name", payee.Name); // leak TC1001 direct
        activity?.SetTag("payee.account_number", payee.AccountNumber); // leak TC1001 direct
        activity?.SetTag("payee.reference", payee.Reference); // leak TC1001 direct
        if (match.MatchCode == "CLOSE_MATCH")
        {
            var mismatch = new PayeeNameMismatchException(payee.Name, match.SuggestedName ?? string.Empty);
            logger.LogWarning(mismatch, "Payee {PayeeId} is a close match", payee.PayeeId); // leak TC1001 exceptions
            activity?.SetTag("payee.suggested_name", match.SuggestedName); // leak TC1001 direct
        }

        var score = await fraud.ScoreAsync(accountNumber, payee.AccountNumber, amount, cancellationToken);
        logger.LogInformation("Fraud score {@Score}", score); // clean logging-objects
        var warning = new ScamWarning(Guid.NewGuid().ToString("N"), score.Band == "high" ? "item-trade" : "none", "gaming items", Proceeded: false);
        Warnings.Add(1, new KeyValuePair<string, object?>("scam_type", warning.ScamType), new KeyValuePair<string, object?>("band", score.Band)); // clean direct
        Warnings.Add(1, new KeyValuePair<string, object?>("payee_account", payee.AccountNumber)); // leak TC1003 direct
        logger.LogInformation("Scam warning {@Warning}", warning); // clean logging-objects
        activity?.SetTag("payer", pseudonymizer.ComputeWalletpayCustomerId(accountNumber)); // clean precision-pseudonym
        return warning.ScamType == "none" ? null : warning;
    }
}
