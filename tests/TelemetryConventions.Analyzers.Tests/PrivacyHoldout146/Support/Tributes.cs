namespace LifeEvents.Tributes;

// An online game's in-memoriam features and in-game ceremonies.

/// <summary>A player. Prints id, gamertag, email, realm and when last seen.</summary>
public sealed record Player(Guid PlayerId, string Gamertag, string Email, string Realm, DateTimeOffset LastSeen);

/// <summary>A family's request to memorialise a player's account. Prints request id, player id, requester's name and email, relationship and the death certificate's reference.</summary>
public sealed record MemorialisationRequest(string RequestId, Guid PlayerId, string RequesterName, string RequesterEmail, string Relationship, string DeathCertificateReference);

/// <summary>A plaque in the world. Prints plaque id, zone, inscription and the player remembered.</summary>
public sealed record MemorialPlaque(string PlaqueId, string Zone, string Inscription, Guid PlayerId);

/// <summary>A message on a tribute wall. Prints message id, author id and gamertag, the text and the wall.</summary>
public sealed record TributeMessage(string MessageId, Guid AuthorId, string AuthorGamertag, string Text, string WallId);

/// <summary>A tribute wall. Prints wall id, realm, message count and whether it is locked.</summary>
public sealed record TributeWall(string WallId, string Realm, int MessageCount, bool Locked);

/// <summary>An in-game wedding. Prints ceremony id, both partners' ids, venue and guests.</summary>
public sealed record WeddingCeremony(string CeremonyId, Guid PartnerA, Guid PartnerB, string VenueId, int Guests);

/// <summary>A venue for ceremonies. Prints venue id, zone and capacity.</summary>
public sealed record CeremonyVenue(string VenueId, string Zone, int Capacity);

public interface IPlayerDirectory
{
    Task<Player> GetAsync(Guid playerId, CancellationToken cancellationToken = default);

    Task<Player> FindByGamertagAsync(string gamertag, CancellationToken cancellationToken = default);

    Task MemorialiseAsync(Guid playerId, CancellationToken cancellationToken = default);
}

/// <summary>The tribute store, the plaque placer and the ceremony booking service; not telemetry.</summary>
public interface ITributeStore
{
    Task<TributeWall> WallAsync(string wallId, CancellationToken cancellationToken = default);

    Task PostAsync(TributeMessage message, CancellationToken cancellationToken = default);

    Task<MemorialPlaque> PlaceAsync(Guid playerId, string zone, string inscription, CancellationToken cancellationToken = default);

    Task<CeremonyVenue> VenueAsync(string venueId, CancellationToken cancellationToken = default);

    Task<WeddingCeremony> MarryAsync(Guid partnerA, Guid partnerB, string venueId, CancellationToken cancellationToken = default);
}

/// <summary>No player has this gamertag; quotes it.</summary>
public sealed class PlayerNotFoundException(string gamertag) : Exception($"No player with gamertag {gamertag}");

/// <summary>A wall no longer takes messages; quotes the wall.</summary>
public sealed class WallLockedException(string wallId) : Exception($"Tribute wall {wallId} is locked");

/// <summary>An inscription broke a naming rule; quotes the plaque and the rule.</summary>
public sealed class InscriptionRejectedException(string plaqueId, string rule) : Exception($"Inscription for plaque {plaqueId} broke rule {rule}")
{
    public string Rule { get; } = rule;
}

/// <summary>A partner is already married in game; quotes the gamertag.</summary>
public sealed class AlreadyMarriedException(string gamertag) : Exception($"{gamertag} is already married");
