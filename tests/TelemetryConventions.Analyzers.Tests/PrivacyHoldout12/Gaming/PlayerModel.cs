using System;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Gaming;

public sealed class Player : AggregateRoot, ISoftDeletable
{
    public Guid Id { get; set; }

    public required string Gamertag { get; set; }

    public required string Email { get; set; }

    public DateOnly? BirthDate { get; set; }

    public required string Region { get; set; }

    public int Level { get; set; }

    public bool IsDeleted { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public void Rename(string gamertag)
    {
        var previous = Gamertag;
        Gamertag = gamertag;
        Raise(new GamertagChanged(Id, previous, gamertag));
    }
}

public sealed class MatchRecord
{
    public Guid Id { get; set; }

    public required string Mode { get; set; }

    public required string Region { get; set; }

    public Guid WinnerId { get; set; }

    public int DurationSeconds { get; set; }
}

public sealed record GamertagChanged(Guid PlayerId, string PreviousGamertag, string Gamertag) : DomainEvent;

/// <summary>The game's context, on SQL Server: unique index IX_Players_Gamertag.</summary>
public sealed class GameDbContext : DbContext
{
    public DbSet<Player> Players => Set<Player>();

    public DbSet<MatchRecord> Matches => Set<MatchRecord>();
}
