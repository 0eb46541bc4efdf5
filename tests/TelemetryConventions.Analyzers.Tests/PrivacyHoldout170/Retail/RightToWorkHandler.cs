namespace PrivacyHoldout170.Retail;

/// <summary>Store managers check a new colleague's right to work on their first shift; the handler calls the Home Office.</summary>
public sealed class RightToWorkHandler(
    IHomeOfficeService homeOffice,
    ILogger<RightToWorkHandler> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Retailer.People.RightToWork");
    private static readonly Meter Meter = new("Retailer.People.RightToWork");
    private static readonly StorehireCheckDurationHistogram Duration = Meter.CreateStorehireCheckDurationHistogram();
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("rtw.checks");

    public async Task<RightToWorkOutcome?> HandleAsync(string storeNumber, string colleagueNumber, ShareCodeCheck check, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartStorehireOperation(storeNumber)
            .SetStorehireColleagueId(pseudonymizer.PseudonymizeStorehireColleagueId(colleagueNumber)) // clean generated-api
            .SetStorehireCheckType("right_to_work"); // clean precision-about
        Activity.Current?.SetTag("colleague.number", colleagueNumber); // leak TC1001 direct
        Activity.Current?.SetTag("rtw.share_code", check.ShareCode); // leak TC1001 direct
        Activity.Current?.SetTag("rtw.share_code_route", check.ShareCode[0].ToString()); // clean precision-about
        Activity.Current?.SetTag("rtw.date_of_birth", check.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        logger.LogInformation("Checking {Check}", check); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("colleague.ref", pseudonymizer.ComputeStorehireColleagueId(colleagueNumber)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("colleague.number", colleagueNumber); // leak TC1001 direct
        logger.LogInformation("Right to work check for colleague {Colleague} at store {Store}", pseudonymizer.ComputeStorehireColleagueId(colleagueNumber), storeNumber); // clean precision-pseudonym
        try
        {
            var outcome = await homeOffice.VerifyAsync(check.ShareCode, check.DateOfBirth, cancellationToken);
            logger.LogInformation("Outcome {@Outcome}", outcome); // clean logging-objects
            Checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Outcome), new KeyValuePair<string, object?>("store", storeNumber)); // clean precision-about
            Checks.Add(1, new KeyValuePair<string, object?>("colleague", pseudonymizer.PseudonymizeStorehireColleagueId(colleagueNumber).Value)); // leak TC1003 precision-pseudonym
            span.SetStorehireOutcome(outcome.Outcome); // clean precision-about
            return outcome;
        }
        catch (ShareCodeRejectedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, $"rejected: {ex.Message}"); // leak TC1001 exceptions
            logger.LogStorehireOperationFailedEvent(storeNumber, "rejected", pseudonymizer.PseudonymizeStorehireCandidateId(colleagueNumber), "share code rejected by Home Office"); // clean generated-api
            return null;
        }
        catch (HomeOfficeUnavailableException ex)
        {
            span.RecordException(ex, "home office unavailable", includeMessage: true); // clean exceptions
            return null;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, storeNumber); // clean generated-api
        }
    }
}
