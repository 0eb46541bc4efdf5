namespace PrivacyHoldout162.Education;

[ApiController]
[Route("api/canteen")]
public sealed partial class CanteenTillController(Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<CanteenTillController> logger) : ControllerBase
{
    private static readonly Meter TillMeter = new("School.Canteen");
    private static readonly Counter<long> Meals = TillMeter.CreateCounter<long>("canteen.meals");
    private static readonly Histogram<double> Spend = TillMeter.CreateHistogram<double>("canteen.spend", "GBP");

    [HttpPost("sales")]
    public ActionResult Sell([FromBody] TillSale sale, decimal balance, string yearGroup)
    {
        using var span = source.StartCanteenOperation(sale.TillId);
        span.SetCanteenPupilId(pseudonymizer.PseudonymizeCanteenPupilId(sale.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("canteen.till", sale.TillId); // clean precision-names
        Activity.Current?.SetTag("canteen.meal", sale.MealCode); // clean precision-names
        Activity.Current?.SetTag("canteen.student_number", sale.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("canteen.amount", (double)sale.Amount); // clean precision-about
        Meals.Add(1, new KeyValuePair<string, object?>("canteen.meal", sale.MealCode), new KeyValuePair<string, object?>("canteen.year", yearGroup)); // clean precision-about
        Spend.Record((double)sale.Amount, new KeyValuePair<string, object?>("canteen.pupil", sale.StudentNumber)); // leak TC1003 direct
        Spend.Record((double)sale.Amount, new KeyValuePair<string, object?>("canteen.pupil", pseudonymizer.ComputeCanteenPupilId(sale.StudentNumber))); // leak TC1003 precision-pseudonym
        LogSale(logger, sale.TillId, sale.StudentNumber, sale.Amount); // clean logging-objects
        logger.LogInformation("Sale {@Sale}", sale); // leak TC1001 logging-objects

        if (balance < sale.Amount)
        {
            var ex = new BalanceTooLowException(sale.StudentNumber, balance);
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogCanteenOperationFailedEvent(sale.TillId, "balance-low"); // clean generated-api
            logger.LogWarning("Sale refused: {Error}", ex.GetType().Name); // clean exceptions
            return new BadRequestResult("balance");
        }

        meter.CreateCanteenOrdersCounter().Add(1, sale.TillId, "sold"); // clean generated-api
        meter.CreateCanteenPrepDurationHistogram().Record(12, sale.TillId); // clean generated-api
        return new OkResult(sale.TillId);
    }

    [HttpPost("close")]
    public ActionResult Close([FromBody] TillTotals totals)
    {
        logger.LogInformation("Till closed {@Totals}", totals); // clean logging-objects
        Activity.Current?.SetTag("canteen.free_meals", totals.FreeMeals); // clean precision-about
        return new OkResult(totals.TillId);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Till {TillId} sold to {StudentNumber} for {Amount}")]
    private static partial void LogSale(ILogger logger, string tillId, [PrivateData] string studentNumber, decimal amount);
}
