using System.Threading;

namespace PrivacyHoldout27.Energy;

/// <summary>
/// The supplier brand (tenant) and the supply account a piece of work is for. Set by the API's
/// middleware and by the consumers before they call into the billing and metering libraries.
/// </summary>
public sealed class SupplyAccountContext
{
    private static readonly AsyncLocal<SupplyAccountContext?> Slot = new();

    public static SupplyAccountContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public required string SupplierId { get; init; }

    public required string AccountNumber { get; init; }

    public required string MeterSerial { get; init; }

    public required string Mpan { get; init; }

    public required string Region { get; init; }

    /// <summary>On the Priority Services Register (a vulnerable household).</summary>
    public bool PriorityServices { get; init; }

    /// <summary>The account's pseudonym, computed with the generated helper.</summary>
    public string AccountRef { get; init; } = string.Empty;
}

public sealed record MeterReading(string SupplierId, string MeterSerial, string Mpan, decimal Kwh, string TraceParent, string? TraceState, int Partition, long Offset);
