using System;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Energy;

public sealed class SupplyPoint : ISoftDeletable
{
    public Guid Id { get; set; }

    public required string Mpan { get; set; }

    public required string MeterSerial { get; set; }

    public required string AccountNumber { get; set; }

    public required string TariffCode { get; set; }

    public string? Postcode { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class MeterAccount
{
    public required string AccountNumber { get; set; }

    public required string HolderEmail { get; set; }

    public string? HolderPhone { get; set; }

    public decimal Balance { get; set; }

    public bool PriorityServices { get; set; }

    public uint Version { get; set; }
}

/// <summary>The metering context, on PostgreSQL with the Npgsql defaults (error details redacted).</summary>
public sealed class EnergyDbContext : DbContext
{
    public DbSet<SupplyPoint> SupplyPoints => Set<SupplyPoint>();

    public DbSet<MeterAccount> Accounts => Set<MeterAccount>();
}

public sealed class SupplyPointByMeterSerial(string meterSerial) : Specification<SupplyPoint>
{
    public string MeterSerial { get; } = meterSerial;

    public override Expression<Func<SupplyPoint, bool>> Criteria => sp => sp.MeterSerial == MeterSerial && !sp.IsDeleted;

    public override string ToString() => $"{Name}(serial={MeterSerial})";
}

public sealed class SupplyPointsOnTariff(string tariffCode) : Specification<SupplyPoint>
{
    public string TariffCode { get; } = tariffCode;

    public override Expression<Func<SupplyPoint, bool>> Criteria => sp => sp.TariffCode == TariffCode && !sp.IsDeleted;

    public override string ToString() => $"{Name}(tariff={TariffCode})";
}

/// <summary>The search the contact centre runs; every criterion is optional.</summary>
public sealed record AccountSearchQuery(string? HolderEmail, string? Postcode, int Page, int PageSize);

public sealed record TariffReportQuery(string TariffCode, DateOnly From, DateOnly To, bool IncludeDeleted);
