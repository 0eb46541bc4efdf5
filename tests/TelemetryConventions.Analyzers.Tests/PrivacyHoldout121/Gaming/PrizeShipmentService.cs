namespace PrivacyHoldout121.Gaming;

/// <summary>A tournament prize (hardware, trophies) owed to a winner.</summary>
public sealed record PrizeClaim(string ClaimId, string TournamentId, Guid PlayerId, string Gamertag, string LegalName, Address ShipTo);

/// <summary>Ships tournament prizes to winners, with a signature for hardware.</summary>
public sealed partial class PrizeShipmentService(ICarrierClient carrier, Pseudonymizer pseudonymizer, ILogger<PrizeShipmentService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Esports.Prizes");
    private static readonly Meter Meter = new("Studio.Esports.Prizes");
    private static readonly Counter<long> PrizesShipped = Meter.CreateCounter<long>("esports.prizes.shipped");

    public async Task ShipAsync(PrizeClaim claim, CancellationToken cancellationToken)
    {
        using var span = Source.StartMerchshipDelivery(claim.ClaimId, "ups")
            .SetMerchshipRecipientId(pseudonymizer.PseudonymizeMerchshipRecipientId(claim.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("prize.tournament", claim.TournamentId); // clean precision-names
        span.Activity?.SetTag("prize.country", claim.ShipTo.Country); // clean precision-about
        span.Activity?.SetTag("prize.winner", claim.Gamertag); // leak TC1001 direct
        PrizesShipped.Add(1, new KeyValuePair<string, object?>("prize.tournament", claim.TournamentId)); // clean precision-names
        PrizesShipped.Add(1, new KeyValuePair<string, object?>("prize.winner", pseudonymizer.ComputeMerchshipRecipientId(claim.PlayerId.ToString()))); // leak TC1003 precision-pseudonym

        try
        {
            var shipment = await carrier.CreateShipmentAsync(claim.ShipTo with { Name = claim.LegalName }, new Parcel(4000, 50, 40, 20), "express-signature", claim.ClaimId, cancellationToken);
            LogShipped(logger, claim.ClaimId, shipment.TrackingNumber); // clean precision-names
            LogShippedTo(logger, claim.ClaimId, claim.LegalName); // leak TC1001 direct
        }
        catch (AddressVerificationException ex)
        {
            LogAddressRefused(logger, ex, claim.ClaimId); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
        }
        catch (CarrierApiException ex)
        {
            logger.LogError(ex, "UPS refused prize {ClaimId} ({Code})", claim.ClaimId, ex.Code); // clean exceptions
        }
    }

    public void Claimed(PrizeClaim claim) => logger.LogInformation("Prize claimed {Claim}", claim); // leak TC1001 logging-objects

    public void Summarise(IReadOnlyList<PrizeClaim> claims)
    {
        var byCountry = claims.GroupBy(c => c.ShipTo.Country).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Prizes by country {ByCountry}", byCountry); // clean logging-objects
        var byWinner = claims.GroupBy(c => c.Gamertag).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Prizes by winner {ByWinner}", byWinner); // leak TC1001 logging-objects
        Activity.Current?.SetTag("prize.winners.hash", string.Join(",", claims.Select(c => c.PlayerId.GetHashCode().ToString("x8")))); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Prize {ClaimId} shipped as {TrackingNumber}")]
    private static partial void LogShipped(ILogger logger, string claimId, string trackingNumber);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Prize {ClaimId} addressed to {LegalName}")]
    private static partial void LogShippedTo(ILogger logger, string claimId, string legalName);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Prize {ClaimId} address refused")]
    private static partial void LogAddressRefused(ILogger logger, Exception exception, string claimId);
}
