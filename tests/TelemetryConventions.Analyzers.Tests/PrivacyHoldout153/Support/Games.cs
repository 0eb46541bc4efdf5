namespace HighStreet.Games;

// A children's toothbrushing game with smart toothbrushes, and a console game's eye-break reminders.

/// <summary>A toothbrush pairing. Prints the brush serial, the child's player id, the parent's email and the model.</summary>
public sealed record ToothbrushPairing(string BrushSerial, Guid PlayerId, string ParentEmail, string Model);

/// <summary>An uploaded brushing session. Prints session id, player id, brush serial, seconds, coverage and world.</summary>
public sealed record BrushingSession(string SessionId, Guid PlayerId, string BrushSerial, int Seconds, int CoveragePercent, string World);

/// <summary>A child's profile. Prints player id, gamertag, age and the parent's email.</summary>
public sealed record PlayerProfile(Guid PlayerId, string Gamertag, int Age, string ParentEmail);

/// <summary>A badge earned. Prints badge, world and streak.</summary>
public sealed record BadgeAward(string Badge, string World, int StreakDays);

public interface IPlayerDirectory
{
    Task<PlayerProfile?> FindAsync(Guid playerId, CancellationToken cancellationToken = default);
}

/// <summary>The parents' app notifications: not telemetry.</summary>
public interface IParentNotifier
{
    Task NotifyAsync(string parentEmail, string message, CancellationToken cancellationToken = default);
}

/// <summary>The brush is paired to another child; quotes the serial.</summary>
public sealed class BrushAlreadyPairedException(string brushSerial) : Exception($"Toothbrush {brushSerial} is already paired");

/// <summary>The gamertag was refused; quotes it.</summary>
public sealed class GamertagRejectedException(string gamertag) : Exception($"Gamertag '{gamertag}' was rejected by the filter");

/// <summary>A quest is locked; quotes the quest and world.</summary>
public sealed class QuestLockedException(string quest, string world) : Exception($"Quest {quest} in {world} is locked");
