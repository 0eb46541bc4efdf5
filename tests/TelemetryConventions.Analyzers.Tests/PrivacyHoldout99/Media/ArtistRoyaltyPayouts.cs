namespace PrivacyHoldout99.Media;

public sealed record RoyaltyStatement(string ArtistPayeeId, string ArtistLegalName, string StageName, string TaxId, string ConnectedAccountId, string Territory, long Streams, long RoyaltyMinor, string Currency);

/// <summary>Monthly royalty payouts to independent artists who distribute their tracks through the service.</summary>
public sealed class ArtistRoyaltyPayouts(
    IConnectClient connect,
    Pseudonymizer pseudonymizer,
    ILogger<ArtistRoyaltyPayouts> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Royalties.Payouts");
    private static readonly Meter Meter = new("Streaming.Royalties.Payouts");
    private static readonly Counter<long> RoyaltiesPaid = Meter.CreateCounter<long>("royalties.paid", "{minor}");

    public async Task PayAsync(IReadOnlyList<RoyaltyStatement> statements, string month, CancellationToken ct)
    {
        var byTerritory = statements.GroupBy(s => s.Territory).ToDictionary(g => g.Key, g => g.Sum(s => s.RoyaltyMinor));
        logger.LogInformation("Royalties for {Month} by territory {@ByTerritory}", month, byTerritory); // clean logging-objects
        logger.LogInformation("Royalty statements {@Statements}", statements); // leak TC1001 logging-objects

        foreach (var statement in statements)
        {
            var payee = pseudonymizer.PseudonymizeMediapayPayeeId(statement.ArtistPayeeId);
            using var span = Source.StartMediapayPayout($"royalties-{month}").SetMediapayPayeeId(payee).SetMediapayAmount(statement.RoyaltyMinor); // clean precision-pseudonym
            span.SetMediapayCurrency(statement.Currency); // clean precision-about
            span.Activity?.SetTag("royalty.streams", statement.Streams);
            span.Activity?.SetTag("royalty.territory", statement.Territory); // clean precision-names
            span.Activity?.SetTag("artist.stage_name", statement.StageName); // leak TC1001 direct
            span.Activity?.SetTag("artist.tax_id.country", statement.TaxId[..2]); // clean precision-about
            logger.LogDebug("Withholding checked for tax id {TaxId}", statement.TaxId); // leak TC1001 direct
            try
            {
                var transfer = await connect.TransferAsync(statement.RoyaltyMinor, statement.Currency, statement.ConnectedAccountId, $"royalties-{month}", new RequestOptions { IdempotencyKey = $"royalty:{statement.ArtistPayeeId}:{month}" }, ct);
                span.SetMediapayPaymentId(transfer.Id).SetMediapayOutcome("paid");
                span.Activity?.SetTag("transfer.group", transfer.TransferGroup); // clean precision-names
                logger.LogInformation("Transfer {@Transfer}", transfer with { DestinationAccountId = "redacted" }); // clean logging-objects
                logger.LogInformation("Royalty line {Line}", string.Join(";", statement.StageName, statement.Streams, statement.RoyaltyMinor)); // leak TC1001 strings
                RoyaltiesPaid.Add(statement.RoyaltyMinor, new KeyValuePair<string, object?>("territory", statement.Territory), new KeyValuePair<string, object?>("currency", statement.Currency));
                RoyaltiesPaid.Add(statement.RoyaltyMinor, new KeyValuePair<string, object?>("payee", statement.ArtistPayeeId)); // leak TC1003 direct
            }
            catch (AccountRestrictedException ex)
            {
                span.SetMediapayOutcome("restricted").RecordException(ex); // clean exceptions
                logger.LogWarning("Royalty payout to {Legal} held: {Reason}", statement.ArtistLegalName, ex.Message); // leak TC1001 direct
            }
        }
    }
}
