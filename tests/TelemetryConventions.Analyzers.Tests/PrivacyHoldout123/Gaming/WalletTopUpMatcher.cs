namespace PrivacyHoldout123.Gaming;

/// <summary>A wallet top-up that could not be credited; the message quotes the player the transfer named.</summary>
public sealed class WalletNotFoundException(string playerReference) : Exception($"No wallet for player reference '{playerReference}'")
{
    public string PlayerReference { get; } = playerReference;
}

/// <summary>Credits players' wallets from bank transfers, which quote WALLET-{player id} as their reference.</summary>
public sealed class WalletTopUpMatcher(IBankFeed feed, Pseudonymizer pseudonymizer, FinanceOptions options, ILogger<WalletTopUpMatcher> logger)
{
    private static readonly ActivitySource Source = new("Studio.Payments.Wallet");
    private static readonly Meter Meter = new("Studio.Payments.Wallet");
    private static readonly Counter<double> TopUps = Meter.CreateCounter<double>("gamepay.wallet.topups", "EUR");

    private string _lastPlayerReference = string.Empty;
    private string _lastStatementId = string.Empty;

    public async Task MatchAsync(IReadOnlyDictionary<Guid, decimal> wallets, CancellationToken ct)
    {
        var statement = await feed.LatestAsync(options.CollectionAccountIban, ct);
        _lastStatementId = statement.StatementId;
        using var span = Source.StartGamepayPost(statement.StatementId, "wallet_statement").SetGamepayLineCount(statement.Entries.Count); // clean precision-about
        foreach (var entry in statement.Entries)
        {
            var reference = entry.RemittanceInformation?.Trim() ?? string.Empty;
            _lastPlayerReference = reference;
            try
            {
                var playerId = Credit(wallets, reference, entry.Amount);
                span.Activity?.AddEvent(new ActivityEvent("gamepay.wallet.credited", tags: new ActivityTagsCollection { ["gamepay.wallet.reference"] = reference })); // leak TC1001 strings
                span.Activity?.AddEvent(new ActivityEvent("gamepay.wallet.credited", tags: new ActivityTagsCollection { ["gamepay.player"] = pseudonymizer.ComputeGamepayCustomerId(playerId.ToString()) })); // clean precision-pseudonym
                TopUps.Add((double)entry.Amount, new KeyValuePair<string, object?>("gamepay.currency", entry.Currency)); // clean direct
                TopUps.Add((double)entry.Amount, new KeyValuePair<string, object?>("gamepay.player", pseudonymizer.ComputeGamepayCustomerId(playerId.ToString()))); // leak TC1003 precision-pseudonym
                logger.LogInformation("Wallet of {Player} credited with {Amount} by {Payer}", playerId, entry.Amount, entry.DebtorName); // leak TC1001 direct
            }
            catch (WalletNotFoundException ex)
            {
                span.Activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Top-up {Entry} not credited: {Error}", entry.EntryReference, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Top-up {Entry} not credited ({Type})", entry.EntryReference, ex.GetType().Name); // clean exceptions
                ReportUnmatched();
            }
        }
    }

    private static Guid Credit(IReadOnlyDictionary<Guid, decimal> wallets, string reference, decimal amount)
    {
        if (!reference.StartsWith("WALLET-", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(reference[7..], out var playerId) || !wallets.ContainsKey(playerId))
        {
            throw new WalletNotFoundException(reference);
        }
        return playerId;
    }

    private void ReportUnmatched()
    {
        Activity.Current?.SetTag("gamepay.unmatched.reference", _lastPlayerReference); // leak TC1001 cross-member
        Activity.Current?.SetTag("gamepay.unmatched.statement", _lastStatementId); // clean cross-member
        Activity.Current?.SetTag("gamepay.unmatched.reference_length", _lastPlayerReference.Length); // clean precision-about
        Activity.Current?.SetTag("gamepay.unmatched.crc", _lastPlayerReference.GetHashCode()); // leak TC1002 hashes
        logger.LogGamepayPaymentFailedEvent("wallet_topup", "unmatched", gamepayReference: _lastPlayerReference); // leak TC1001 generated-api
        logger.LogGamepayPaymentFailedEvent("wallet_topup", "unmatched", pseudonymizer.PseudonymizeGamepayCustomerId(_lastPlayerReference)); // clean precision-pseudonym
    }
}
