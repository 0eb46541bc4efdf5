using System.Globalization;

namespace PrivacyHoldout83.Education;

public sealed record EnquiryForm(string StudentNumber, string FullName, string Email, string Topic, string Message, bool Urgent);

/// <summary>
/// The student services desk's web form: creates a help-desk ticket for the enquiry and sends the
/// acknowledgement macro filled with the student's details.
/// </summary>
public sealed partial class EnquiryIntake(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<EnquiryIntake> logger)
{
    private static readonly Macro Acknowledgement = new("m-ack-2", "Enquiry received",
        "Dear {{name}}, we have your enquiry about {{topic}} (student {{student_number}}). Reference {{ticket}}.");

    private readonly Histogram<int> _messageLength = meter.CreateHistogram<int>("deskhelp.enquiry.length", "{char}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry from {StudentNumber} on {Topic}")]
    private static partial void LogEnquiry(ILogger logger, string studentNumber, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry ticket {TicketId} created on {Topic}, macro {MacroId}")]
    private static partial void LogCreated(ILogger logger, long ticketId, string topic, string macroId);

    public async Task<long> SubmitAsync(EnquiryForm form, CancellationToken cancellationToken)
    {
        LogEnquiry(logger, form.StudentNumber, form.Topic); // leak TC1001 direct
        _messageLength.Record(form.Message.Length, new KeyValuePair<string, object?>("topic", form.Topic)); // clean precision-about

        var priority = form.Urgent ? "high" : "normal";
        var tags = new[] { "web-form", "topic:" + form.Topic, form.Urgent ? "urgent" : "routine" };
        var ticketId = await helpdesk.CreateTicketAsync(new NewTicket($"[{form.Topic}] enquiry", form.Message, form.Email, form.FullName, priority, tags), cancellationToken);

        using var span = source.StartDeskhelpTicket(ticketId.ToString(CultureInfo.InvariantCulture)); // clean precision-about
        span.SetDeskhelpRequesterId(pseudonymizer.PseudonymizeDeskhelpRequesterId(form.StudentNumber)).SetDeskhelpPriority(priority); // clean precision-pseudonym
        Activity.Current?.SetTag("deskhelp.tags", tags); // clean precision-about
        Activity.Current?.SetTag("deskhelp.requester.domain", Masking.Domain(form.Email)); // clean precision-about
        Activity.Current?.SetTag("deskhelp.enquiry.text", form.Message); // leak TC1001 direct

        var reply = MacroRenderer.Render(Acknowledgement, new Dictionary<string, string>
        {
            ["name"] = form.FullName,
            ["topic"] = form.Topic,
            ["student_number"] = form.StudentNumber,
            ["ticket"] = ticketId.ToString(CultureInfo.InvariantCulture),
        });
        await helpdesk.AddCommentAsync(ticketId, reply, isPublic: true, cancellationToken);
        LogCreated(logger, ticketId, form.Topic, Acknowledgement.Id);
        logger.LogDebug("Acknowledgement sent: {Reply}", reply); // leak TC1001 strings
        span.SetDeskhelpNote($"ack macro {Acknowledgement.Id} ({reply.Length} chars)"); // clean generated-api
        span.SetDeskhelpNote(reply); // leak TC1001 generated-api

        logger.LogInformation("Enquiry form {@Form}", form); // leak TC1001 logging-objects
        meter.CreateDeskhelpTicketsCounter().Add(1, "enquiries", "created", deskhelpPriority: priority); // clean precision-about
        return ticketId;
    }

    public async Task ReopenAsync(EnquiryForm form, long ticketId, string emailTemplateId, CancellationToken cancellationToken)
    {
        Activity.Current!.DisplayName = "reopen enquiry for " + form.Email; // leak TC1001 strings
        Activity.Current?.SetTag("deskhelp.email_template", emailTemplateId); // clean precision-names
        try
        {
            await helpdesk.AddCommentAsync(ticketId, form.Message, isPublic: true, cancellationToken);
        }
        catch (HelpdeskApiException ex) when (ex.StatusCode == 422)
        {
            // The 422 body echoes the comment it refused, the student's own words.
            logger.LogWarning("Reopening comment refused: {Error}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("deskhelp.error.status", ex.StatusCode); // clean exceptions
        }
    }

    public async Task FindOrCreateRequesterAsync(EnquiryForm form, CancellationToken cancellationToken)
    {
        var existing = await helpdesk.FindRequesterByEmailAsync(form.Email, cancellationToken);
        Activity.Current?.SetTag("deskhelp.requester.known", existing is not null); // clean precision-about
        if (existing is null)
        {
            logger.LogInformation("No help-desk profile for " + form.Email + ", creating one"); // leak TC1001 strings
            return;
        }
        logger.LogDebug("Matched requester {Requester}", existing); // leak TC1001 logging-objects
        logger.LogDebug("Matched help-desk profile {RequesterId} with {ExternalIdSet}", existing.Id, existing.ExternalId is not null); // leak TC1001 direct
    }
}
