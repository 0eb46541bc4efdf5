namespace PrivacyHoldout137.Gaming;

public sealed record RedeemTopUpCommand(Guid PlayerId, string Gamertag, string Email, string OfferSku, int Coins, string PrepaymentMeterSerial, string Platform);

public sealed class InsufficientCoinsException(Guid playerId, int balance, int needed)
    : Exception($"Player {playerId} has {balance} coins, needs {needed}")
{
    public int Balance { get; } = balance;

    public int Needed { get; } = needed;
}

public interface IWallet
{
    Task DebitAsync(Guid playerId, int coins, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Lets players spend earned coins on a real prepayment top-up: debits the wallet, vends the credit
/// through the energy partner and mails the UTRN.
/// </summary>
public sealed partial class RewardTopUpRedemptionHandler(
    IWallet wallet,
    IVendingClient vending,
    Pseudonymizer pseudonymizer,
    ILogger<RewardTopUpRedemptionHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Store.EnergyRewards");
    private static readonly Meter Meter = new("Studio.Store.EnergyRewards");
    private static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("store.energy_topups");
    private static readonly PrepayVendsCounter Vends = Meter.CreatePrepayVendsCounter();

    public async Task<VendResult?> HandleAsync(RedeemTopUpCommand command, CancellationToken ct)
    {
        var player = pseudonymizer.PseudonymizePrepayAccountId(command.PlayerId.ToString());
        using var span = Source.StartPrepayVend("reward").SetPrepayAccountId(player); // clean precision-pseudonym
        span.Activity?.SetTag("store.offer_sku", command.OfferSku); // clean precision-names
        span.Activity?.SetTag("store.platform", command.Platform); // clean precision-names
        span.Activity?.SetTag("store.coins", command.Coins); // clean precision-about
        span.Activity?.SetTag("player.email_domain", command.Email[(command.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetBaggage("player.id", command.PlayerId.ToString()); // leak TC1001 direct

        try
        {
            await wallet.DebitAsync(command.PlayerId, command.Coins, $"energy-topup:{command.OfferSku}", ct);
        }
        catch (InsufficientCoinsException ex)
        {
            span.SetPrepayOutcome("declined").RecordException(ex); // clean exceptions
            LogShortfall(logger, ex.Balance, ex.Needed); // clean exceptions
            logger.LogInformation("Redemption refused: {Reason}", ex.Message); // leak TC1001 exceptions
            return null;
        }

        var amount = command.Coins / 100m;
        var vend = await vending.VendAsync(new TopUpRequest(command.PrepaymentMeterSerial, "REWARD", amount, "reward"), ct);
        span.SetPrepayTopupId(vend.TopUpId).SetPrepayAmount((double)vend.Credit).SetPrepayOutcome("vended"); // clean precision-names
        span.SetPrepayNote($"Top-up for {command.Gamertag}"); // leak TC1001 generated-api
        span.Activity?.SetTag(PrepayAttributes.Contact, command.Email); // leak TC1001 generated-api
        logger.LogInformation("Redeemed {Command}", command); // leak TC1001 logging-objects
        logger.LogInformation("Redeemed {Sku} on {Platform} for {Coins} coins", command.OfferSku, command.Platform, command.Coins); // clean precision-names
        Redemptions.Add(1, new KeyValuePair<string, object?>("sku", command.OfferSku), new("platform", command.Platform)); // clean precision-names
        Redemptions.Add(1, new KeyValuePair<string, object?>("player", player)); // leak TC1003 precision-pseudonym
        Vends.Add(1, "reward", "vended"); // clean generated-api
        LogVend(logger, vend.TopUpId, vend.Utrn); // clean generated-api
        return vend;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallet short: {Balance} of {Needed}")]
    private static partial void LogShortfall(ILogger logger, int balance, int needed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vend {TopUpId} issued UTRN {Utrn}")]
    private static partial void LogVend(ILogger logger, string topUpId, [PrivateData] string utrn);
}
