using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Gaming;

internal static class SupportActivityExtensions
{
    /// <summary>Support dashboards group callbacks by the player's handle.</summary>
    public static Activity? TagGamertag(this Activity? activity, string gamertag)
    {
        activity?.SetTag("support.player.gamertag", gamertag); // leak TC1001 direct
        return activity;
    }
}

/// <summary>What the player fills in on the in-game "call me back" form.</summary>
public sealed record CallMeBackForm(Guid PlayerId, string PhoneNumber, string Topic, string Description, string PreferredLanguage);

/// <summary>
/// The player support desk: the game client posts "call me back" requests, and the desk pops the
/// player's account on the agent's screen when the callback is connected.
/// </summary>
public sealed class SupportCallbackDesk(
    IPlayerAccounts players,
    ICallbackQueue callbacks,
    IAgentDesktop desktop,
    Pseudonymizer pseudonymizer,
    ILogger<SupportCallbackDesk> logger)
{
    private static readonly ActivitySource Source = new("Arcadia.Support.Callbacks");

    private static string QueueFor(string topic, string language) => topic switch
    {
        "payments" or "refunds" => $"billing-{language}",
        "ban-appeal" => "trust-and-safety",
        _ => $"general-{language}",
    };

    public async Task<string> RequestAsync(CallMeBackForm form, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("support.callback.request");
        var player = await players.FindAsync(form.PlayerId, cancellationToken) ?? throw new InvalidOperationException("Unknown player.");
        var queue = QueueFor(form.Topic, form.PreferredLanguage);

        Baggage.SetBaggage("player.id", form.PlayerId.ToString()); // leak TC1001 direct
        Baggage.SetBaggage("support.queue", queue); // clean direct
        activity?.SetTag("support.topic", form.Topic);
        activity?.SetTag("support.description.length", form.Description.Length); // clean precision-about
        activity?.SetTag("support.description", form.Description); // leak TC1001 direct
        activity.TagGamertag(player.Gamertag); // leak TC1001 cross-member
        if (activity is not null)
        {
            activity.DisplayName = $"callback {player.Gamertag} {form.Topic}"; // leak TC1001 strings
        }

        var request = new CallbackRequest(Guid.NewGuid().ToString("N"), queue, form.PhoneNumber, DateTimeOffset.UtcNow.AddHours(1), 0, form.PlayerId.ToString());
        var id = await callbacks.EnqueueAsync(request, cancellationToken);
        activity?.AddCallTransferredEvent(queue, callNote: $"callback {id} queued for {request.DueAt:HH:mm}"); // clean generated-api
        logger.LogInformation("Callback {CallbackId} queued in {Queue} for player {PlayerRef}", id, queue, pseudonymizer.ComputeCallCallerId(form.PlayerId.ToString())); // clean precision-pseudonym
        logger.LogInformation("Callback form {@Form}", form); // leak TC1001 logging-objects
        return id;
    }

    public async Task OnConnectedAsync(CallbackRequest request, string callSid, Worker agent, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("support.callback.connected");
        var playerId = Guid.Parse(request.Reference!);
        var player = await players.FindAsync(playerId, cancellationToken);

        var fields = new Dictionary<string, string>
        {
            ["Gamertag"] = player?.Gamertag ?? "(unknown)",
            ["Platform"] = player?.Platform ?? "(unknown)",
            ["Queue"] = request.Queue,
        };
        var pop = new ScreenPop(callSid, new Uri($"https://support.arcadia.example/players/{playerId}"), $"Callback: {request.Queue}", fields);
        await desktop.ScreenPopAsync(agent.Sid, pop, cancellationToken);

        activity?.SetTag("support.agent.skills", string.Join(",", agent.Skills)); // clean precision-names
        activity?.SetTag("support.agent.email", agent.Email); // leak TC1001 direct
        activity?.EnrichCallHandle(callSid).SetCallQueue(request.Queue).SetCallNote($"screen pop for {player?.Gamertag}"); // leak TC1001 generated-api
        logger.LogInformation("Popped {Url} for agent on {CallSid}", pop.Url, callSid); // leak TC1001 strings
        logger.LogInformation("Popped {Title} with {FieldCount} fields on {CallSid}", pop.Title, pop.Fields.Count, callSid); // clean strings
    }
}
