namespace MedTech.Rehab;

// A physiotherapy game played on clinics' VR headsets and at home.

/// <summary>A rehab session. Prints session id, player id, gamertag, headset asset tag, exercise, reps and peak heart rate.</summary>
public sealed record RehabSession(string SessionId, Guid PlayerId, string Gamertag, string HeadsetAssetTag, string Exercise, int Reps, int PeakHeartRate);

/// <summary>A player's own heart-rate strap. Prints player id, the strap's Bluetooth MAC and model.</summary>
public sealed record StrapPairing(Guid PlayerId, string StrapMac, string StrapModel);

/// <summary>A step challenge entry. Prints player id, gamertag, steps and challenge.</summary>
public sealed record StepEntry(Guid PlayerId, string Gamertag, int Steps, string Challenge);

/// <summary>Exercise totals of a clinic. Prints exercise, sessions and average reps.</summary>
public sealed record ExerciseTotals(string Exercise, int Sessions, double AverageReps);

/// <summary>The strap is paired with another account; quotes its MAC.</summary>
public sealed class StrapAlreadyPairedException(string strapMac) : Exception($"Strap {strapMac} is paired with another account");

/// <summary>A clinic's headset is offline; quotes its asset tag.</summary>
public sealed class HeadsetOfflineException(string assetTag) : Exception($"Headset {assetTag} is offline");

/// <summary>A gamertag is blocked from leaderboards; quotes it.</summary>
public sealed class GamertagBlockedException(string gamertag) : Exception($"Gamertag {gamertag} is blocked from leaderboards");
