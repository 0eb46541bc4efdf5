using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout64.Gaming;

public sealed record PurchaseRequest(PlayerId Player, string Gamertag, string PlatformAccountId, string Sku, decimal Price, string Currency, string ClientIp);

public sealed record Granted(Guid GrantId, string Sku, int Quantity);

/// <summary>The store gateway's decline: a code from its published list.</summary>
public sealed record Declined(string DeclineCode);

/// <summary>A purchase held for review by a fraud rule, with the rule's evidence text.</summary>
public sealed record FraudHold(PlayerId Player, string Rule, string Evidence);

public interface IStoreGateway
{
    Task<Result<Granted, Declined>> ChargeAsync(PurchaseRequest request, CancellationToken cancellationToken);
}

public interface IFraudRules
{
    Option<FraudHold> Check(PurchaseRequest request);
}

/// <summary>The rules the store runs today.</summary>
public sealed class VelocityRules(IReadOnlyDictionary<string, int> purchasesPerAddress) : IFraudRules
{
    public Option<FraudHold> Check(PurchaseRequest request) =>
        purchasesPerAddress.TryFind(request.ClientIp)
            .Where(count => count >= 5)
            .Map(count => new FraudHold(request.Player, "address-velocity", $"{count} purchases from {request.ClientIp} in 10 minutes"));
}

public sealed class PurchaseService(
    IStoreGateway store,
    IFraudRules rules,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<PurchaseService> logger)
{
    private readonly Counter<long> _purchases = meter.CreateCounter<long>("store.purchases");

    public async Task<OneOf<Granted, Declined, FraudHold>> PurchaseAsync(PurchaseRequest request, CancellationToken cancellationToken)
    {
        Result.Try(() => ulong.Parse(request.PlatformAccountId))
            .OnFailure(error => logger.LogWarning("Platform account id unreadable: {Error}", error)); // leak TC1001 exceptions
        var hold = rules.Check(request);
        OneOf<Granted, Declined, FraudHold> outcome = hold.HasValue
            ? hold.ValueOr(null!)
            : (await store.ChargeAsync(request, cancellationToken)).Match<OneOf<Granted, Declined, FraudHold>>(granted => granted, declined => declined);

        var label = outcome.Match(g => $"granted:{g.Sku}", d => $"declined:{d.DeclineCode}", f => $"held:{f.Rule}");
        Activity.Current.EnrichLobbyMatchmake("store").SetLobbyOutcome(label); // clean generated-api
        _purchases.Add(1, new KeyValuePair<string, object?>("sku", request.Sku), new KeyValuePair<string, object?>("outcome", label)); // clean precision-about
        logger.LogInformation("Purchase ended as {Outcome}", outcome); // leak TC1001 logging-objects

        outcome.Switch(
            granted => logger.LogInformation("Granted {GrantId} x{Quantity}", granted.GrantId, granted.Quantity), // clean direct
            declined => logger.LogInformation("Declined {Code} for {PlayerRef}", declined.DeclineCode, pseudonymizer.ComputeLobbyPlayerId(request.Player.Value.ToString())), // clean precision-pseudonym
            held => logger.LogWarning("Held by {Rule}: {Evidence}", held.Rule, held.Evidence)); // leak TC1001 cross-member

        Activity.Current.EnrichLobbyMatchmake("store").SetLobbyPlayerId(Pseudonym.FromComputed(request.Player.Value.ToString("N"))); // leak TC1001 precision-pseudonym

        var legacyCohort = MD5.HashData(Encoding.UTF8.GetBytes(request.Gamertag))[0] % 10;
        logger.LogDebug("Store experiment cohort {Cohort}", legacyCohort); // leak TC1002 hashes

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var cohort = hmac.ComputeHash(Encoding.UTF8.GetBytes(request.Player.Value.ToString()))[0] % 4;
        _purchases.Add(0, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes

        return outcome;
    }

    /// <summary>The review desk's morning list.</summary>
    public void ReportHolds(IReadOnlyList<FraudHold> holds)
    {
        logger.LogInformation("Holds by rule: {Rules}", holds.CountBy(h => h.Rule)); // clean precision-about
        logger.LogInformation("Players on hold: {Players}", holds.Select(h => h.Player).Distinct()); // leak TC1001 logging-objects
        logger.LogInformation("Players on hold: {PlayerRefs}", holds.Select(h => pseudonymizer.ComputeLobbyPlayerId(h.Player.Value.ToString())).Distinct()); // clean precision-pseudonym
    }
}
