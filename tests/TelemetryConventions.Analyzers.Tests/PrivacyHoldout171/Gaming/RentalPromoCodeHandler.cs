namespace PrivacyHoldout171.Gaming;

/// <summary>A one-use rental discount code issued to one player for the season pass partnership.</summary>
public sealed record RentalPromoCode(string Code, string PlayerId, string PlayerEmail, string Campaign, decimal Discount);

public interface IPromoCodeStore
{
    Task<RentalPromoCode?> FindAsync(string code, CancellationToken cancellationToken);
}

/// <summary>The rental partner calls back when a player redeems a discount code at the counter.</summary>
public sealed class RentalPromoCodeHandler(IPromoCodeStore codes, ILogger<RentalPromoCodeHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.RentalPromo");
    private static readonly Meter Meter = new("Studio.RentalPromo");
    private static readonly Counter<long> Redemptions = Meter.CreateCounter<long>("studio.promo.redemptions");

    public async Task<ActionResult> RedeemAsync(string code, string branch, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("promo.redeem");
        activity?.SetTag("promo.branch", branch); // clean precision-names
        activity?.SetTag("promo.code", code); // leak TC1001 direct
        activity?.SetTag("promo.code.length", code.Length); // clean precision-about

        var promo = await codes.FindAsync(code, cancellationToken);
        if (promo is null)
        {
            logger.LogWarning("Unknown promo code redeemed at {Branch}", branch); // clean precision-names
            return new NotFoundResult("code");
        }

        activity?.SetTag("promo.campaign", promo.Campaign); // clean precision-names
        activity?.SetTag("promo.discount", promo.Discount); // clean precision-about
        activity?.SetTag("promo.player.email.domain", promo.PlayerEmail[(promo.PlayerEmail.IndexOf('@') + 1)..]); // clean precision-about
        Redemptions.Add(1, new KeyValuePair<string, object?>("campaign", promo.Campaign)); // clean precision-names
        Redemptions.Add(1, new KeyValuePair<string, object?>("player.email", promo.PlayerEmail)); // leak TC1003 direct
        var message = string.Format(CultureInfo.InvariantCulture, "Code redeemed by {0} at {1}", promo.PlayerEmail, branch);
        logger.LogInformation(message); // leak TC1001 strings
        logger.LogInformation("Promo {Promo} redeemed", promo); // leak TC1001 logging-objects
        return new OkResult(null);
    }
}

/// <summary>Issues the season pass's rental discount codes in batches.</summary>
public sealed class PromoCodeIssuer(TelemetrySecrets secrets, ILogger<PromoCodeIssuer> logger)
{
    private static readonly ActivitySource Source = new("Studio.RentalPromo.Issue");

    public RentalPromoCode Issue(string playerId, string playerEmail, string campaign)
    {
        using var activity = Source.StartActivity("promo.issue");
        var code = $"{campaign[..3].ToUpperInvariant()}-{RandomNumberGenerator.GetHexString(8)}";
        activity?.SetTag("promo.campaign", campaign); // clean precision-names
        activity?.SetTag("promo.player.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(playerId)))); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        activity?.SetTag("promo.player.keyed", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(playerId)))); // clean hashes
        logger.LogInformation("Issued code {Code} to {PlayerEmail}", code, playerEmail); // leak TC1001 direct
        logger.LogInformation("Issued a {Campaign} code", campaign); // clean precision-names
        return new RentalPromoCode(code, playerId, playerEmail, campaign, 0.15m);
    }
}
