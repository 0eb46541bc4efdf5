namespace UtilityKit.Metering;

/// <summary>A read a customer submits on the web, in the app, by phone or from a photo.</summary>
public sealed record MeterReadSubmission(
    string AccountNumber,
    string Mpan,
    string MeterSerial,
    string RegisterId,
    decimal Value,
    DateOnly ReadDate,
    string Source,
    string? PhotoBlobName = null);

/// <summary>The result of validating a read against the expected consumption.</summary>
public sealed record ReadValidationResult(string Outcome, decimal ExpectedLow, decimal ExpectedHigh, decimal AdvanceKwh);

/// <summary>A half-hourly consumption interval from a smart meter (DCC service request 4.8).</summary>
public sealed record HalfHourInterval(DateTimeOffset Start, decimal Kwh, string Quality);

/// <summary>A smart meter's consumption profile for a day.</summary>
public sealed record ConsumptionProfile(string MeterSerial, DateOnly Day, IReadOnlyList<HalfHourInterval> Intervals);

/// <summary>Thrown when a read is far outside the expected range; quotes the meter serial and the value.</summary>
public sealed class ReadOutOfToleranceException(string meterSerial, decimal value)
    : Exception($"Read {value} for meter {meterSerial} is outside tolerance")
{
    public string MeterSerial { get; } = meterSerial;

    public decimal Value { get; } = value;
}

/// <summary>Thrown when a register does not exist on the meter; quotes the register and the meter type.</summary>
public sealed class UnknownRegisterException(string registerId, string meterType)
    : Exception($"Register {registerId} is not configured for meter type {meterType}")
{
    public string RegisterId { get; } = registerId;
}

/// <summary>The readings store: not telemetry.</summary>
public interface IMeterReadStore
{
    Task<decimal?> LastAcceptedAsync(string mpan, string registerId, CancellationToken cancellationToken);

    Task SaveAsync(MeterReadSubmission read, ReadValidationResult validation, CancellationToken cancellationToken);
}

/// <summary>The DCC adapter that asks a smart meter for its profile.</summary>
public interface ISmartMeterGateway
{
    Task<ConsumptionProfile> ReadProfileAsync(string meterSerial, DateOnly day, CancellationToken cancellationToken);
}

public sealed class DccRequestTimeoutException(string serviceRequest, TimeSpan waited)
    : TimeoutException($"DCC service request {serviceRequest} timed out after {waited.TotalSeconds:0}s")
{
    public string ServiceRequest { get; } = serviceRequest;
}
