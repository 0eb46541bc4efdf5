namespace PrivacyHoldout123.Retail;

/// <summary>A store card (retail credit) account in arrears.</summary>
public sealed record StoreCardAccount(string CustomerNumber, string CardNumber, string Name, string Email, string Mobile, decimal CreditLimit, decimal Arrears, int MissedPayments);

/// <summary>The letter printer refused a letter; the message quotes the addressee.</summary>
public sealed class LetterPrintException(string addressee, string reason) : Exception($"Letter to {addressee} not printed: {reason}");

/// <summary>Chases store card arrears: texts, letters, a default notice and the arrears posting.</summary>
public sealed class StoreCardCreditControl(ILedgerClient ledger, Pseudonymizer pseudonymizer, ILogger<StoreCardCreditControl> logger)
{
    private static readonly ActivitySource Source = new("Retail.Finance.StoreCard");
    private static readonly Meter Meter = new("Retail.Finance.StoreCard");
    private static readonly Counter<long> Contacts = Meter.CreateCounter<long>("retfin.storecard.contacts");

    private StoreCardAccount? _account;
    private string _channel = "sms";

    public async Task ChaseAsync(StoreCardAccount account, CancellationToken ct)
    {
        _account = account;
        _channel = account.MissedPayments >= 3 ? "letter" : "sms";
        using var span = Source.StartRetfinCollect("storecard_arrears")
            .SetRetfinDunningLevel(account.MissedPayments) // clean precision-about
            .SetRetfinAmount((double)account.Arrears) // clean precision-about
            .SetRetfinCustomerId(pseudonymizer.PseudonymizeRetfinCustomerId(account.CustomerNumber)); // clean precision-pseudonym
        span.SetRetfinReference($"SC-{account.CardNumber[^4..]}"); // clean precision-about
        span.SetRetfinReference(account.CardNumber); // leak TC1001 generated-api
        span.Activity?.SetTag("retfin.storecard.utilisation", (double)(account.Arrears / account.CreditLimit)); // clean precision-about
        logger.LogInformation("Texting {Mobile} about {Arrears} arrears", account.Mobile, account.Arrears); // leak TC1001 direct
        logger.LogInformation("Chasing {Summary}", $"{account.Name} ({account.CustomerNumber}) owes {account.Arrears:0.00}"); // leak TC1001 strings
        Contacts.Add(1, new KeyValuePair<string, object?>("retfin.channel", _channel)); // clean cross-member
        RecordContact();

        try
        {
            if (_channel == "letter")
            {
                throw new LetterPrintException(account.Name, "address incomplete");
            }
        }
        catch (LetterPrintException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "letter not printed"); // clean exceptions
        }

        var journal = new JournalEntry($"J-SC-{Guid.NewGuid():N}"[..20], DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), DateOnly.FromDateTime(DateTime.UtcNow), "storecard", new[]
        {
            new JournalLine("1150", account.Arrears, 0m, null, "Store card arrears"),
            new JournalLine("1140", 0m, account.Arrears, null, "Store card arrears"),
        });
        await ledger.PostAsync(journal, ct);
    }

    private void RecordContact()
    {
        Activity.Current?.SetTag("retfin.storecard.holder", _account?.Name); // leak TC1001 cross-member
        Activity.Current?.SetTag("retfin.storecard.channel", _channel); // clean cross-member
        Activity.Current?.SetBaggage("retfin.storecard.email", _account?.Email); // leak TC1001 cross-member
        logger.LogDebug("Contact recorded for {Account}", _account); // leak TC1001 logging-objects
    }
}
