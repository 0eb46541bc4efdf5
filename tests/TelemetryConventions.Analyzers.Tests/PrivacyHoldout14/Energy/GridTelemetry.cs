using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout14.Energy;

/// <summary>A smart meter's serial: three-letter model prefix and a number, written <c>EDM-00123456</c>.</summary>
public readonly struct MeterSerial(string model, long number) : ISpanFormattable, IEquatable<MeterSerial>
{
    public string Model { get; } = model;

    public long Number { get; } = number;

    public static MeterSerial Parse(string text) => new(text[..3], long.Parse(text.AsSpan(4), CultureInfo.InvariantCulture));

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (destination.Length < 12 || !Number.TryFormat(destination[4..], out var digits, "D8", CultureInfo.InvariantCulture))
        {
            return false;
        }

        Model.AsSpan().CopyTo(destination);
        destination[3] = '-';
        charsWritten = 4 + digits;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => string.Create(12, this, static (span, serial) => serial.TryFormat(span, out _, default, null));

    public override string ToString() => ToString(null, null);

    public bool Equals(MeterSerial other) => Model == other.Model && Number == other.Number;

    public override bool Equals(object? obj) => obj is MeterSerial other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Model, Number);
}

public sealed class GridTelemetryOptions
{
    public required string Region { get; init; }

    /// <summary>Field engineers asked for the serial on spans while the new firmware rolls out.</summary>
    public bool TagMeterSerial { get; init; }

    public int Shards { get; init; } = 32;
}

public static class GridTelemetry
{
    public static readonly ActivitySource Source = new("Grid.Readings");

    /// <summary>Tags for the supply instruments; the team wanted one series per supply account.</summary>
    public static TagList Supply(string feeder, string accountNumber)
    {
        var tags = new TagList { { "grid.feeder", feeder } };
        tags.Add("grid.account", accountNumber);
        return tags;
    }

    public static TagList Quality(string feeder, string tariff, bool estimated) =>
        new() { { "grid.feeder", feeder }, { "grid.tariff", tariff }, { "grid.estimated", estimated } };

    public static void LogMeterGap(this ILogger logger, MeterSerial serial, TimeSpan gap) =>
        logger.LogWarning("Gap of {GapMinutes} min from meter {MeterSerial}", (int)gap.TotalMinutes, serial); // leak TC1001 direct

    public static void LogFeederLoad(this ILogger logger, string feeder, double kilowatts) =>
        logger.LogInformation("Feeder {Feeder} at {Kilowatts} kW", feeder, kilowatts); // clean direct
}
