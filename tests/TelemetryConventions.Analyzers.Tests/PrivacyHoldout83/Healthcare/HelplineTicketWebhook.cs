using System.Globalization;

namespace PrivacyHoldout83.Healthcare;

/// <summary>
/// Receives the help desk's ticket webhooks for the patient helpline: routes new tickets to the
/// right clinical queue, copies the hospital number from the custom field and applies the SLA.
/// </summary>
[ApiController]
[Route("webhooks/helpdesk")]
public sealed partial class HelplineTicketWebhookController(
    HelpdeskClient helpdesk,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<HelplineTicketWebhookController> logger) : ControllerBase
{
    private const string HospitalNumberField = "hospital_number";
    private const string ClinicField = "clinic_code";

    private readonly Counter<long> _webhooks = meter.CreateCounter<long>("carehelp.webhooks.received", "{webhook}");

    [HttpPost("ticket")]
    public async Task<ActionResult> OnTicketEvent([FromBody] TicketWebhook hook, CancellationToken cancellationToken)
    {
        var ticketId = hook.TicketId.ToString(CultureInfo.InvariantCulture);
        using var span = source.StartCarehelpTicket(ticketId); // clean precision-about
        logger.LogInformation("Webhook {Event} for ticket {TicketId} at priority {Priority}", hook.Event, hook.TicketId, hook.Priority); // clean precision-about
        logger.LogDebug("Webhook payload {Payload}", hook); // leak TC1001 logging-objects
        _webhooks.Add(1, new KeyValuePair<string, object?>("event", hook.Event), new KeyValuePair<string, object?>("priority", hook.Priority));

        if (hook.Event == "ticket.created")
        {
            span.SetCarehelpNote(hook.Subject); // leak TC1001 generated-api
        }

        Ticket ticket;
        try
        {
            ticket = await helpdesk.GetTicketAsync(hook.TicketId, cancellationToken);
        }
        catch (TicketNotFoundException ex)
        {
            logger.LogWarning(ex, "Ticket {TicketId} vanished before the webhook was handled", ex.TicketId); // clean exceptions
            return NotFound();
        }

        var hospitalNumber = ticket.CustomField(HospitalNumberField);
        var clinic = ticket.CustomField(ClinicField);
        Activity.Current?.SetTag("carehelp.clinic", clinic); // clean precision-about
        Activity.Current?.SetTag("carehelp.hospital_number.present", hospitalNumber is not null); // clean precision-about

        if (hospitalNumber is not null)
        {
            span.SetCarehelpRequesterId(pseudonymizer.PseudonymizeCarehelpRequesterId(hospitalNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("carehelp.patient", hospitalNumber); // leak TC1001 direct
        }
        else
        {
            logger.LogWarning("Ticket {TicketId} from {Requester} has no hospital number; asking the patient for it", ticket.Id, ticket.Requester.Email); // leak TC1001 direct
        }

        var queue = Route(ticket);
        span.SetCarehelpQueue(queue).SetCarehelpPriority(ticket.Priority); // clean precision-about
        Activity.Current?.SetTag("carehelp.tags", string.Join(",", ticket.Tags)); // clean precision-about
        Activity.Current?.SetTag("carehelp.requester.email", ticket.Requester.Email); // leak TC1001 generated-api

        var internalNotes = ticket.Comments.Where(c => !c.Public).ToList();
        logger.LogDebug("Ticket {TicketId} has {InternalNotes} internal notes and {PublicReplies} public replies", ticket.Id, internalNotes.Count, ticket.Comments.Count - internalNotes.Count); // clean precision-about
        if (internalNotes.Count > 0)
        {
            logger.LogDebug("Latest internal note on {TicketId}: {Note}", ticket.Id, internalNotes[^1].Body); // leak TC1001 direct
        }

        try
        {
            await helpdesk.AssignAsync(ticket.Id, queue, assigneeId: null, cancellationToken);
        }
        catch (HelpdeskApiException ex) when (ex.StatusCode == 422)
        {
            // A 422 echoes the fields it refused: the requester's name and email among them.
            logger.LogError(ex, "Help desk refused the assignment of {TicketId}", ticket.Id); // leak TC1001 exceptions
            span.SetCarehelpOutcome($"rejected:{ex.StatusCode}"); // clean exceptions
            return BadRequest();
        }

        meter.CreateCarehelpTicketsCounter().Add(1, queue, "routed", carehelpPriority: ticket.Priority); // clean precision-about
        return Ok();
    }

    private static string Route(Ticket ticket) =>
        ticket.Tags.Contains("repeat-prescription") ? "pharmacy"
        : ticket.Tags.Contains("appointment") ? "bookings"
        : "general";
}
