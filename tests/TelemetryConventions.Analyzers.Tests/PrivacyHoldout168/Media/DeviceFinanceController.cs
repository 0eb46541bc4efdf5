using OpenTelemetry.Trace;

namespace PrivacyHoldout168.Media;

/// <summary>Subscribers take a streaming box or a TV on a 24- or 36-month finance agreement with their subscription.</summary>
[ApiController]
[Route("api/device-finance")]
public sealed class DeviceFinanceController(
    ICreditBureau bureau,
    IApplicationStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DeviceFinanceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Subscriptions.DeviceFinance");

    [HttpPost("agreements")]
    public async Task<ActionResult> Open([FromBody] DeviceFinanceAgreement agreement, string market, CancellationToken ct)
    {
        using var span = Source.StartViewfinanceOperation(market);
        span.SetViewfinanceSubscriberId(pseudonymizer.PseudonymizeViewfinanceSubscriberId(agreement.SubscriberId.ToString())); // clean generated-api
        span.SetViewfinanceModel(agreement.DeviceModel); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag("agreement.number", agreement.AgreementNumber); // clean precision-about
        activity?.SetTag("agreement.term_months", agreement.TermMonths); // clean precision-about
        activity?.SetTag("device.serial", agreement.DeviceSerial); // leak TC1001 direct
        activity?.AddBaggage("subscriber.id", agreement.SubscriberId.ToString()); // leak TC1001 direct
        logger.LogInformation("Agreement {Agreement}", agreement); // leak TC1001 logging-objects
        logger.LogInformation("Agreement {AgreementNumber} for {Model} at {Monthly} a month", agreement.AgreementNumber, agreement.DeviceModel, agreement.Monthly); // clean precision-about

        var borrower = await store.FindBorrowerAsync(agreement.SubscriberId.ToString(), ct);
        if (borrower is null)
        {
            throw new BorrowerNotFoundException(agreement.SubscriberId.ToString()); // leak TC1001 exceptions
        }
        logger.LogInformation("Borrower aged {Age}", DateTime.Today.Year - borrower.DateOfBirth.Year); // clean precision-about
        logger.LogInformation("Borrower born {DateOfBirth}", borrower.DateOfBirth); // leak TC1001 direct
        logger.LogInformation("Borrower mobile starts {Prefix}", borrower.Mobile[..3]); // clean precision-about
        try
        {
            var report = await bureau.SearchAsync(new CreditSearchRequest(borrower.FullName, borrower.DateOfBirth, borrower.Postcode, "hard"), ct);
            span.SetViewfinanceOutcome(report.Score >= 600 ? "approved" : "declined"); // clean generated-api
            meter.CreateViewfinanceAgreementsCounter().Add(1, market, report.Score >= 600 ? "approved" : "declined"); // clean generated-api
            return Ok(agreement.AgreementNumber);
        }
        catch (NoMatchException ex)
        {
            span.RecordException(ex, "no credit file"); // clean exceptions
            activity?.RecordException(ex); // leak TC1001 exceptions
            span.SetViewfinanceNote("bureau: " + ex.Message); // leak TC1001 exceptions
            return BadRequest("We could not check your credit file");
        }
    }
}
