namespace PrivacyHoldout120.Transport;

public sealed record NamedDriver(string MemberId, string FullName, string LicenceNumber, DateOnly DateOfBirth, int PenaltyPoints, string Postcode);

public sealed class LicenceCheckFailedException(string licenceNumber, string reason)
    : Exception($"Licence {licenceNumber} failed the check: {reason}");

/// <summary>Underwrites a named driver added to a car club member's account: the licence check, the risk score and the referral.</summary>
public sealed class NamedDriverUnderwriting(IRiskScoringClient scoring, IReferralQueue referrals, Pseudonymizer pseudonymizer, ILogger<NamedDriverUnderwriting> logger)
{
    private static readonly ActivitySource Source = new("CarClub.Underwriting");
    private static readonly MotorclaimQuotesCounter Quotes = new Meter("CarClub.Underwriting").CreateMotorclaimQuotesCounter();

    private NamedDriver? _current;

    public async Task<bool> UnderwriteAsync(NamedDriver driver, CancellationToken ct)
    {
        _current = driver;
        using var span = Source.StartMotorclaimQuote("member-damage");
        span.SetMotorclaimDriverId(pseudonymizer.PseudonymizeMotorclaimDriverId(driver.MemberId)); // clean precision-pseudonym
        span.Activity?.SetTag("driver.penalty_points", driver.PenaltyPoints); // clean precision-about
        try
        {
            if (driver.PenaltyPoints > 9)
            {
                throw new LicenceCheckFailedException(driver.LicenceNumber, "points over limit");
            }
        }
        catch (LicenceCheckFailedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Quotes.Add(1, "member-damage", MotorclaimDecision.Decline, "licence"); // clean generated-api
            return false;
        }

        var score = await scoring.ScoreAsync(new ScoreRequest("member-damage", driver.Postcode, driver.DateOfBirth, 0), ct);
        span.SetMotorclaimRiskScore(score.Score); // clean generated-api
        if (score.Score > 0.6)
        {
            var referralId = await referrals.EnqueueAsync("named-drivers", driver.LicenceNumber, Array.Empty<RuleHit>(), ct);
            span.Activity?.SetTag("referral.id", referralId); // clean precision-names
            LogReferral();
            logger.LogInformation("Referral subject {Subject}", HashCode.Combine(driver.LicenceNumber)); // leak TC1002 hashes
        }

        return true;
    }

    private void LogReferral() =>
        logger.LogInformation("Named driver {Name} ({Licence}) referred", _current?.FullName, _current?.LicenceNumber); // leak TC1001 cross-member
}
