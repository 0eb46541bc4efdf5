namespace Motor.Promo;

// A racing game's tie-in with a car brand.

/// <summary>A player. Prints player id, gamertag, email, platform and region.</summary>
public sealed record Player(Guid PlayerId, string Gamertag, string Email, string Platform, string Region);

/// <summary>A test drive redeemed from an in-game code. Prints the code, player id, dealer code, model and date.</summary>
public sealed record TestDriveRedemption(string Code, Guid PlayerId, string DealerCode, string Model, DateOnly Date);

/// <summary>A driving score from the telematics box in the player's own car. Prints box IMEI, player id, score and miles.</summary>
public sealed record TelematicsScore(string BoxImei, Guid PlayerId, int Score, int Miles);

/// <summary>A leaderboard row. Prints rank, gamertag and score.</summary>
public sealed record LeaderboardEntry(int Rank, string Gamertag, int Score);

public interface IDealerBookingApi
{
    Task<string> BookTestDriveAsync(TestDriveRedemption redemption, string email, CancellationToken cancellationToken = default);
}

/// <summary>The code was redeemed already; quotes the code.</summary>
public sealed class CodeAlreadyRedeemedException(string code) : Exception($"Code {code} was already redeemed");

/// <summary>The dealer does not take part; quotes the dealer code.</summary>
public sealed class DealerNotParticipatingException(string dealerCode) : Exception($"Dealer {dealerCode} is not in the promotion");
