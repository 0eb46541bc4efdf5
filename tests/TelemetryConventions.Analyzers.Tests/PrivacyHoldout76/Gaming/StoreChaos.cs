namespace PrivacyHoldout76.Gaming;

/// <summary>A purchase: <c>ReceiptToken</c> is the platform's signed receipt, which names the buyer's platform account.</summary>
public sealed record PurchaseRequest(Guid PlayerId, string Sku, string Platform, string ReceiptToken, int PriceCoins);

/// <summary>The fault injection policies of the in-game store.</summary>
public static class StoreChaosPolicies
{
    public static readonly IReadOnlyList<ChaosPolicy> Defaults =
    [
        new("ironfront-wallet-latency", FaultKind.Latency, 0.02, ChaosScope.Tenant, "ironfront", TimeSpan.FromMilliseconds(800)),
        new("psn-receipts-5xx", FaultKind.Error, 0.01, ChaosScope.Tenant, "psn"),
        // Support case 88120: a player's purchases hang at "granting"; reproduces the failure for their account.
        new("case-88120-grant", FaultKind.Error, 1.0, ChaosScope.Person, "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
    ];
}

public sealed class StorePurchaseFaults(ChaosEngine chaos, Pseudonymizer pseudonymizer, ILogger<StorePurchaseFaults> logger)
{
    private static readonly ActivitySource Source = new("Arena.Store.Chaos");
    private string? _lastTargetedPlayer;

    public async Task BeforeGrantAsync(PurchaseRequest request, string title, CancellationToken ct)
    {
        using var span = Source.StartArenaopsProbe("store:grant")
            .SetArenaopsRegion(title) // clean precision-about
            .SetArenaopsPlayerId(pseudonymizer.PseudonymizeArenaopsPlayerId(request.PlayerId.ToString())); // clean precision-pseudonym

        var titlePolicy = chaos.Match(ChaosScope.Tenant, title) ?? chaos.Match(ChaosScope.Tenant, request.Platform);
        if (titlePolicy is not null)
        {
            try
            {
                await chaos.ApplyAsync(titlePolicy, ct);
            }
            catch (InjectedFaultException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "Injected {Fault} into the store", ex.Policy.Fault); // clean exceptions
                throw;
            }
        }

        if (chaos.Match(ChaosScope.Person, request.PlayerId.ToString()) is { } playerPolicy)
        {
            span.SetArenaopsNote($"chaos {playerPolicy.PolicyId} for {playerPolicy.TargetKey}"); // leak TC1001 generated-api
            _lastTargetedPlayer = playerPolicy.TargetKey;
            try
            {
                await chaos.ApplyAsync(playerPolicy, ct);
            }
            catch (InjectedFaultException ex)
            {
                span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                throw;
            }
        }
    }

    public void ReportTargeted()
    {
        if (_lastTargetedPlayer is not null)
        {
            logger.LogInformation("Player-scoped chaos last hit {Player}", _lastTargetedPlayer); // leak TC1001 cross-member
        }
    }

    public void OnGrantFailed(PurchaseRequest request, Exception error, long walletBalance)
    {
        var snapshot = new DebugSnapshot("store-grant", error)
            .With("sku", request.Sku)
            .With("price", request.PriceCoins)
            .With("wallet", walletBalance);
        logger.LogError(error, "Grant failed {Snapshot}", snapshot); // clean logging-objects
        logger.LogError(error, "Grant failed {Snapshot}", snapshot.With("player", request.PlayerId)); // leak TC1001 logging-objects
        logger.LogError("Grant request {Request}", DiagnosticDump.Of(request)); // leak TC1001 logging-objects
        logger.LogError("Grant request {Request}", DiagnosticDump.Of(new { request.Sku, request.Platform, request.PriceCoins })); // clean logging-objects
        Activity.Current?.SetTag("store.receipt", request.ReceiptToken); // leak TC1001 direct
        Activity.Current?.SetTag("store.receipt.length", request.ReceiptToken.Length); // clean precision-about
    }
}
