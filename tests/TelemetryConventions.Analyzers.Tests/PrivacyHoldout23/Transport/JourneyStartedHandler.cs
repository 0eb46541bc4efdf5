using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Telemetry;

namespace PrivacyHoldout23.Transport;

internal sealed class JourneyStartedHandler(ILogger<JourneyStartedHandler> logger) : INotificationHandler<JourneyStarted>
{
    public Task Handle(JourneyStarted notification, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddDomainEventRaisedEvent(nameof(JourneyStarted), notification.JourneyId.ToString()); // clean direct

        // Daily capping accumulates per card and service day.
        activity?.SetTag("capping.key", $"{notification.Card.Value}:{notification.OccurredOn:yyyyMMdd}"); // leak TC1001 strings
        logger.LogDebug("Tap-in {JourneyId} at {Origin} with card {CardNumber}", notification.JourneyId, notification.Origin, notification.Card.Value); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}
