namespace PrivacyHoldout77.Energy;

public sealed record MeterReadDto(string MeterSerial, DateTimeOffset ReadAt, decimal Kwh, string Source);

public sealed record SubmitReadRequest(string MeterSerial, decimal Kwh, DateTimeOffset ReadAt, string? PhotoReference);

public sealed record ReadAcceptedDto(Guid ReadId, string Register, decimal EstimatedBillKwh);

/// <summary>The metering platform's API, called from the customer portal's back end.</summary>
public interface IMeterReadsApi
{
    [Get("/accounts/{accountNumber}/reads?from={from}")]
    Task<IReadOnlyList<MeterReadDto>> GetReadsAsync(string accountNumber, DateOnly from, CancellationToken cancellationToken);

    [Post("/accounts/{accountNumber}/reads")]
    Task<ReadAcceptedDto> SubmitReadAsync(string accountNumber, [Body] SubmitReadRequest read, [Header("Idempotency-Key")] string idempotencyKey, CancellationToken cancellationToken);
}

public sealed class MeterReadsGateway(IMeterReadsApi api, ILogger<MeterReadsGateway> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _failures = meter.CreateCounter<long>("supplyapi.metering.failures", "{call}");
    private readonly Counter<long> _submitted = meter.CreateCounter<long>("supplyapi.metering.reads_submitted", "{read}");

    public async Task<IReadOnlyList<MeterReadDto>> RecentReadsAsync(string accountNumber, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichSupplyapiRequest("/api/v1/accounts/{accountNumber}/reads"); // clean precision-about
        span.SetSupplyapiAccountId(pseudonymizer.PseudonymizeSupplyapiAccountId(accountNumber)); // clean precision-pseudonym
        try
        {
            var reads = await api.GetReadsAsync(accountNumber, DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-13)), cancellationToken);
            logger.LogDebug("Metering returned {Count} reads, latest {Latest}", reads.Count, reads.MaxBy(r => r.ReadAt)?.ReadAt); // clean precision-about
            logger.LogDebug("Reads {Reads}", string.Join(" | ", reads)); // leak TC1001 logging-objects
            return reads;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogWarning("Metering has no reads: {Status} {Message}", (int)ex.StatusCode, ex.Message); // clean exceptions
            return Array.Empty<MeterReadDto>();
        }
        catch (ApiException ex)
        {
            _failures.Add(1, new TagList { { "operation", "get_reads" }, { "status", (int)ex.StatusCode } }); // clean precision-about
            logger.LogError("Metering call {Method} {Uri} failed with {Status}", ex.HttpMethod, ex.Uri, (int)ex.StatusCode); // leak TC1001 strings
            Activity.Current?.SetTag("supplyapi.metering.error_body", ex.Content); // leak TC1001 exceptions
            span.SetSupplyapiErrorCode($"METERING_{(int)ex.StatusCode}"); // clean precision-about
            throw;
        }
    }

    public async Task<ReadAcceptedDto?> SubmitAsync(string accountNumber, SubmitReadRequest read, CancellationToken cancellationToken)
    {
        var idempotencyKey = $"{accountNumber}:{read.MeterSerial}:{read.ReadAt:yyyyMMdd}";
        Activity.Current?.SetTag("supplyapi.idempotency_key", idempotencyKey); // leak TC1001 strings
        try
        {
            var accepted = await api.SubmitReadAsync(accountNumber, read, idempotencyKey, cancellationToken);
            _submitted.Add(1, new TagList { { "source", read.PhotoReference is null ? "typed" : "photo" } }); // clean precision-about
            logger.LogInformation("Read accepted {Accepted}", accepted); // clean logging-objects
            return accepted;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.UnprocessableEntity && ex.HasContent)
        {
            var problem = ex.GetContentAs<ValidationProblemDetails>();
            logger.LogWarning("Metering refused the read: {Fields}", string.Join(",", problem?.Errors.Keys ?? Array.Empty<string>())); // clean precision-names
            logger.LogWarning("Metering refused the read of meter {Serial}: {Problem}", read.MeterSerial, problem?.Detail); // leak TC1001 direct
            Activity.Current?.AddException(ex); // clean exceptions
            return null;
        }
    }
}
