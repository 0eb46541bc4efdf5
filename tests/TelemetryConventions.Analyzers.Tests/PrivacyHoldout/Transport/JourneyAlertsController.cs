using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Transport;

public sealed record AlertSubscription(string RouteId, string Channel, string Destination, TimeOnly From, TimeOnly To);

public sealed record SubscriptionSaved(string SubscriptionId, string RouteId, string Channel);

public interface IAlertSubscriptions
{
    Task<SubscriptionSaved> SaveAsync(string riderId, AlertSubscription subscription, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertSubscription>> ForRiderAsync(string riderId, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/alerts")]
public sealed class JourneyAlertsController(IAlertSubscriptions subscriptions, Pseudonymizer pseudonymizer, ILogger<JourneyAlertsController> logger) : ClaimsControllerBase
{
    [HttpPost]
    public async Task<ActionResult> Subscribe([FromBody] AlertSubscription subscription, CancellationToken cancellationToken)
    {
        var riderId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? HttpContext.User.SubjectId;
        if (riderId is null)
        {
            return BadRequest("sign in first");
        }

        var activity = Activity.Current;
        activity?.SetTag("transit.route.id", subscription.RouteId); // clean precision-names
        activity?.SetTag("transit.alert.channel", subscription.Channel); // clean precision-about
        activity?.SetTag("transit.alert.destination", subscription.Destination); // leak TC1001 direct
        activity?.SetTag("transit.alert.window_minutes", (subscription.To - subscription.From).TotalMinutes);
        activity?.SetTag(TransitAttributes.RiderId, pseudonymizer.ComputeTransitRiderId(riderId)); // clean precision-pseudonym

        var masked = subscription.Channel switch
        {
            "sms" => subscription.Destination[..3] + new string('*', Math.Max(0, subscription.Destination.Length - 5)) + subscription.Destination[^2..],
            "email" => "***@" + subscription.Destination.Split('@').Last(),
            _ => "?",
        };
        logger.LogInformation("Alert destination {Masked} on {Channel}", masked, subscription.Channel); // clean precision-about

        var saved = await subscriptions.SaveAsync(riderId, subscription, cancellationToken);
        activity?.SetTag("transit.alert.subscription_id", saved.SubscriptionId); // clean precision-names
        logger.LogInformation("Rider {RiderId} subscribed to {RouteId} alerts via {Destination}", riderId, saved.RouteId, subscription.Destination); // leak TC1001 direct
        return Ok(saved);
    }

    [HttpGet]
    public async Task<ActionResult> List(CancellationToken cancellationToken)
    {
        var email = User.FindFirstValue(ClaimTypes.Email) ?? HttpContext.User.Email ?? "anonymous";
        var riderId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var list = await subscriptions.ForRiderAsync(riderId, cancellationToken);
        var routes = list.Select(s => s.RouteId).Distinct().OrderBy(r => r).ToArray();
        Activity.Current?.SetTag("transit.alert.routes", string.Join(",", routes)); // clean strings
        Activity.Current?.SetTag("transit.alert.count", list.Count); // clean precision-about
        Activity.Current?.SetTag("transit.alert.requested_by", $"{email} ({list.Count} alerts)"); // leak TC1001 strings
        Activity.Current?.SetTag("transit.alert.channels", string.Join("+", list.Select(s => s.Channel).Distinct())); // clean strings
        Activity.Current?.SetTag("transit.alert.destinations", string.Join("+", list.Select(s => s.Destination))); // leak TC1001 strings
        return Ok(list);
    }
}
