using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Media;

/// <summary>A broadcaster's "see the signs" campaign: viewers book a free eye test at a partner optician from the programme's page.</summary>
[ApiController]
[Route("api/campaign/eye-tests")]
public sealed class EyeTestCampaignController(ILogger<EyeTestCampaignController> logger, Pseudonymizer pseudonymizer, Meter meter) : ControllerBase
{
    private static readonly Counter<long> Bookings = new Meter("Campaign").CreateCounter<long>("campaign.eye_test.bookings");

    [HttpPost]
    public ActionResult Book([FromBody] CampaignBooking booking)
    {
        var activity = Activity.Current;
        activity?.SetTag("campaign.booking.id", booking.BookingId); // clean precision-names
        activity?.SetTag("campaign.branch", booking.OpticianBranch); // clean precision-about
        activity?.SetTag("campaign.viewer_phone", booking.ViewerPhone); // leak TC1001 direct
        activity?.SetTag("campaign.phone_prefix", booking.ViewerPhone[..3]); // clean precision-about
        activity?.SetTag("campaign.user", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("campaign.user_authenticated", HttpContext.User.IsAuthenticated); // clean precision-about

        var viewer = pseudonymizer.PseudonymizeSignalcareClientId(booking.ViewerPhone);
        Bookings.Add(1, new KeyValuePair<string, object?>("branch", booking.OpticianBranch)); // clean precision-about
        Bookings.Add(1, new KeyValuePair<string, object?>("viewer", viewer)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Booked eye test for viewer {Viewer}", viewer); // clean precision-pseudonym
        logger.LogInformation("Booked {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Booked {BookingId} at {Branch} for {Name}", booking.BookingId, booking.OpticianBranch, booking.ViewerName); // leak TC1001 direct
        meter.CreateSignalcareOperationDurationHistogram().Record(0.2, "campaign"); // clean generated-api
        return Ok(booking.BookingId);
    }
}
