namespace EarlyYears.Play;

// A learning app for under-fives: profiles made by parents, games, stickers and screen-time limits.

/// <summary>A child's play profile. Prints profile id, the parent's account id, the child's nickname, age in months and avatar.</summary>
public sealed record PlayProfile(Guid ProfileId, string ParentAccountId, string Nickname, int AgeMonths, string AvatarId);

/// <summary>A game session. Prints session id, profile id, game, level and time played.</summary>
public sealed record GameSession(string SessionId, Guid ProfileId, string Game, int Level, TimeSpan Played);

/// <summary>A game's level. Prints game, level and stars.</summary>
public sealed record GameLevel(string Game, int Level, int Stars);

/// <summary>A sticker awarded. Prints sticker id, profile id and the sticker.</summary>
public sealed record StickerAward(string StickerId, Guid ProfileId, string Sticker);

/// <summary>A nursery's shared tablet. Prints asset tag, room and model.</summary>
public sealed record NurseryTablet(string AssetTag, string Room, string Model);

/// <summary>The app's profile store; not telemetry.</summary>
public interface IProfileStore
{
    Task<PlayProfile?> FindAsync(Guid profileId, CancellationToken cancellationToken = default);

    Task<int> MinutesTodayAsync(Guid profileId, CancellationToken cancellationToken = default);

    Task SaveAsync(PlayProfile profile, CancellationToken cancellationToken = default);
}

/// <summary>The screen-time limit is reached; quotes the profile id and the minutes.</summary>
public sealed class ScreenTimeLimitException(Guid profileId, int minutes) : Exception($"Profile {profileId} has played {minutes} minutes today");

/// <summary>A nursery tablet is locked; quotes its asset tag.</summary>
public sealed class NurseryTabletLockedException(string assetTag) : Exception($"Tablet {assetTag} is locked for nap time");

/// <summary>A parent has not confirmed consent; quotes the parent's email.</summary>
public sealed class ParentalConsentRequiredException(string parentEmail) : Exception($"Waiting for consent from {parentEmail}");
