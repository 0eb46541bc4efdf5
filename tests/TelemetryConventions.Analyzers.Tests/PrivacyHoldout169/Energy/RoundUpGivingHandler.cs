namespace PrivacyHoldout169.Energy;

/// <summary>Adds customers' round-up pledges to their bills and passes the donations on, with Gift Aid where declared.</summary>
public sealed class RoundUpGivingHandler(
    IDonorStore donors,
    Pseudonymizer pseudonymizer,
    ILogger<RoundUpGivingHandler> logger)
{
    private static readonly ActivitySource Source = new("EnergyTrust.RoundUp");

    private readonly Dictionary<string, decimal> _pendingByAccount = new();
    private int _pendingCount;

    public async Task AddAsync(RoundUpPledge pledge, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("roundup.add");
        activity?.SetTag("roundup.charity", pledge.Charity); // clean direct
        activity?.SetTag("roundup.per_bill", (double)pledge.PerBill); // clean direct
        logger.LogInformation("Round-up pledge for account {Account} to {Charity}", pledge.AccountNumber, pledge.Charity); // leak TC1001 direct
        logger.LogDebug("Added {Pledge}", pledge); // leak TC1001 logging-objects
        Note(activity, pledge.AccountNumber); // leak TC1001 cross-member
        Note(activity, pledge.Charity); // clean cross-member
        _pendingByAccount[pledge.AccountNumber] = pledge.PerBill;
        _pendingCount++;

        var declaration = await donors.FindDeclarationAsync(pledge.AccountNumber, cancellationToken);
        activity?.SetTag("roundup.gift_aid_declared", declaration is not null); // clean precision-about
        if (declaration is not null)
        {
            var address = $"{declaration.HouseNumber} {declaration.Postcode}";
            activity?.SetTag("roundup.declaration_address", address); // leak TC1001 strings
            logger.LogInformation("Declaration on file {@Declaration}", declaration); // leak TC1001 logging-objects
        }
    }

    private static void Note(Activity? activity, string subject) =>
        activity?.AddEvent(new ActivityEvent("roundup.noted", tags: new ActivityTagsCollection { ["subject"] = subject })); // leak TC1001 direct

    public void Flush()
    {
        using var activity = Source.StartActivity("roundup.flush");
        activity?.SetTag("roundup.pending", _pendingCount); // clean cross-member
        activity?.SetTag("roundup.accounts", string.Join(";", _pendingByAccount.Keys)); // leak TC1001 cross-member
        logger.LogInformation("Flushing {Total} across {Count} accounts", _pendingByAccount.Values.Sum(), _pendingByAccount.Count); // clean cross-member
        foreach (var account in _pendingByAccount.Keys)
        {
            logger.LogDebug("Round-up donor {DonorRef}", pseudonymizer.PseudonymizeEnergytrustDonorId(account)); // clean precision-pseudonym
            logger.LogDebug("Round-up customer {Hash}", account.GetHashCode()); // leak TC1002 hashes
        }
        _pendingByAccount.Clear();
        _pendingCount = 0;
    }
}
