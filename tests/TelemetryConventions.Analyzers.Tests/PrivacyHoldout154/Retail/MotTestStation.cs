namespace PrivacyHoldout154.Retail;

/// <summary>The dealership's MOT bay: records tests with DVSA, checks odometers and keeps the tester's day.</summary>
public sealed class MotTestStation(
    IMotTestingService mts,
    ILogger<MotTestStation> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter)
{
    private static readonly Histogram<double> TestMinutes = new Meter("MotorGroup.Mot").CreateHistogram<double>("mot.test.minutes");

    private readonly Dictionary<string, int> _failuresByTester = new();
    private readonly List<string> _rollbackVins = new();
    private MotTest? _lastFailed;

    public async Task<MotResult> RecordAsync(MotTest test, IReadOnlyList<MotDefect> defects, string site, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartDealerOperation(site)
            .SetDealerColleagueId(pseudonymizer.PseudonymizeDealerColleagueId(test.TesterId)); // clean precision-pseudonym
        span.SetDealerLineCount(defects.Count); // clean precision-about
        Activity.Current?.SetTag("mot.test_number", test.TestNumber); // clean precision-names
        Activity.Current?.SetTag("mot.vehicle_class", test.VehicleClass); // clean precision-about
        Activity.Current?.SetTag("mot.tester_id", test.TesterId); // leak TC1001 direct
        Activity.Current?.SetTag("mot.registration_area", test.Registration[..2]); // clean precision-about
        Activity.Current?.SetTag("mot.odometer", test.OdometerMiles); // clean precision-about
        logger.LogInformation("MOT {TestNumber} started on {Registration}", test.TestNumber, test.Registration); // leak TC1001 direct
        logger.LogInformation("MOT started {Test}", test); // leak TC1001 logging-objects
        foreach (var defect in defects)
        {
            logger.LogDebug("Defect {Defect}", defect); // clean logging-objects
        }

        var previous = await mts.LastOdometerAsync(test.Vin, cancellationToken);
        if (previous is int last && last > test.OdometerMiles)
        {
            _rollbackVins.Add(test.Vin);
            var rollback = new OdometerRollbackException(test.Vin, last, test.OdometerMiles);
            span.RecordException(rollback); // clean exceptions
            logger.LogWarning("Odometer discrepancy: {Message}", rollback.Message); // leak TC1001 exceptions
            logger.LogWarning("Odometer discrepancy of {Miles} miles", last - test.OdometerMiles); // clean precision-about
        }

        try
        {
            var result = await mts.RecordAsync(test, defects, cancellationToken);
            logger.LogInformation("Recorded {Result}", result); // clean logging-objects
            if (result.Result == "FAIL")
            {
                _lastFailed = test;
                _failuresByTester[test.TesterId] = _failuresByTester.GetValueOrDefault(test.TesterId) + 1;
            }

            meter.CreateDealerSalesCounter().Add(1, site, result.Result); // clean generated-api
            meter.CreateDealerMotDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, site); // clean generated-api
            TestMinutes.Record(Stopwatch.GetElapsedTime(started).TotalMinutes, new KeyValuePair<string, object?>("mot.vehicle_class", test.VehicleClass)); // clean precision-about
            TestMinutes.Record(Stopwatch.GetElapsedTime(started).TotalMinutes, new KeyValuePair<string, object?>("mot.tester", test.TesterId)); // leak TC1003 direct
            return result;
        }
        catch (TesterSuspendedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            throw;
        }
        catch (VehicleNotFoundAtDvsaException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogDealerOperationFailedEvent(site, "not-at-dvsa", dealerNote: ex.Message); // leak TC1001 generated-api
            throw;
        }
        catch (MtsUnavailableException ex)
        {
            logger.LogError(ex, "MTS unavailable for test {TestNumber}", test.TestNumber); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }
    }

    public void ReportEndOfDay(string site)
    {
        using var span = source.StartDealerOperation(site);
        foreach (var (tester, failures) in _failuresByTester)
        {
            logger.LogInformation("Tester {Tester} failed {Failures} vehicles today", tester, failures); // leak TC1001 cross-member
        }

        logger.LogInformation("{Testers} testers recorded {Failures} failures", _failuresByTester.Count, _failuresByTester.Values.Sum()); // clean cross-member
        logger.LogWarning("Odometer rollbacks today: {Vins}", string.Join(", ", _rollbackVins)); // leak TC1001 cross-member
        logger.LogWarning("Odometer rollbacks today: {Count}", _rollbackVins.Count); // clean cross-member
        if (_lastFailed is not null)
        {
            span.SetDealerNote(DescribeFailure(_lastFailed)); // leak TC1001 strings
            span.SetDealerNote(DescribeClass(_lastFailed)); // clean strings
            Activity.Current?.SetTag("mot.last_failed_vin_hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(_lastFailed.Vin)))); // leak TC1002 hashes
        }
    }

    private static string DescribeFailure(MotTest test) => $"{test.Registration} ({test.VehicleClass}) failed at {test.OdometerMiles} miles";

    private static string DescribeClass(MotTest test) => $"class {test.VehicleClass} failed at {test.OdometerMiles / 1000}k miles";
}
