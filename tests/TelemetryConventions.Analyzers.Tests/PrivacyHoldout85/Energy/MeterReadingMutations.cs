namespace PrivacyHoldout85.Energy;

/// <summary>A reading as the app submits it; <c>PhotoUrl</c> is the upload under <c>/accounts/{accountNumber}/reads/</c>.</summary>
public sealed record SubmitReadingInput(string AccountNumber, string MeterSerial, string Register, decimal Value, DateOnly ReadOn, string? PhotoUrl);

public sealed record ReadingAccepted(Guid ReadingId, string Register, decimal Value, decimal? EstimatedBill);

public sealed class ReadingOutOfRangeException(string meterSerial, string register, decimal value, decimal expectedMax)
    : Exception($"Reading {value} on register {register} of meter {meterSerial} is above the expected {expectedMax}.")
{
    public string Register { get; } = register;

    public decimal Value { get; } = value;
}

public sealed class TariffNotFoundException(string tariffCode) : Exception($"Tariff {tariffCode} has no rate for today.")
{
    public string TariffCode { get; } = tariffCode;
}

public interface IReadingsService
{
    Task<ReadingAccepted> SubmitAsync(SubmitReadingInput input, CancellationToken cancellationToken);
}

[MutationType]
public sealed class MeterReadingMutations(IReadingsService readings, Pseudonymizer pseudonymizer, ILogger<MeterReadingMutations> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Grid.GraphQL");

    [Cost(20)]
    public async Task<ReadingAccepted> SubmitMeterReadingAsync(SubmitReadingInput input, IResolverContext context)
    {
        using var span = Source.StartGridgqlOperation(context.Operation.Name).SetGridgqlOperationType("mutation").SetGridgqlAccountId(pseudonymizer.PseudonymizeGridgqlAccountId(input.AccountNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("grid.meter.model", input.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("grid.reading.register", input.Register); // clean precision-about
        span.Activity?.SetTag("grid.reading.has_photo", input.PhotoUrl is not null); // clean precision-about
        logger.LogDebug("Reading photo uploaded to {PhotoUrl}", input.PhotoUrl); // leak TC1001 direct
        logger.LogInformation("Reading {Value} on {Register} for meter {MeterSerial}", input.Value, input.Register, input.MeterSerial); // leak TC1001 direct
        try
        {
            var accepted = await readings.SubmitAsync(input, context.RequestAborted);
            meter.CreateGridgqlOperationsCounter().Add(1, context.Operation.Name, "accepted", gridgqlOperationType: "mutation"); // clean precision-about
            logger.LogDebug("Accepted {Reading}", accepted); // clean logging-objects
            return accepted;
        }
        catch (ReadingOutOfRangeException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetGridgqlNote(ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Out-of-range reading on {Register}: {Value}", ex.Register, ex.Value); // clean precision-about
            throw new GraphQLException(ErrorBuilder.New().SetMessage("The reading looks too high. Please check it.").SetCode(ErrorCodes.Invalid).SetException(ex).Build());
        }
        catch (TariffNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetGridgqlNote($"tariff {ex.TariffCode} missing"); // clean precision-about
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Submitting input {Input} failed", input); // leak TC1001 logging-objects
            meter.CreateGridgqlOperationsCounter().Add(1, context.Operation.Name, "error", gridgqlErrorCode: ex.GetType().Name); // clean exceptions
            throw;
        }
    }
}
