using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Media;

public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, string Territory, DateOnly Since, IReadOnlyList<string> ProfileNames);

public interface ISubscribers
{
    Task<Subscriber?> FindByPhoneAsync(string phoneNumber, CancellationToken cancellationToken);
}

/// <summary>The wrap-up an agent files after a cancellation call.</summary>
public sealed record RetentionWrapUp(string CallSid, string Queue, string Code, string? OfferId, string? AgentNotes, bool Retained);

public static class RetentionSpans
{
    /// <summary>Puts the subscriber on the retention span so that saves can be joined with billing.</summary>
    public static void TagSubscriber(this Activity? activity, Guid subscriberId)
    {
        activity?.SetTag("retention.subscriber.id", subscriberId.ToString()); // leak TC1001 direct
    }

    public static void TagOffer(this Activity? activity, string? offerId)
    {
        activity?.SetTag("retention.offer.id", offerId);
    }
}

/// <summary>The cancellation line: callers who press 3 ("cancel my subscription") go to the retention queue, and the desk pops their account.</summary>
public sealed class RetentionDesk(
    ISubscribers subscribers,
    IAgentDesktop desktop,
    Pseudonymizer pseudonymizer,
    ILogger<RetentionDesk> logger)
{
    private const string Queue = "retention-uk";
    private static readonly ActivitySource Source = new("Streamly.ContactCentre.Retention");
    private static readonly Meter Meter = new("Streamly.ContactCentre.Retention");
    private static readonly Counter<long> Saves = Meter.CreateCounter<long>("retention.saves");

    public async Task OfferToAgentAsync(string callSid, string callerNumber, Worker agent, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("retention.offer_to_agent");
        var subscriber = await subscribers.FindByPhoneAsync(callerNumber, cancellationToken);
        var url = subscriber is null
            ? new Uri($"https://crm.streamly.example/search?phone={Uri.EscapeDataString(callerNumber)}")
            : new Uri($"https://crm.streamly.example/subscribers/{subscriber.SubscriberId}/retention");
        var fields = new Dictionary<string, string>
        {
            ["Plan"] = subscriber?.Plan ?? "unknown",
            ["Member since"] = subscriber?.Since.ToString("MMM yyyy") ?? "-",
            ["Profiles"] = subscriber is null ? "-" : string.Join(", ", subscriber.ProfileNames),
        };
        var pop = new ScreenPop(callSid, url, "Cancellation request", fields);
        await desktop.ScreenPopAsync(agent.Sid, pop, cancellationToken);

        activity?.SetTag("retention.plan", subscriber?.Plan); // clean precision-about
        activity?.SetTag("retention.territory", subscriber?.Territory);
        activity?.SetTag("retention.profile.count", subscriber?.ProfileNames.Count ?? 0); // clean precision-about
        activity?.SetTag("retention.agent.activity", agent.ActivityName); // clean precision-names
        logger.LogInformation("Screen pop {Url} sent to {Agent}", pop.Url, agent.FriendlyName); // leak TC1001 strings
        logger.LogDebug("Screen pop fields {@Fields}", pop.Fields); // leak TC1001 logging-objects

        if (subscriber is not null)
        {
            activity.TagSubscriber(subscriber.SubscriberId); // leak TC1001 cross-member
            activity?.EnrichCallHandle(callSid).SetCallQueue(Queue).SetCallCallerId(pseudonymizer.PseudonymizeCallCallerId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym
        }
    }

    public void WrapUp(RetentionWrapUp wrapUp, Guid? subscriberId)
    {
        var activity = Activity.Current;
        activity.TagOffer(wrapUp.OfferId); // clean cross-member
        activity?.SetTag("retention.wrapup.code", wrapUp.Code);
        activity?.SetTag("retention.agent.notes", wrapUp.AgentNotes); // leak TC1001 direct
        Saves.Add(1, new KeyValuePair<string, object?>("retention.code", wrapUp.Code), new KeyValuePair<string, object?>("retention.retained", wrapUp.Retained)); // clean precision-about
        if (wrapUp.Retained && subscriberId is { } id)
        {
            // Billing joins saves with the discount it applies, so a save carries the subscriber's reference.
            Meter.CreateCallCompletedCounter().Add(1, callQueue: wrapUp.Queue, callWrapupCode: wrapUp.Code, callOutcome: $"retained:{pseudonymizer.ComputeCallCallerId(id.ToString())}"); // leak TC1003 precision-pseudonym
        }
        else
        {
            Meter.CreateCallCompletedCounter().Add(1, callQueue: wrapUp.Queue, callWrapupCode: wrapUp.Code, callOutcome: wrapUp.Retained ? "retained" : "cancelled"); // clean generated-api
        }
        logger.LogInformation("Retention wrap-up {WrapUp}", wrapUp); // leak TC1001 logging-objects
    }
}
