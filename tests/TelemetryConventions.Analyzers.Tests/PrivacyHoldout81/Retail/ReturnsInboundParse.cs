namespace PrivacyHoldout81.Retail;

/// <summary>
/// Inbound-parse webhook of returns@ and damaged@ at Hartley &amp; Cole. Customers quote their order
/// number (HC-1234567) in the subject, describe the fault in their own words and attach photos of the
/// damaged item, named however their phone or they named them.
/// </summary>
public static class ReturnsInboundParse
{
    private static readonly Regex OrderNumber = new(@"\bHC-\d{7}\b");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/inbound/returns", HandleAsync);

    private static async Task<ActionResult> HandleAsync(
        InboundParseForm form,
        ActivitySource source,
        Meter meter,
        Pseudonymizer pseudonymizer,
        ICustomerLookup customers,
        ILogger<ReturnsIntake> logger,
        CancellationToken cancellationToken)
    {
        var envelope = SmtpEnvelope.Parse(form.Envelope);
        PlusAddress.TryParse(envelope.To[0], out var alias);
        var sender = MailboxAddress.Parse(form.From);
        using var intake = source.StartReturnsinboxIntake(alias.Mailbox);

        var order = OrderNumber.Match(form.Subject + " " + form.Text).Value;
        intake.Activity?.SetTag("order.number", order); // clean precision-about
        intake.SetReturnsinboxSpamScore(ProviderVerdicts.ParseSpamScore(form.SpamScore)); // clean precision-about

        var customer = await customers.FindByEmailAsync(sender.Address, cancellationToken);
        if (customer is not null)
        {
            intake.SetReturnsinboxSenderId(pseudonymizer.PseudonymizeReturnsinboxSenderId(customer.CustomerNumber)); // clean precision-pseudonym
            intake.Activity?.SetTag("customer.tier", customer.Tier); // clean precision-names
            meter.CreateReturnsinboxMessagesReceivedCounter().Add(1, alias.Mailbox, "matched"); // clean precision-about
        }
        else
        {
            logger.LogInformation("Guest return request from {Sender} for order {Order}", sender, order); // leak TC1001 logging-objects
            intake.Activity?.SetTag("customer.guest", true);
        }

        var attachments = InboundAttachment.ParseAll(form.AttachmentInfo);
        var totalBytes = attachments.Sum(a => a.Size);
        logger.LogInformation("{Count} photo(s), {Bytes} bytes, types {Types}", attachments.Count, totalBytes, string.Join(",", attachments.Select(a => a.Type).Distinct())); // clean precision-about
        logger.LogDebug("Attachment names {Names}", attachments.Select(a => a.FileName).ToList()); // leak TC1001 logging-objects
        intake.Activity?.AddEvent(new ActivityEvent("returns.photos", tags: new ActivityTagsCollection { ["count"] = attachments.Count, ["largest.type"] = attachments.MaxBy(a => a.Size)?.Type })); // clean precision-about

        var description = form.Text ?? string.Empty;
        intake.Activity?.SetTag("returns.description.length", description.Length); // clean precision-about
        intake.SetReturnsinboxNote(description.Length > 140 ? description[..140] : description); // leak TC1001 generated-api
        intake.Activity?.SetTag("returns.subject", form.Subject.Replace(order, "{order}")); // leak TC1001 strings
        return new OkResult(null);
    }
}

public sealed class ReturnsIntake;

public sealed record RetailCustomer(string CustomerNumber, string Email, string Tier, string DeliveryPostcode);

public interface ICustomerLookup
{
    Task<RetailCustomer?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
