namespace PrivacyHoldout162.Healthcare;

[ApiController]
[Route("api/ward-meals")]
public sealed partial class WardMealOrderController(Pseudonymizer pseudonymizer, ActivitySource source, Meter meter, ILogger<WardMealOrderController> logger) : ControllerBase
{
    private static readonly Counter<long> Specials = new Meter("Hospital.Meals").CreateCounter<long>("ward.meals.specials");

    [HttpPost("")]
    public ActionResult Order([FromBody] WardMealOrder order)
    {
        using var span = source.StartWardmealsOperation(order.Ward);
        span.SetWardmealsPatientId(pseudonymizer.PseudonymizeWardmealsPatientId(order.Mrn)); // clean precision-pseudonym
        span.SetWardmealsItemCount(1); // clean precision-about
        Activity.Current?.SetTag("ward.bed", order.Bed); // clean precision-names
        Activity.Current?.SetTag("ward.menu", order.MenuCode); // clean precision-names
        Activity.Current?.SetTag("ward.diet", order.DietCode); // clean precision-about
        Activity.Current?.SetTag("ward.allergen.count", order.Allergens.Length); // clean precision-about
        Activity.Current?.SetTag("patient.mrn", order.Mrn); // leak TC1001 direct
        Activity.Current?.SetTag("patient.name", order.PatientName); // leak TC1001 direct
        Specials.Add(1, new KeyValuePair<string, object?>("ward", order.Ward), new KeyValuePair<string, object?>("diet", order.DietCode)); // clean precision-about
        Specials.Add(1, new KeyValuePair<string, object?>("patient", order.Mrn)); // leak TC1003 direct
        LogMealOrdered(logger, order.Ward, order.Bed, order.Mrn); // clean logging-objects
        LogMealForPatient(logger, order.PatientName, order.MenuCode); // leak TC1001 logging-objects

        var conflict = order.Allergens.FirstOrDefault(a => a == "peanut");
        if (conflict is not null)
        {
            var ex = new AllergenConflictException(order.Mrn, conflict);
            span.RecordException(ex); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWardmealsOperationFailedEvent(order.Ward, "allergen-conflict", wardmealsNote: $"Menu {order.MenuCode} contains {conflict}"); // clean generated-api
            logger.LogWardmealsOperationFailedEvent(order.Ward, "allergen-conflict", wardmealsNote: ex.Message); // leak TC1001 generated-api
            return new BadRequestResult("allergen");
        }

        meter.CreateWardmealsOrdersCounter().Add(1, order.Ward, "accepted"); // clean generated-api
        meter.CreateWardmealsOrdersCounter().Add(1, order.Ward, $"accepted:{order.Mrn}"); // leak TC1003 generated-api
        return new OkResult(order.MenuCode);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Meal ordered on {Ward} bed {Bed} for {Mrn}")]
    private static partial void LogMealOrdered(ILogger logger, string ward, string bed, [PrivateData] string mrn);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Meal for {PatientName}: {MenuCode}")]
    private static partial void LogMealForPatient(ILogger logger, string patientName, string menuCode);
}
