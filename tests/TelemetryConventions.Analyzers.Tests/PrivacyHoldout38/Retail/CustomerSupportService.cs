namespace PrivacyHoldout38.Retail;

public sealed record SupportTicket(string TicketId, string CustomerNumber, string Channel, string Subject, string Body);

public sealed record ContactDetails(string Email, string? Phone);

public sealed class CustomerNotFoundException(string email)
    : Exception($"No customer with email {email}");

public interface ICustomerDirectory
{
    Task<ContactDetails> ContactsAsync(string customerNumber, CancellationToken cancellationToken);

    Task<string?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task MergeAsync(string survivingCustomerNumber, string duplicateCustomerNumber, CancellationToken cancellationToken);
}

public sealed class CustomerSupportService(ActivitySource source, ILogger<CustomerSupportService> logger, ICustomerDirectory directory)
{
    public async Task OpenAsync(SupportTicket ticket, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("support.ticket");
        activity?.SetTag("support.ticket_id", ticket.TicketId); // clean direct
        activity?.SetTag("support.channel", ticket.Channel); // clean direct

        var contacts = await directory.ContactsAsync(ticket.CustomerNumber, cancellationToken);
        var contactedVia = ticket.Channel switch
        {
            "email" => contacts.Email,
            "phone" when contacts.Phone is { } phone => phone,
            var other => other,
        };
        activity?.SetTag("support.contacted_via", contactedVia); // leak TC1001 strings

        if (ticket.Subject.Split(' ') is ["Order", var orderId, ..])
        {
            activity?.SetTag("support.order_id", orderId); // clean direct
        }

        var span = Activity.Current.EnrichOperationRun("support.open").SetPartyNote(ticket.TicketId); // clean generated-api
        span.SetOperationOutcome(ticket.Subject); // leak TC1001 generated-api

        logger.LogInformation("Ticket body has {Length} characters", ticket.Body.Length); // clean precision-about
        logger.LogDebug("Ticket body: {Body}", ticket.Body); // leak TC1001 direct
        logger.LogInformation("Opened {Ticket}", ticket); // leak TC1001 logging-objects
    }

    public async Task MergeDuplicateAsync(SupportTicket ticket, string duplicateEmail, CancellationToken cancellationToken)
    {
        try
        {
            var duplicate = await directory.FindByEmailAsync(duplicateEmail, cancellationToken) ?? throw new CustomerNotFoundException(duplicateEmail);
            await directory.MergeAsync(ticket.CustomerNumber, duplicate, cancellationToken);
        }
        catch (CustomerNotFoundException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetTag("support.merge_error", ex.GetType().Name); // clean exceptions
        }
    }
}
