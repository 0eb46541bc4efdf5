using System;
using System.Collections.Generic;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Energy;

public readonly record struct AccountNumber(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The serial printed on a household's smart meter, e.g. <c>EML1234567890</c>.</summary>
public readonly record struct MeterSerial(string Value)
{
    /// <summary>The manufacturer and model prefix (first three characters).</summary>
    public string ModelPrefix => Value[..3];

    public override string ToString() => Value;
}

/// <summary>The 13-digit core MPAN of the supply point.</summary>
public readonly record struct Mpan(string Value)
{
    /// <summary>The distribution network operator (first two digits).</summary>
    public string DistributorId => Value[..2];
}

public readonly record struct TariffCode(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct ReadingId(Guid Value);

public sealed record MeterReadingRecorded(ReadingId ReadingId, AccountNumber Account, MeterSerial Meter, decimal Kwh, DateOnly ReadOn) : DomainEvent;

public sealed record TariffChanged(AccountNumber Account, TariffCode From, TariffCode To) : DomainEvent;

public sealed class SupplyAccount : AggregateRoot<AccountNumber>
{
    private readonly List<MeterSerial> _meters;
    private decimal _lastKwh;

    public SupplyAccount(AccountNumber id, Mpan mpan, TariffCode tariff, IEnumerable<MeterSerial> meters)
        : base(id)
    {
        Mpan = mpan;
        Tariff = tariff;
        _meters = new List<MeterSerial>(meters);
    }

    public Mpan Mpan { get; }

    public TariffCode Tariff { get; private set; }

    public Result<ReadingId> RecordReading(MeterSerial meter, decimal kwh, DateOnly readOn)
    {
        if (!_meters.Contains(meter))
        {
            return SupplyErrors.UnknownMeter(meter);
        }

        if (kwh < _lastKwh)
        {
            return SupplyErrors.ReadingBelowPrevious;
        }

        _lastKwh = kwh;
        var readingId = new ReadingId(Guid.NewGuid());
        Raise(new MeterReadingRecorded(readingId, Id, meter, kwh, readOn));
        return readingId;
    }

    public Result ChangeTariff(TariffCode tariff)
    {
        if (tariff == Tariff)
        {
            return SupplyErrors.SameTariff;
        }

        var previous = Tariff;
        Tariff = tariff;
        Raise(new TariffChanged(Id, previous, tariff));
        return Result.Success();
    }
}

public static class SupplyErrors
{
    public static readonly Error ReadingBelowPrevious = Error.Validation("Reading.BelowPrevious", "The reading is lower than the previous accepted reading.");

    public static readonly Error SameTariff = Error.Conflict("Tariff.Unchanged", "The account is already on this tariff.");

    public static Error UnknownMeter(MeterSerial meter) => Error.Validation("Reading.UnknownMeter", $"Meter {meter} is not registered to this supply.");

    public static Error UnknownAccount() => Error.NotFound("Account.NotFound", "No supply account matches the request.");
}
