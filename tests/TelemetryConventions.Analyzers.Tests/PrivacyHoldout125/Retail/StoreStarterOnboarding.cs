namespace PrivacyHoldout125.Retail;

/// <summary>
/// Store starters: the right to work check on the first day, the till login and the onboarding
/// checklist the store manager signs off.
/// </summary>
public sealed class StoreStarterOnboarding(
    IHrSystem hr,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreStarterOnboarding> logger)
{
    private static readonly ActivitySource Source = new("Retail.People.Onboarding");
    private static readonly Meter Meter = new("Retail.People.Onboarding");
    private static readonly StorejobsCheckDurationHistogram CheckDuration = Meter.CreateStorejobsCheckDurationHistogram();
    private static readonly Counter<long> Starters = Meter.CreateCounter<long>("storejobs.starters");

    public sealed class RightToWorkRefusedException(string shareCode, string outcome) : Exception($"Share code {shareCode} returned {outcome}")
    {
        public string Outcome { get; } = outcome;
    }

    public async Task FirstDayAsync(Offer offer, Candidate candidate, string storeNumber, string shareCode, string managerStaffNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorejobsCheck("right-to-work");
        span.SetStorejobsCandidateId(pseudonymizer.PseudonymizeStorejobsCandidateId(candidate.Id)); // clean precision-pseudonym
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (shareCode.Length != 9)
            {
                throw new RightToWorkRefusedException(shareCode, "malformed");
            }
            var starter = await hr.CreateStarterAsync(offer, candidate, cancellationToken);
            span.SetStorejobsOutcome("verified"); // clean generated-api
            Starters.Add(1, new KeyValuePair<string, object?>("storejobs.store", storeNumber)); // clean precision-names
            Starters.Add(1, new KeyValuePair<string, object?>("storejobs.manager", managerStaffNumber)); // leak TC1003 direct
            logger.LogInformation("Starter {EmployeeNumber} created at store {Store}", starter.EmployeeNumber, storeNumber); // leak TC1001 direct
            logger.LogInformation("Till login {Login} issued", $"{storeNumber}-{starter.EmployeeNumber}"); // leak TC1001 strings
            span.Activity?.SetTag("storejobs.starter.start_weekday", starter.StartDate.DayOfWeek.ToString()); // clean precision-about
        }
        catch (RightToWorkRefusedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("storejobs.rtw.outcome", ex.Outcome); // clean exceptions
            logger.LogStorejobsStageFailedEvent("onboarding", ex.Outcome, storejobsNote: $"right to work refused at store {storeNumber}"); // clean generated-api
        }
        catch (StarterConflictException ex)
        {
            logger.LogWarning(ex, "Starter already exists"); // leak TC1001 exceptions
        }
        finally
        {
            CheckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "right-to-work"); // clean generated-api
        }

        var signOffLane = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(managerStaffNumber)))[..6];
        span.Activity?.SetTag("storejobs.signoff.lane", signOffLane); // leak TC1002 hashes
        var keyedLane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(managerStaffNumber))[0] % 4;
        span.Activity?.SetTag("storejobs.signoff.keyed_lane", keyedLane); // clean hashes
    }
}
