using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Transport;

public sealed record Disruption(string DisruptionId, string RouteId, string Severity, string Summary, DateTimeOffset From, DateTimeOffset? Until);

public sealed record RouteSubscription(Guid RiderId, string Email, string? PushToken, string RouteId, string Label);

public interface IRouteSubscriptions
{
    Task<IReadOnlyList<RouteSubscription>> ForRouteAsync(string routeId, CancellationToken cancellationToken);
}

public interface IRiderMessaging
{
    Task PushAsync(string pushToken, string title, string body, CancellationToken cancellationToken);

    /// <summary>Sends a templated email; throws <see cref="MailboxUnavailableException"/> on a hard bounce.</summary>
    Task EmailAsync(string email, string templateId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken);
}

/// <summary>Thrown by the email provider on a hard bounce; its message is the 550 reply, which quotes the address.</summary>
public sealed class MailboxUnavailableException(string email) : Exception($"550 Requested action not taken: mailbox <{email}> unavailable");

/// <summary>Thrown by the push provider when a token is no longer registered; the message carries the token.</summary>
public sealed class PushTokenExpiredException(string pushToken) : Exception($"Token {pushToken} is not registered");

/// <summary>
/// Tells riders about disruptions on the routes they follow. Control-room updates arrive on a
/// subject; minor updates are dropped, and each remaining one is sent to the route's followers at
/// once, by push where the app is installed and by email otherwise.
/// </summary>
public sealed class DisruptionNotifier : IDisposable
{
    private static readonly ActivitySource Source = new("Fare.Disruptions");

    private readonly Subject<Disruption> _updates = new();
    private readonly IDisposable _subscription;
    private readonly IRouteSubscriptions _subscriptions;
    private readonly IRiderMessaging _messaging;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<DisruptionNotifier> _logger;
    private readonly Counter<long> _sent;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DisruptionNotifier(IRouteSubscriptions subscriptions, IRiderMessaging messaging, Pseudonymizer pseudonymizer, Meter meter, ILogger<DisruptionNotifier> logger)
    {
        _subscriptions = subscriptions;
        _messaging = messaging;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _sent = meter.CreateCounter<long>("fare.disruption.notifications");

        _subscription = _updates
            .Where(d => d.Severity is "severe" or "part-suspended" or "suspended")
            .Do(d => _logger.LogInformation("Disruption {Disruption} on {Route}: {Summary}", d.DisruptionId, d.RouteId, d.Summary)) // clean direct
            .Subscribe(d => _ = NotifyAsync(d), ex => _idle.TrySetException(ex));
    }

    public IObserver<Disruption> Updates => _updates;

    /// <summary>Completes when the notifications started so far are sent; used by the control room's test button.</summary>
    public Task Idle => _idle.Task;

    private async Task NotifyAsync(Disruption disruption)
    {
        using var activity = Source.StartActivity("fare.disruption.notify");
        activity?.SetTag("fare.disruption.id", disruption.DisruptionId); // clean direct
        activity?.SetTag("fare.route", disruption.RouteId); // clean direct

        var followers = await _subscriptions.ForRouteAsync(disruption.RouteId, CancellationToken.None);
        activity?.SetTag("fare.followers", followers.Count); // clean precision-about

        var sends = followers.Select(f => SendAsync(f, disruption)).ToArray();
        var outcome = await Task.WhenAll(sends).ContinueWith(t => t);
        if (outcome.IsFaulted)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Exception!.Message); // leak TC1001 exceptions
            _logger.LogWarning("{Failed} of {Followers} notifications failed for {Disruption}", sends.Count(s => s.IsFaulted), followers.Count, disruption.DisruptionId); // clean precision-about
        }

        var previous = Interlocked.Exchange(ref _idle, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    private async Task SendAsync(RouteSubscription follower, Disruption disruption)
    {
        if (follower.PushToken is { } token)
        {
            try
            {
                await _messaging.PushAsync(token, $"{follower.Label}: {disruption.Severity}", disruption.Summary, CancellationToken.None);
                _sent.Add(1, new KeyValuePair<string, object?>("channel", "push"), new KeyValuePair<string, object?>("route", disruption.RouteId)); // clean direct
                return;
            }
            catch (PushTokenExpiredException ex)
            {
                _logger.LogInformation(ex, "Push token expired; falling back to email"); // leak TC1001 exceptions
                _logger.LogInformation("Push token of rider {Rider} expired; falling back to email", _pseudonymizer.ComputeFareRiderId(follower.RiderId.ToString())); // clean precision-pseudonym
            }
        }

        await _messaging.EmailAsync(follower.Email, "disruption-alert-v2", new Dictionary<string, string> { ["route"] = disruption.RouteId, ["summary"] = disruption.Summary }, CancellationToken.None);
        _sent.Add(1, new KeyValuePair<string, object?>("channel", "email"), new KeyValuePair<string, object?>("route", disruption.RouteId)); // clean direct
        _sent.Add(1, new KeyValuePair<string, object?>("channel", "email"), new KeyValuePair<string, object?>("label", follower.Label)); // leak TC1003 direct
        _logger.LogDebug("Emailed {Follower} about {Disruption}", follower, disruption.DisruptionId); // leak TC1001 logging-objects
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _updates.Dispose();
    }
}
