namespace PrivacyHoldout77.Transport;

public sealed record RefundRequest(string CardNumber, string JourneyId, decimal AmountPence, string Reason, string RiderEmail);

public sealed record RefundDecisionDto(Guid RefundId, string Status, decimal AmountPence);

/// <summary>The fares back office's refund API.</summary>
public interface IRefundsApi
{
    [Post("/refunds")]
    Task<RefundDecisionDto> RequestAsync([Body] RefundRequest request, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/cards/{cardNumber}/refunds")]
    Task<IReadOnlyList<RefundDecisionDto>> HistoryAsync(string cardNumber, CancellationToken cancellationToken);
}

public sealed class RefundGateway(IRefundsApi refunds, ILogger<RefundGateway> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _decisions = meter.CreateCounter<long>("transitapi.refunds.decisions", "{refund}");

    public async Task<RefundDecisionDto?> RequestAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.CardNumber}|{request.JourneyId}")));
        logger.LogDebug("Refund idempotency key {Key}", key); // leak TC1002 hashes
        Activity.Current?.SetTag("transitapi.refund.journey", request.JourneyId); // clean precision-about
        Activity.Current?.SetTag("transitapi.refund.card_last4", Cards.LastFour(request.CardNumber)); // clean precision-about
        try
        {
            var decision = await refunds.RequestAsync(request, key, cancellationToken);
            _decisions.Add(1, new TagList { { "status", decision.Status }, { "reason", request.Reason } }); // clean precision-about
            logger.LogInformation("Refund decided {Decision}", decision); // clean logging-objects
            return decision;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = ex.GetContentAs<ValidationProblemDetails>();
            logger.LogWarning("Refund refused on {Fields}", problem is null ? "" : string.Join(",", problem.Errors.Keys)); // clean precision-names
            logger.LogWarning("Refund request was {Request}", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects
            return null;
        }
    }

    public async Task<int> HistoryCountAsync(string cardNumber, CancellationToken cancellationToken)
    {
        try
        {
            return (await refunds.HistoryAsync(cardNumber, cancellationToken)).Count;
        }
        catch (ApiException ex)
        {
            logger.LogWarning("Refund history failed: {Message}", ex.Message); // clean exceptions
            logger.LogWarning("Refund history failed for {Uri}", ex.RequestMessage.RequestUri); // leak TC1001 strings
            Activity.Current?.AddEvent(new ActivityEvent("refunds.history.failed", tags: new ActivityTagsCollection { ["status"] = (int)ex.StatusCode, ["rider"] = pseudonymizer.ComputeTransitapiRiderId(cardNumber) })); // clean precision-pseudonym
            return 0;
        }
    }
}
