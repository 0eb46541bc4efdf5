namespace PrivacyHoldout147.Gaming;

/// <summary>Tops up a game wallet from the bank app, within the spending limit the customer (or a parent) set.</summary>
public sealed class WalletTopUpHandler(
    IGamePlatformClient platform,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WalletTopUpHandler> logger)
{
    private static readonly UpDownCounter<long> InFlight = new Meter("Bank.Wallets").CreateUpDownCounter<long>("walletpay.inflight");

    public async Task<string?> HandleAsync(WalletTopUp topUp, SpendingLimit limit, CancellationToken cancellationToken)
    {
        using var span = source.StartWalletpayOperation(topUp.Game);
        span.SetWalletpayPlayerId(pseudonymizer.PseudonymizeWalletpayPlayerId(topUp.PlayerId.ToString())); // clean generated-api
        span.SetWalletpayProduct("game-wallet"); // clean generated-api
        Activity.Current?.SetTag("walletpay.player_id", topUp.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("walletpay.amount", topUp.Amount); // clean direct
        Activity.Current?.SetTag("walletpay.limit_remaining", limit.MonthlyLimit - limit.Spent); // clean precision-about
        Activity.Current?.SetTag("walletpay.parent_set_limit", limit.ParentSet); // clean precision-about
        InFlight.Add(1, new KeyValuePair<string, object?>("game", topUp.Game)); // clean direct
        logger.LogInformation("Top-up {TopUpId} of {Amount} for {Game}", topUp.TopUpId, topUp.Amount, topUp.Game); // clean direct
        logger.LogInformation("Top-up for {Gamertag}", topUp.Gamertag); // leak TC1001 direct
        logger.LogInformation("Spending limit {@Limit}", limit); // clean logging-objects

        try
        {
            if (topUp.Amount > limit.MonthlyLimit - limit.Spent)
            {
                span.SetWalletpayOutcome("over-limit"); // clean generated-api
                return null;
            }

            var credit = await platform.CreditAsync(topUp.PlayerId, topUp.Game, topUp.Amount, cancellationToken);
            Activity.Current?.SetTag("walletpay.platform_transaction_id", credit); // clean direct
            TopUpLog.Credited(logger, topUp.TopUpId, topUp.Gamertag); // clean logging-objects
            TopUpLog.CreditedPlayer(logger, topUp.TopUpId, topUp.PlayerId); // leak TC1001 logging-objects
            meter.CreateWalletpayTopupsCounter().Add(1, walletpayGame: topUp.Game, walletpayOutcome: "credited"); // clean generated-api
            return credit;
        }
        catch (PlayerNotLinkedException ex)
        {
            logger.LogError(ex, "Top-up {TopUpId} failed", topUp.TopUpId); // leak TC1001 exceptions
            logger.LogWalletpayOperationFailedEvent(topUp.Game, "not-linked", walletpayCustomerId: pseudonymizer.PseudonymizeWalletpayCustomerId(topUp.AccountNumber)); // clean generated-api
            meter.CreateWalletpayTopupsCounter().Add(1, walletpayGame: topUp.Game, walletpayOutcome: $"not-linked:{topUp.Gamertag}"); // leak TC1003 generated-api
            return null;
        }
        catch (GamblingBlockException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning("Top-up blocked: {Message}", ex.Message); // clean exceptions
            return null;
        }
        finally
        {
            InFlight.Add(-1, new KeyValuePair<string, object?>("game", topUp.Game)); // clean direct
        }
    }
}

internal static partial class TopUpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Top-up {TopUpId} credited to {Gamertag}")]
    public static partial void Credited(ILogger logger, string topUpId, [PrivateData] string gamertag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Top-up {TopUpId} credited to player {PlayerId}")]
    public static partial void CreditedPlayer(ILogger logger, string topUpId, Guid playerId);
}
