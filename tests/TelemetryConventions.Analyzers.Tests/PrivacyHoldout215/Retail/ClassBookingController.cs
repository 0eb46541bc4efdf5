namespace PrivacyHoldout215.Retail;

/// <summary>The retailer's in-store classes: customers book craft and cookery lessons with tutors at their store.</summary>
[ApiController]
[Route("api/classes")]
public sealed partial class ClassBookingController(
    INotifier notifier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ClassBookingController> logger,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Retail.Classes");

    private readonly Counter<int> _seats = meter.CreateCounter<int>("classes.seats.booked");
    private readonly List<string> _waitlistEmails = new();

    [HttpPost("book")]
    public async Task<ActionResult> BookAsync([FromBody] ClassBooking booking, CancellationToken cancellationToken)
    {
        var customer = pseudonymizer.PseudonymizeShopskillsClientId(booking.LoyaltyCardNumber);
        using var span = Source.StartShopskillsOperation(booking.Store);
        span.SetShopskillsClientId(customer); // clean generated-api
        span.SetShopskillsSubject(booking.ClassCode); // clean generated-api
        span.SetShopskillsNote(booking.CustomerEmail); // leak TC1001 generated-api
        span.SetShopskillsNote($"{booking.Seats} seats for class {booking.ClassCode}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("loyalty.card", booking.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("customer.email", booking.CustomerEmail); // leak TC1001 direct
        activity?.SetTag("customer.name", booking.CustomerName); // leak TC1001 direct
        activity?.SetTag("class.code", booking.ClassCode); // clean precision-names
        activity?.SetTag("class.seats", booking.Seats); // clean precision-about
        activity?.SetTag("customer.tier", booking.Seats > 4 ? "group" : "individual"); // clean precision-names
        activity?.SetTag("customer.pseudonym", customer); // clean precision-pseudonym

        _seats.Add(booking.Seats, new KeyValuePair<string, object?>("store", booking.Store), new KeyValuePair<string, object?>("class", booking.ClassCode)); // clean precision-names
        _seats.Add(booking.Seats, new KeyValuePair<string, object?>("card", booking.LoyaltyCardNumber)); // leak TC1003 direct
        _seats.Add(booking.Seats, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeShopskillsClientId(booking.LoyaltyCardNumber))); // leak TC1003 precision-pseudonym
        meter.CreateShopskillsOperationsCounter().Add(1, booking.Store, "booked"); // clean generated-api

        logger.LogInformation("Class booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Class booked {@Booking}", booking with { CustomerEmail = "redacted" }); // leak TC1001 logging-objects
        logger.LogInformation("Class booked {Booking}", new { booking.BookingId, booking.Store, booking.ClassCode, booking.Seats }); // clean logging-objects
        logger.LogInformation("Class booked {Booking}", new { booking.BookingId, booking.CustomerName }); // leak TC1001 logging-objects

        using (logger.BeginScope("Booking {BookingId} at {Store}", booking.BookingId, booking.Store)) // clean logging-objects
        {
            try
            {
                await notifier.SendAsync(booking.CustomerEmail, "Your class", booking.ClassCode, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning(ex, "Confirmation not sent"); // clean exceptions
                logger.LogWarning("Confirmation to {Email} not sent", booking.CustomerEmail); // leak TC1001 direct
            }
        }

        return Ok(booking.BookingId);
    }

    [HttpPost("waitlist")]
    public ActionResult Waitlist(string classCode, string email)
    {
        _waitlistEmails.Add(email);
        var domain = email.Split('@').LastOrDefault() ?? "";
        Activity.Current?.SetTag("waitlist.email_domain", domain); // clean precision-about
        Activity.Current?.SetTag("waitlist.size", _waitlistEmails.Count); // clean precision-about
        LogWaitlisted(logger, email, classCode); // clean logging-objects
        LogWaitlistedPublic(logger, email, classCode); // leak TC1001 logging-objects
        return Ok();
    }

    [HttpPost("waitlist/flush")]
    public ActionResult FlushWaitlist(ClassSchedule schedule)
    {
        var all = string.Join(",", _waitlistEmails);
        logger.LogInformation("Notifying waitlist {Emails}", all); // leak TC1001 cross-member
        logger.LogInformation("Notifying {Count} on the waitlist", _waitlistEmails.Count); // clean cross-member
        logger.LogInformation("Schedule {@Schedule}", schedule); // clean logging-objects
        Activity.Current?.SetTag("schedule.fill", (double)schedule.Booked / schedule.Capacity); // clean precision-about
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(all)));
        Activity.Current?.SetTag("waitlist.digest", keyed); // clean hashes
        var unkeyed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_waitlistEmails.FirstOrDefault() ?? "")));
        Activity.Current?.SetTag("waitlist.first_digest", unkeyed); // leak TC1002 hashes
        _waitlistEmails.Clear();
        return Ok();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "{Email} waitlisted for {ClassCode}")]
    private static partial void LogWaitlisted(ILogger logger, [PrivateData] string email, string classCode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "{Email} waitlisted for {ClassCode}")]
    private static partial void LogWaitlistedPublic(ILogger logger, [PublicData] string email, string classCode);
}
