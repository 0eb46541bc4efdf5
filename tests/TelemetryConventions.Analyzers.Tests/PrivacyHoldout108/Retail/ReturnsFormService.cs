namespace PrivacyHoldout108.Retail;

public sealed record ReturnForm(string OrderNumber, string LoyaltyCard, string CustomerEmail, string Reason, IReadOnlyList<string> Skus, string StoreCode);

public sealed record ReturnLabel(string OrderNumber, string FileName, DraftLink ResumeLink);

/// <summary>The online returns form: the customer picks items and a reason, the service renders the returns note PDF with the label and mails a link to resume or print it.</summary>
public sealed partial class ReturnsFormService(PdfFormFiller filler, Pseudonymizer pseudonymizer, ILogger<ReturnsFormService> logger)
{
    private static readonly ActivitySource Source = new("Retailer.Returns");
    private static readonly Meter ReturnsMeter = new("Retailer.Returns");
    private static readonly Counter<long> Returns = ReturnsMeter.CreateCounter<long>("returns.forms");
    private static readonly PdfTemplate NoteTemplate = new("tpl-returns-note", 2, "en-GB", ["OrderNumber", "LoyaltyCard", "Items", "Reason"]);

    public ReturnLabel Submit(ReturnForm form, FormDefinition definition)
    {
        using var activity = Source.StartActivity("returns.submit");
        activity?.SetTag("returns.order", form.OrderNumber); // clean precision-names
        activity?.SetTag("returns.reason", form.Reason); // clean precision-names
        activity?.SetTag("returns.skus", string.Join(",", form.Skus)); // clean precision-names
        activity?.SetTag("returns.items", form.Skus.Count); // clean precision-about
        activity?.SetTag("returns.loyalty_card_last4", form.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("returns.loyalty_card", form.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("returns.form.required_fields", string.Join(",", definition.Fields.Where(f => f.Required).Select(f => f.Name))); // clean precision-names

        var fileName = $"returns-{form.OrderNumber}.pdf";
        var pdf = filler.Fill(NoteTemplate, new Dictionary<string, string> { ["OrderNumber"] = form.OrderNumber, ["LoyaltyCard"] = form.LoyaltyCard, ["Items"] = string.Join(", ", form.Skus), ["Reason"] = form.Reason }, fileName);
        activity?.SetTag("returns.pdf", pdf.FileName); // clean precision-names
        logger.LogInformation("Returns note rendered {Pdf}", pdf); // clean logging-objects

        var link = new DraftLink($"https://shop.example.com/returns/resume?order={form.OrderNumber}&t={Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddDays(14));
        activity?.SetTag("returns.resume_link.expires", link.ExpiresAt.ToString("O")); // clean precision-about
        ResumeLinkMailed(logger, form.OrderNumber, link.Url); // leak TC1001 logging-objects
        logger.LogDebug("Resume link {Link}", link); // leak TC1001 logging-objects
        logger.LogInformation("Returns form {Form}", form); // leak TC1001 logging-objects

        Returns.Add(1, new KeyValuePair<string, object?>("reason", form.Reason), new KeyValuePair<string, object?>("store", form.StoreCode)); // clean precision-names
        Returns.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeCreditsignSignerId(form.LoyaltyCard))); // leak TC1003 precision-pseudonym
        activity?.SetTag("returns.customer", pseudonymizer.ComputeCreditsignSignerId(form.LoyaltyCard)); // clean precision-pseudonym
        activity?.SetTag("returns.customer_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(form.CustomerEmail.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("returns.idempotency", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(form.OrderNumber + string.Join(",", form.Skus))))); // clean hashes
        return new ReturnLabel(form.OrderNumber, pdf.FileName, link);
    }

    public void Reject(ReturnForm form, FormValidationException ex)
    {
        Activity.Current?.AddException(ex); // clean exceptions
        logger.LogWarning(ex, "Returns form for order {OrderNumber} failed validation: {Errors}", form.OrderNumber, string.Join(",", ex.Errors.Select(e => e.Code))); // clean exceptions
        Activity.Current?.AddEvent(new ActivityEvent("returns.rejected", tags: new ActivityTagsCollection { ["email"] = form.CustomerEmail })); // leak TC1001 direct
    }

    [LoggerMessage(EventId = 5501, Level = LogLevel.Information, Message = "Returns resume link for order {OrderNumber}: {ResumeUrl}")]
    private static partial void ResumeLinkMailed(ILogger logger, string orderNumber, string resumeUrl);
}
