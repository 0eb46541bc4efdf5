namespace PrivacyHoldout119.Gaming;

/// <summary>The merch store asks to pay part of a basket with VIP points.</summary>
public sealed record BurnAtStore(Guid PlayerId, string Gamertag, string BasketId, int Points, string Country);

/// <summary>Handles the merch partner's burn calls: VIP points pay for hoodies and figures.</summary>
public sealed class MerchStoreBurnHandler(IPartnerGateway partners, IPointsLedger ledger, Pseudonymizer pseudonymizer, ILogger<MerchStoreBurnHandler> logger)
{
    private const string Programme = "vip-club";
    private const string Partner = "merch-store";
    private static readonly ActivitySource Source = new("Publisher.Vip.Partners");
    private static readonly Meter Meter = new("Publisher.Vip.Partners");

    public async Task<PartnerBurn?> HandleAsync(BurnAtStore burn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartViprwdRedeem(Programme)
            .SetViprwdPoints(burn.Points);
        span.Activity?.SetTag("merch.basket", burn.BasketId); // clean precision-names
        span.Activity?.SetTag("merch.country", burn.Country);
        span.Activity?.SetBaggage("vip.gamertag", burn.Gamertag); // leak TC1001 direct
        var playerKey = burn.PlayerId.ToString();

        var balance = await ledger.BalanceAsync(playerKey, cancellationToken);
        span.Activity?.SetTag("viprwd.balance.available", balance.Available); // clean precision-about
        logger.LogDebug("Balance before burn {Balance}", balance); // clean logging-objects
        try
        {
            if (balance.Available < burn.Points)
            {
                throw new InsufficientPointsException(playerKey, burn.Points, balance.Available);
            }

            var result = await partners.BurnAsync(Partner, playerKey, burn.Points, cancellationToken);
            logger.LogInformation("Burn authorised {Burn}", result); // clean logging-objects
            Meter.CreateViprwdPointsPostedCounter().Add(-burn.Points, Programme, Partner, "burned"); // clean generated-api
            return result;
        }
        catch (InsufficientPointsException ex)
        {
            logger.LogWarning(ex, "Burn refused for basket {Basket}", burn.BasketId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "insufficient points"); // clean exceptions
            span.Activity?.SetTag("viprwd.shortfall", ex.Requested - ex.Available); // clean precision-about
            return null;
        }
        catch (PartnerApiException ex) when (ex.Status == 404)
        {
            span.Activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Store did not know player {PlayerId} ({Error})", burn.PlayerId, ex.ErrorCode); // leak TC1001 direct
            return null;
        }
        finally
        {
            Meter.CreateViprwdRedeemDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Programme, burn.Gamertag); // leak TC1003 generated-api
        }
    }
}
