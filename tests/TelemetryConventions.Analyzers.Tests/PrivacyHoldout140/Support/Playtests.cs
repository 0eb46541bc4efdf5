namespace PrivacyHoldout140.Support.Playtests;

// The shapes of a game studio's user research platform: screeners, NDAs, lab sessions, rewards.

/// <summary>A playtest applicant. Prints the player's id, gamertag, email, age, platform and Discord handle.</summary>
public sealed record PlaytestApplicant(Guid PlayerId, string Gamertag, string Email, int Age, string Platform, string DiscordHandle);

/// <summary>A lab session. Prints the session id, the build, the lab, the start and the seats.</summary>
public sealed record PlaytestSession(string SessionId, string BuildId, string Lab, DateTime StartsAt, int Seats);

/// <summary>A signed NDA. Prints the player's id, the NDA version, the name signed and the time.</summary>
public sealed record NdaSignature(Guid PlayerId, string NdaVersion, string SignedName, DateTime SignedAt);

/// <summary>An observer's note in a session. Prints the session, the seat, the timestamp in the build and the note.</summary>
public sealed record ObservationNote(string SessionId, int Seat, TimeSpan At, string Text);

/// <summary>The applicant is banned from the studio's tests; the message quotes the gamertag.</summary>
public sealed class ApplicantBannedException(string gamertag) : Exception($"{gamertag} is on the playtest ban list");

/// <summary>The signed NDA is outdated; the message quotes both versions.</summary>
public sealed class NdaVersionException(string signedVersion, string currentVersion)
    : Exception($"NDA {signedVersion} signed, {currentVersion} required");
