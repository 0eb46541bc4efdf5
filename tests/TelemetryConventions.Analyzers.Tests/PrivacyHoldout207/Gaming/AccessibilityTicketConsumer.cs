using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Gaming;

public sealed record AccessibilityTicket(string TicketId, string PlayerId, string PlayerEmail, string TitleId, string Category, string Body);

public sealed class TicketRejectedException(string playerEmail) : Exception($"Ticket from {playerEmail} rejected: account closed");

public sealed class TitleNotSupportedException(string titleId) : Exception($"Title {titleId} has no accessibility settings");

/// <summary>Players write to accessibility support about captions, hearing aid streaming and colour filters.</summary>
public sealed class AccessibilityTicketConsumer(IConsumer<string, AccessibilityTicket> consumer, ILogger<AccessibilityTicketConsumer> logger, Pseudonymizer pseudonymizer, Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Accessibility.Tickets");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var ticket = result.Message.Value;
            using var activity = Source.StartActivity("accessibility.ticket");
            activity?.SetTag("messaging.destination.name", result.Topic); // clean precision-names
            activity?.SetTag("ticket.id", ticket.TicketId); // clean precision-names
            activity?.SetTag("ticket.category", ticket.Category); // clean precision-about
            activity?.SetTag("ticket.body_length", ticket.Body.Length); // clean precision-about
            activity?.SetTag("ticket.body", ticket.Body); // leak TC1001 direct
            activity?.SetTag("ticket.player", pseudonymizer.ComputeClearplayClientId(ticket.PlayerId)); // clean precision-pseudonym
            try
            {
                if (ticket.Category == "closed-account")
                {
                    throw new TicketRejectedException(ticket.PlayerEmail);
                }

                if (ticket.TitleId.StartsWith("legacy", StringComparison.Ordinal))
                {
                    throw new TitleNotSupportedException(ticket.TitleId);
                }

                logger.LogInformation("Ticket {Ticket}", ticket); // leak TC1001 logging-objects
                logger.LogInformation("Ticket {TicketId} in {Category} for {TitleId}", ticket.TicketId, ticket.Category, ticket.TitleId); // clean logging-objects
            }
            catch (TicketRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
                logger.LogWarning("Ticket rejected: {Error}", ex.Message); // leak TC1001 exceptions
            }
            catch (TitleNotSupportedException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogClearplayOperationFailedEvent(ticket.TitleId, "unsupported", clearplayNote: ex.Message); // clean generated-api
            }

            meter.CreateClearplayOperationsCounter().Add(1, ticket.TitleId, ticket.Category); // clean generated-api
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
