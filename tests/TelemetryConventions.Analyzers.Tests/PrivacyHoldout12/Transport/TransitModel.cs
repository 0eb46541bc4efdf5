using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Transport;

public sealed class PenaltyNotice : AggregateRoot
{
    public Guid Id { get; set; }

    public required string NoticeNumber { get; set; }

    /// <summary>The plate of the private car the camera saw.</summary>
    public required string VehiclePlate { get; set; }

    public required string KeeperName { get; set; }

    public required string KeeperEmail { get; set; }

    public required string CameraId { get; set; }

    public decimal Amount { get; set; }

    public string Status { get; set; } = "Issued";

    public void Issue() => Raise(new NoticeIssued(Id, NoticeNumber, VehiclePlate, CameraId, Amount));
}

public sealed record NoticeIssued(Guid NoticeId, string NoticeNumber, string VehiclePlate, string CameraId, decimal Amount) : DomainEvent;

public sealed class Trip : ISoftDeletable
{
    public Guid Id { get; set; }

    public required string TravelCardNumber { get; set; }

    public string? RiderAccountId { get; set; }

    public required string FromStation { get; set; }

    public required string ToStation { get; set; }

    public DateTimeOffset TappedInAt { get; set; }

    public decimal Fare { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class FleetBus
{
    public required string FleetNumber { get; set; }

    /// <summary>The plate of one of the operator's buses.</summary>
    public required string Plate { get; set; }

    public required string DepotCode { get; set; }
}

/// <summary>
/// The transit context, on PostgreSQL. Its connection string leaves "Include Error Detail" off (the
/// Npgsql default), so a PostgresException's Detail says the detail was redacted.
/// </summary>
public sealed class TransitDbContext : DbContext
{
    public DbSet<PenaltyNotice> Notices => Set<PenaltyNotice>();

    public DbSet<Trip> Trips => Set<Trip>();

    public DbSet<FleetBus> Buses => Set<FleetBus>();
}

public sealed class TripsForCard(string travelCardNumber) : Specification<Trip>
{
    public string TravelCardNumber { get; } = travelCardNumber;

    public override Expression<Func<Trip, bool>> Criteria => t => t.TravelCardNumber == TravelCardNumber;

    public override string ToString() => $"TripsForCard({TravelCardNumber})";
}

/// <summary>The back office's notice search; every criterion is optional.</summary>
public sealed record NoticeSearch(string? VehiclePlate, string? CameraId, DateOnly? IssuedOn);

public sealed class IssueNoticeRequest : IValidatableObject
{
    [Required]
    [RegularExpression("^[A-Z]{2}[0-9]{2} ?[A-Z]{3}$")]
    public string VehiclePlate { get; init; } = string.Empty;

    [Required]
    public string KeeperName { get; init; } = string.Empty;

    [Required]
    [EmailAddress]
    public string KeeperEmail { get; init; } = string.Empty;

    [Required]
    public string CameraId { get; init; } = string.Empty;

    [Range(typeof(decimal), "0", "500")]
    public decimal Amount { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (VehiclePlate.StartsWith('Q'))
        {
            yield return new ValidationResult($"Plate {VehiclePlate} is a Q plate and needs manual review", new[] { nameof(VehiclePlate) });
        }
    }
}

public sealed record AppealRequest(string NoticeNumber, string KeeperName, string Grounds);
