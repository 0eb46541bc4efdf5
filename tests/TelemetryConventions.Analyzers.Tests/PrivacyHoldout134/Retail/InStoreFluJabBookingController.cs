namespace PrivacyHoldout134.Retail;

public sealed record FluJabBookingForm(string CustomerNumber, string FirstName, string Email, string Mobile, string StoreId, string SessionId, bool Eligible65Plus, bool Pregnant);

/// <summary>The pharmacy website's flu jab booking: NHS-funded or paid, in store consultation rooms.</summary>
[ApiController]
[Route("api/flu-jabs")]
public sealed class InStoreFluJabBookingController(IVaccinationBookingApi api, Pseudonymizer pseudonymizer, ILogger<InStoreFluJabBookingController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Pharmacy.FluJabs");
    private static readonly Meter Meter = new("Pharmacy.FluJabs");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("pharmacy.flujabs.booked");

    [HttpPost("")]
    public async Task<ActionResult> BookAsync([FromBody] FluJabBookingForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorerxFulfilment(storerxStore: form.StoreId, spanName: "flujab.book");
        span.SetStorerxItemCode("influenza-qivc"); // clean precision-names
        span.SetStorerxCustomerId(pseudonymizer.PseudonymizeStorerxCustomerId(form.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("flujab.nhs_funded", form.Eligible65Plus || form.Pregnant); // clean precision-about
        span.Activity?.SetTag(StorerxAttributes.Contact, form.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("flujab.customer.hash", form.CustomerNumber.GetHashCode()); // leak TC1002 hashes

        try
        {
            var booking = await api.BookAsync(form.SessionId, form.CustomerNumber, form.FirstName, form.Email, cancellationToken);
            logger.LogInformation("Flu jab booked {BookingId} in {Store} at {Slot}", booking.BookingId, form.StoreId, booking.SlotStart); // clean precision-names
            logger.LogInformation("Confirmation for {FirstName} <{Email}>", form.FirstName, form.Email); // leak TC1001 direct
            Booked.Add(1, new TagList { { "store", form.StoreId }, { "funded", form.Eligible65Plus || form.Pregnant } }); // clean precision-about
            return Ok(new { booking.BookingId });
        }
        catch (AlreadyVaccinatedException ex)
        {
            logger.LogInformation("Duplicate booking refused: {Reason}", ex.Message); // leak TC1001 exceptions
            return BadRequest("already-vaccinated");
        }
        catch (SessionFullException ex)
        {
            logger.LogInformation("Session {SessionId} full: {Reason}", ex.SessionId, ex.Message); // clean exceptions
            return BadRequest("full");
        }
    }
}
