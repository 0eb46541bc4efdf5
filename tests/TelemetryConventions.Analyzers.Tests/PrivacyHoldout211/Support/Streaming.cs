namespace PrivacyHoldout211.Support;

/// <summary>A listener's account.</summary>
public sealed record Listener(string ListenerId, string Email, string DisplayName, DateOnly DateOfBirth, string Country, string PlanTier);

/// <summary>A family plan: one payer and up to five members.</summary>
public sealed record FamilyPlan(string PlanId, string OwnerListenerId, string OwnerEmail, IReadOnlyList<FamilyMember> Members, string Tier);

public sealed record FamilyMember(string ListenerId, string FirstName, int Age, bool ExplicitFilter);

/// <summary>One play in a listener's history.</summary>
public sealed record PlayEvent(string ListenerId, string TrackId, DateTimeOffset PlayedAt, int SecondsPlayed, string Device);

/// <summary>Recommendations made for a listener.</summary>
public sealed record RecommendationBatch(string ListenerId, IReadOnlyList<string> TrackIds, string Model, double Diversity);

/// <summary>A chart position: a track and its rank. No person.</summary>
public sealed record ChartEntry(string TrackId, int Position, long Plays);

/// <summary>An episode's figures. No person.</summary>
public sealed record EpisodeStats(string EpisodeId, string ShowId, long Plays, double CompletionRate);

/// <summary>An artist's royalty statement for a period.</summary>
public sealed record RoyaltyStatement(string StatementId, string ArtistId, string PayeeLegalName, string SortCode, string AccountNumber, decimal Amount, string Period);

/// <summary>A podcast guest booked on a show.</summary>
public sealed record PodcastGuest(string GuestId, string FullName, string Email, string Phone, string EpisodeId);

/// <summary>A voice message a listener left for a show.</summary>
public sealed record VoiceMessage(string MessageId, string ShowId, string SenderPhone, string SenderName, string Transcript, int DurationSeconds);

/// <summary>A podcast host's profile; no ToString override.</summary>
public sealed class HostProfile
{
    public required string HostId { get; init; }

    public required string FullName { get; init; }

    public required string Email { get; init; }

    public int ShowCount { get; init; }
}

/// <summary>The account store: a system of record, not telemetry.</summary>
public interface IListenerStore
{
    Task<Listener?> FindAsync(string listenerId, CancellationToken cancellationToken);

    Task<FamilyPlan?> FindPlanAsync(string planId, CancellationToken cancellationToken);

    Task SaveAsync(Listener listener, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlayEvent>> HistoryAsync(string listenerId, int take, CancellationToken cancellationToken);
}

/// <summary>The recommendation engine's client.</summary>
public interface IRecommender
{
    Task<RecommendationBatch> RecommendAsync(string listenerId, int count, CancellationToken cancellationToken);
}

/// <summary>The royalty payments gateway.</summary>
public interface IRoyaltyGateway
{
    Task<string> PayAsync(RoyaltyStatement statement, CancellationToken cancellationToken);
}

/// <summary>The podcast studio's booking system and voicemail box.</summary>
public interface IStudioDesk
{
    Task<PodcastGuest?> FindGuestAsync(string guestId, CancellationToken cancellationToken);

    Task<VoiceMessage?> NextVoiceMessageAsync(string showId, CancellationToken cancellationToken);

    Task<EpisodeStats> StatsAsync(string episodeId, CancellationToken cancellationToken);

    Task SendInviteAsync(string email, string episodeId, CancellationToken cancellationToken);
}

public sealed class ListenerNotFoundException(string listenerId)
    : Exception($"No listener account '{listenerId}'")
{
    public string ListenerId { get; } = listenerId;
}

public sealed class RoyaltyPaymentRejectedException(string accountNumber, string reason)
    : Exception($"Bank rejected payment to account {accountNumber}: {reason}");

public sealed class GuestConsentMissingException(string guestEmail)
    : Exception($"Guest {guestEmail} has not signed the release form");

public sealed class CatalogUnavailableException(string region, int statusCode)
    : Exception($"Catalogue in {region} answered {statusCode}");

public sealed class EpisodeNotFoundException(string episodeId)
    : Exception($"Episode {episodeId} does not exist");

public sealed class TrackNotLicensedException(string trackId, string territory)
    : Exception($"Track {trackId} is not licensed in {territory}");
