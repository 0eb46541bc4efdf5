using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Media;

public sealed record TicketWebhook(string TicketId, string RequesterEmail, string Subject, string Priority, string? SubscriberId);

public sealed class TicketWebhookOptions
{
    public required string SigningSecret { get; set; }
}

public static class SupportTicketWebhook
{
    private static readonly ActivitySource Source = new("Streaming.Support");

    public static void Map(WebApplication app)
    {
        app.MapPost("/webhooks/tickets", async (TicketWebhook hook, IOptions<TicketWebhookOptions> options, ILogger<TicketWebhook> logger, Meter meter, CancellationToken ct) =>
        {
            using var activity = Source.StartActivity("ticket.webhook", ActivityKind.Server, default(ActivityContext), new Dictionary<string, object?> { ["ticket.id"] = hook.TicketId, ["ticket.requester"] = hook.RequesterEmail }); // leak TC1001 direct
            activity?.SetTag("ticket.priority", hook.Priority); // clean direct

            var requesterKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hook.RequesterEmail.ToLowerInvariant())));
            meter.CreateCounter<long>("support.tickets").Add(1, new KeyValuePair<string, object?>("ticket.requester_key", requesterKey)); // leak TC1003 hashes

            var signed = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SigningSecret), Encoding.UTF8.GetBytes(hook.TicketId));
            activity?.SetTag("ticket.signature_prefix", Convert.ToHexString(signed)[..8]); // clean hashes

            var subscriber = hook.SubscriberId ?? LookupByEmail(hook.RequesterEmail);
            activity?.SetBaggage("support.subscriber", subscriber); // leak TC1001 cross-member
            logger.LogInformation($"Ticket {hook.TicketId} from {hook.RequesterEmail}: {hook.Subject}"); // leak TC1001 strings
            await Task.CompletedTask;
            return Results.Accepted();
        });
    }

    private static string LookupByEmail(string email) => email.Split('@')[0];
}
