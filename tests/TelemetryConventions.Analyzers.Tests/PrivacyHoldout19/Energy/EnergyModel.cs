using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrivacyHoldout19.Energy;

public sealed record SupplyAccount(string AccountNumber, string MeterSerial, string Tariff, string Region);

public sealed record UsageReading(DateTimeOffset At, double Kilowatts);

public sealed record OutageUpdate(string Id, string District, string Status, int PropertiesAffected, DateTimeOffset EstimatedRestore);

public interface ISupplyAccounts
{
    Task<SupplyAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken);
}

public interface ILiveReadings
{
    IAsyncEnumerable<UsageReading> StreamAsync(string meterSerial, CancellationToken cancellationToken);
}

public interface IOutageFeed
{
    IAsyncEnumerable<OutageUpdate> UpdatesAsync(string district, string? afterEventId, CancellationToken cancellationToken);
}

internal static class EnergyTelemetry
{
    public static readonly ActivitySource Source = new("Energy.CustomerRealtime");

    public static readonly Meter Meter = new("Energy.CustomerRealtime");
}
