namespace PrivacyHoldout130.Energy;

public sealed record MoveInCommand(string Mpan, string MeterSerial, decimal OpeningReading, DateOnly MoveInDate, string FullName, string Email, string Mobile, string Postcode, string? PreviousAccountNumber);

public sealed record MoveInResult(string AccountNumber, string TariffCode, bool SmartMeter, decimal EstimatedMonthlyDirectDebit);

/// <summary>A reading was rejected by validation; its message quotes the meter serial and the reading.</summary>
public sealed class ReadingOutOfRangeException(string meterSerial, decimal reading)
    : Exception($"Reading {reading} for meter {meterSerial} is outside the expected range")
{
    public decimal Reading { get; } = reading;
}

/// <summary>
/// Handles a new occupier telling the supplier they have moved in: closes the previous occupier's account on the
/// opening reading, opens an account for the new one and sets up the first bill.
/// </summary>
public sealed partial class ChangeOfTenancyHandler(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ChangeOfTenancyHandler> logger)
{
    private static readonly ActivitySource Source = new("Supplier.ChangeOfTenancy");
    private static readonly Meter Meter = new("Supplier.ChangeOfTenancy");
    private static readonly Counter<long> MoveIns = Meter.CreateCounter<long>("cot.move_ins");

    public async Task<MoveInResult> HandleAsync(MoveInCommand command, CancellationToken ct)
    {
        using var span = Source.StartCotTenancy("move-in").SetCotRegion(command.Mpan[..2]); // clean precision-about
        span.Activity?.SetTag("cot.meter.model", command.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("cot.meter.serial", command.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("cot.postcode.outward", command.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("cot.move_in.date", command.MoveInDate.ToString("O")); // clean precision-about
        logger.LogInformation("Move-in on {Mpan} from {MoveInDate}", command.Mpan, command.MoveInDate); // leak TC1001 direct
        logger.LogInformation("New occupier at {Postcode}", command.Postcode); // leak TC1001 direct

        try
        {
            Validate(command.MeterSerial, command.OpeningReading);
        }
        catch (ReadingOutOfRangeException ex)
        {
            logger.LogWarning(ex, "Opening reading rejected"); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, "reading-out-of-range"); // clean exceptions
            throw;
        }

        var accountNumber = "A" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        await Task.Yield();
        var result = new MoveInResult(accountNumber, "FIX-24M", command.MeterSerial.StartsWith("19", StringComparison.Ordinal), 96m);
        span.SetCotTenantId(pseudonymizer.PseudonymizeCotTenantId(accountNumber)); // clean precision-pseudonym
        logger.LogInformation("Opened {Result}", result); // leak TC1001 logging-objects
        logger.LogInformation("Opened account on tariff {Tariff}, smart {Smart}", result.TariffCode, result.SmartMeter); // clean precision-names
        MoveIns.Add(1, new KeyValuePair<string, object?>("tariff", result.TariffCode), new("smart", result.SmartMeter)); // clean precision-names
        MoveIns.Add(1, new KeyValuePair<string, object?>("account", pseudonymizer.PseudonymizeCotTenantId(accountNumber).Value)); // leak TC1003 precision-pseudonym

        if (command.PreviousAccountNumber is { } previous)
        {
            span.Activity?.AddEvent(new ActivityEvent("cot.previous_account.closed", tags: new ActivityTagsCollection { ["cot.previous.account"] = previous })); // leak TC1001 direct
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(previous))[0] % 8;
            span.Activity?.SetTag("cot.final_bill.lane", lane); // clean hashes
        }

        AccountOpened(logger, result.TariffCode, command.Email); // clean logging-objects
        span.SetCotNote($"Welcome pack for {command.FullName} queued"); // leak TC1001 generated-api
        return result;
    }

    private static void Validate(string meterSerial, decimal reading)
    {
        if (reading < 0 || reading > 999_999)
        {
            throw new ReadingOutOfRangeException(meterSerial, reading);
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Account on {Tariff} opened; welcome email to {Email}")]
    private static partial void AccountOpened(ILogger logger, string tariff, [PrivateData] string email);
}
