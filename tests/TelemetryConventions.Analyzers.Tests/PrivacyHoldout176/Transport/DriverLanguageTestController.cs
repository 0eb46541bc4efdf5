namespace PrivacyHoldout176.Transport;

/// <summary>Records drivers' language tests (English for new recruits, Welsh for cross-border routes).</summary>
[ApiController]
[Route("api/drivers/language-tests")]
public sealed partial class DriverLanguageTestController(Pseudonymizer pseudonymizer, ILogger<DriverLanguageTestController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Operator.DriverTests");
    private static readonly Meter Meter = new("Operator.DriverTests");
    private readonly TransitlanguageOperationsCounter _operations = Meter.CreateTransitlanguageOperationsCounter();
    private readonly TransitlanguageOperationDurationHistogram _duration = Meter.CreateTransitlanguageOperationDurationHistogram();

    [HttpPost("")]
    public ActionResult Record([FromBody] DriverLanguageTest test)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartTransitlanguageOperation(test.Depot);
        span.SetTransitlanguageLearnerId(pseudonymizer.PseudonymizeTransitlanguageLearnerId(test.StaffNumber)); // clean generated-api
        span.SetTransitlanguageLanguage(test.Language); // clean generated-api
        span.SetTransitlanguageOutcome(test.Score >= 60 ? "passed" : "failed"); // clean generated-api
        span.SetTransitlanguageNote(Describe(test)); // leak TC1001 cross-member

        Activity.Current?.SetTag("depot", test.Depot); // clean precision-names
        Activity.Current?.SetTag("driver.staff_number", test.StaffNumber); // leak TC1001 direct
        Activity.Current?.SetTag("driver.score", test.Score); // clean precision-about
        LogTest(logger, test.StaffNumber, test.Language, test.Score); // leak TC1001 direct
        LogTestRedacted(logger, test.DriverName, test.Language, test.Score); // clean precision-names

        if (test.Score < 0 || test.Score > 100)
        {
            var ex = new ArgumentOutOfRangeException(nameof(test), test.Score, "Score out of range");
            span.RecordException(ex); // clean exceptions
            logger.LogTransitlanguageOperationFailedEvent(test.Depot, "invalid-score", transitlanguageNote: $"Score {test.Score}"); // clean generated-api
            logger.LogTransitlanguageOperationFailedEvent(test.Depot, "invalid-score", transitlanguageNote: $"Driver {test.DriverName}"); // leak TC1001 generated-api
            return BadRequest("score out of range");
        }

        _operations.Add(1, test.Depot, "recorded"); // clean generated-api
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("transitlanguage.site", test.Depot), new KeyValuePair<string, object?>("driver", pseudonymizer.PseudonymizeTransitlanguageLearnerId(test.StaffNumber).Value)); // leak TC1003 precision-pseudonym
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, test.Depot); // clean generated-api
        logger.LogInformation("Test {Test}", test); // leak TC1001 logging-objects
        return Ok();
    }

    private static string Describe(DriverLanguageTest test) => $"{test.DriverName} scored {test.Score} in {test.Language}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {StaffNumber} scored {Score} in {Language}")]
    private static partial void LogTest(ILogger logger, string staffNumber, string language, int score);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver {DriverName} scored {Score} in {Language}")]
    private static partial void LogTestRedacted(ILogger logger, [PrivateData] string driverName, string language, int score);
}
