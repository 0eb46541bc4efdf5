namespace PrivacyHoldout130.Media;

public sealed record EnquiryForm(string ListingId, string AgentBranchId, string Name, string Email, string Phone, string Message, bool WantsViewing, bool HasPropertyToSell, string Position);

public sealed record EnquiryAccepted(Guid EnquiryId, string ListingId, string AgentBranchId, DateTimeOffset ReceivedAt);

/// <summary>
/// The property portal's "contact agent" form on a rental listing: validates it, stores the lead for the agent's
/// branch and tells the agent. Rate-limited per signed-in account.
/// </summary>
[ApiController]
[Route("api/listings")]
public sealed partial class ListingEnquiryController(Pseudonymizer pseudonymizer, ILogger<ListingEnquiryController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Portal.Enquiries");
    private static readonly Meter Meter = new("Portal.Enquiries");
    private static readonly Counter<long> Enquiries = Meter.CreateCounter<long>("portal.enquiries");

    [HttpPost("{listingId}/enquiries")]
    public ActionResult Enquire(string listingId, [FromBody] EnquiryForm form)
    {
        using var span = Source.StartListingsTenancy(listingId).SetListingsRegion(form.AgentBranchId); // clean precision-names
        var account = HttpContext.User.SubjectId;
        if (account is not null)
        {
            span.SetListingsTenantId(pseudonymizer.PseudonymizeListingsTenantId(account)); // clean precision-pseudonym
        }
        span.Activity?.SetTag("enduser.id", account); // leak TC1001 direct
        span.Activity?.SetTag("enquiry.wants_viewing", form.WantsViewing); // clean precision-about
        span.Activity?.SetTag("enquiry.position", form.Position); // clean precision-names
        span.Activity?.SetTag("enquiry.message.words", form.Message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        span.Activity?.SetTag(ListingsAttributes.Contact, form.Phone); // leak TC1001 generated-api
        span.Activity?.SetTag("enquiry.phone.international", form.Phone.StartsWith('+')); // clean precision-about

        if (string.IsNullOrWhiteSpace(form.Email) || !form.Email.Contains('@'))
        {
            logger.LogWarning("Enquiry rejected: email '{Email}' invalid", form.Email); // leak TC1001 direct
            return BadRequest("A valid email is needed.");
        }

        var accepted = new EnquiryAccepted(Guid.NewGuid(), listingId, form.AgentBranchId, DateTimeOffset.UtcNow);
        logger.LogInformation("Enquiry {@Accepted}", accepted); // clean logging-objects
        logger.LogInformation("Enquiry {@Form}", form); // leak TC1001 logging-objects
        logger.LogDebug("Enquiry text: {Preview}", form.Message.Length > 40 ? form.Message[..40] : form.Message); // leak TC1001 direct
        EnquiryForwarded(logger, listingId, form.Email); // clean logging-objects
        Enquiries.Add(1, new KeyValuePair<string, object?>("branch", form.AgentBranchId), new("wants_viewing", form.WantsViewing)); // clean precision-names
        span.SetListingsNote($"Enquiry from {form.Name} ({form.Position})"); // leak TC1001 generated-api
        return Ok(accepted);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Enquiry on {ListingId} forwarded from {Email}")]
    private static partial void EnquiryForwarded(ILogger logger, string listingId, [PrivateData] string email);
}
